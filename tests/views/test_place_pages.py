import pytest
from django.utils.html import escape

from planner.models import Homestay, ScenicSpot


def page(client, url, language="en"):
    client.cookies["django_language"] = language
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_spot_page_shows_facts_with_their_dates_and_sources(huairou, client):
    html = page(client, "/spots/hongluo-temple/")
    spot = ScenicSpot.objects.get(slug="hongluo-temple")
    assert "Hongluo Temple" in html and "红螺寺" in html
    assert "Jan 1 – Dec 31" in html and "08:30–17:00" in html and "last entry 16:00" in html
    assert f"¥{spot.ticket_cny}" in html and f"as of {spot.price_as_of}" in html
    for source in spot.sources.all():
        assert escape(source.title) in html and f'href="{escape(source.url)}"' in html
        assert f"as of {source.as_of}" in html if source.as_of else "undated" in html
    assert "Last verified" in html


def test_seasonal_hours_closures_and_prices_are_listed(huairou, client):
    html = page(client, "/spots/mutianyu-great-wall/")
    assert "Apr 1 – Oct 31: 07:30–18:00 (last entry 17:30) · ticket ¥45" in " ".join(html.split())
    assert "Nov 1 – Dec 31: 07:30–17:30 · ticket ¥40" in " ".join(html.split())
    html = page(client, "/spots/labagou-primeval-forest/")
    assert "closed (forest fire season)" in " ".join(html.split())
    html = page(client, "/spots/labagou-primeval-forest/", language="zh-hans")
    assert "冬季因森林防火闭园" in html


def test_a_graded_spot_without_hours_says_hours_unknown(huairou, client):
    html = page(client, "/spots/survival-island/")
    assert "Hours unknown" in html
    assert "Hours unknown" not in page(client, "/spots/hongluo-temple/")


def test_an_approximate_pin_is_called_approximate(huairou, client):
    html = page(client, "/homestays/guohuai-courtyard/")
    assert "Approximate location: village centre" in html and "farmstay (农家院)" in html
    assert "Approximate location" not in page(client, "/spots/hongluo-temple/")


def test_unconfirmed_rating_and_low_confidence_are_called_out(huairou, client):
    assert "rating is unconfirmed" in page(client, "/spots/erguotou-liquor-museum/")
    html = page(client, "/spots/yougu-shentan/")
    assert "Low-confidence data" in html and "rating is unconfirmed" not in html


def test_place_without_location_says_so(huairou, client):
    html = page(client, "/spots/tianchi-canyon/")
    assert "not shown on the map" in html


def test_nearby_homestays_are_sorted_by_distance_with_km(huairou, client):
    html = page(client, "/spots/mutianyu-great-wall/")
    spot = ScenicSpot.objects.get(slug="mutianyu-great-wall")
    expected = sorted(
        (h for h in Homestay.objects.all() if h.is_mapped), key=lambda h: spot.distance_km(h)
    )[:3]
    positions = [html.index(h.name_en) for h in expected]
    assert positions == sorted(positions)
    assert f"{spot.distance_km(expected[0]):.1f} km" in html


def test_navigate_links_use_wgs84(huairou, client):
    html = page(client, "/spots/mutianyu-great-wall/")
    assert "uri.amap.com/marker" in html and "coordinate=wgs84" in html
    assert "api.map.baidu.com" in html and "maps.apple.com" in html


@pytest.mark.parametrize(
    "url",
    [
        "/homestays/the-brickyard/",
        "/cafes/heyin-cafe/",
        "/villages/beigou/",
        "/places/jiankou-trailhead/",
        "/start-points/dongzhimen/",
    ],
)
def test_every_kind_has_a_page(huairou, client, url):
    page(client, url)


def test_unpublished_places_are_not_found(huairou, client):
    ScenicSpot.objects.filter(slug="yanqi-lake").update(is_published=False)
    assert client.get("/spots/yanqi-lake/").status_code == 404


def test_chinese_is_the_default_language(huairou, client):
    html = client.get("/").content.decode()
    assert "探索怀柔" in html and 'lang="zh-Hans"' in html


def test_route_pages_show_theme_days_and_leg_distances(huairou, client):
    html = page(client, "/routes/", language="zh-hans")
    for theme in ["春季观景赏花怀柔游", "夏季消夏避暑雁栖游", "秋季采摘赏叶长城游"]:
        assert theme in html
    assert "Autumn: picking, red leaves and the Great Wall" in page(client, "/routes/")
    html = page(client, "/routes/autumn/")
    assert "Day 1" in html and "Day 2" in html
    assert "km straight-line" in html
    assert "Huanghuacheng Lakeside Great Wall" in html and "theme from" in html


def test_places_sharing_a_village_centre_are_not_shown_zero_km_apart(huairou, client):
    html = page(client, "/homestays/guohuai-courtyard/")
    assert "same village (approximate location)" in html and "— 0.0 km" not in html
