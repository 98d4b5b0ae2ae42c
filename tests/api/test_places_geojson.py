import pytest
from django.urls import reverse

from planner.geo.coordinates import to_gcj02
from planner.models import Homestay, ScenicSpot
from planner.planning.seasons import in_season
from tests.conftest import clear_all_caches

URL = "/api/places.geojson"


def slugs(response, kind=None):
    return {
        f["properties"]["slug"]
        for f in response.json()["features"]
        if kind is None or f["properties"]["kind"] == kind
    }


def test_feature_collection_of_published_places(huairou, client):
    Homestay.objects.filter(slug="the-brickyard").update(is_published=False)
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/geo+json")
    data = response.json()
    assert data["type"] == "FeatureCollection"
    assert "the-brickyard" not in slugs(response)
    mutianyu = next(f for f in data["features"] if f["properties"]["slug"] == "mutianyu-great-wall")
    assert mutianyu["geometry"] == {"type": "Point", "coordinates": [116.56187, 40.43568]}
    assert mutianyu["properties"]["location_approximate"] is False
    farmstay = next(f for f in data["features"] if f["properties"]["slug"] == "guohuai-courtyard")
    assert farmstay["properties"]["lodging_kind"] == "farmstay"
    assert farmstay["properties"]["location_approximate"] is True
    props = mutianyu["properties"]
    assert props["kind"] == "spot" and props["rating"] == "5A"
    assert props["name_zh"] == "慕田峪长城" and props["name_en"] == "Mutianyu Great Wall"
    assert props["url"] == reverse("planner:spot-detail", args=["mutianyu-great-wall"])
    assert set(props) >= {
        "slug",
        "kind",
        "name_zh",
        "name_en",
        "rating",
        "town_zh",
        "tags",
        "best_months",
        "url",
    }


def test_places_without_coordinates_are_listed_without_geometry(huairou, client):
    features = client.get(URL).json()["features"]
    tianchi = next(f for f in features if f["properties"]["slug"] == "tianchi-canyon")
    assert tianchi["geometry"] is None


def test_kind_filter(huairou, client):
    response = client.get(URL, {"kind": "homestay,cafe"})
    kinds = {f["properties"]["kind"] for f in response.json()["features"]}
    assert kinds == {"homestay", "cafe"}


def test_october_keeps_the_spots_good_in_october_and_leaves_lodging(huairou, client):
    response = client.get(URL, {"month": "10"})
    expected = {s.slug for s in ScenicSpot.objects.all() if in_season(s.best_months, s.seasons, 10)}
    assert slugs(response, "spot") == expected
    assert "labagou-primeval-forest" in expected and "shengquan-mountain" not in expected
    published = Homestay.objects.published()
    assert slugs(response, "homestay") == set(published.values_list("slug", flat=True))


def test_rating_tag_and_town_filters(huairou, client):
    assert slugs(client.get(URL, {"rating": "4A", "kind": "spot"})) == set(
        ScenicSpot.objects.filter(rating="4A").values_list("slug", flat=True)
    )
    great_wall = slugs(client.get(URL, {"tag": "great-wall", "kind": "spot"}))
    assert "mutianyu-great-wall" in great_wall and "hongluo-temple" not in great_wall
    bohai = client.get(URL, {"town": "渤海镇"}).json()["features"]
    assert bohai and all(f["properties"]["town_zh"] == "渤海镇" for f in bohai)
    assert client.get(URL, {"town": "Bohai Town"}).json()["features"] == bohai


def test_bbox_keeps_only_places_inside(huairou, client):
    response = client.get(URL, {"bbox": "116.5,40.4,116.6,40.45"})
    for feature in response.json()["features"]:
        lng, lat = feature["geometry"]["coordinates"]
        assert 116.5 <= lng <= 116.6 and 40.4 <= lat <= 40.45
    assert "mutianyu-great-wall" in slugs(response)
    assert "yanqi-lake" not in slugs(response)


@pytest.mark.parametrize(
    "params, field",
    [
        ({"kind": "castle"}, "kind"),
        ({"month": "13"}, "month"),
        ({"month": "october"}, "month"),
        ({"rating": "6A"}, "rating"),
        ({"bbox": "1,2,3"}, "bbox"),
        ({"bbox": "116.6,40.4,116.5,40.5"}, "bbox"),
        ({"bbox": "a,b,c,d"}, "bbox"),
        ({"bbox": "200,40,201,41"}, "bbox"),
        ({"colour": "red"}, "query"),
    ],
)
def test_invalid_parameters_answer_400_with_the_reason(huairou, client, params, field):
    response = client.get(URL, params)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert list(errors) == [field] and errors[field][0]


def test_query_count_does_not_grow_with_the_number_of_places(
    huairou, client, django_assert_max_num_queries
):
    clear_all_caches()
    # One query per kind of place, the spots' seasonal periods (hours in force today), plus
    # the content version read from its database row.
    with django_assert_max_num_queries(8) as few:
        client.get(URL)
    Homestay.objects.bulk_create(
        Homestay(
            slug=f"extra-{i}",
            name_zh=f"民宿{i}",
            latitude=40.4,
            longitude=116.6,
        )
        for i in range(200)
    )
    clear_all_caches()
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL)
    assert len(slugs(response, "homestay")) > 200


def test_etag_and_last_modified_allow_conditional_requests(huairou, client):
    first = client.get(URL)
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_editor_save_invalidates_the_cached_answer(huairou, client):
    first = client.get(URL)
    spot = ScenicSpot.objects.get(slug="yanqi-lake")
    spot.name_en = "Yanqi Lake (renamed)"
    spot.save()
    second = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    names = {f["properties"]["name_en"] for f in second.json()["features"]}
    assert "Yanqi Lake (renamed)" in names


def test_responses_are_gzipped_for_clients_that_accept_it(huairou, client):
    response = client.get(URL, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"


def test_features_carry_their_gcj02_position(huairou, client):
    feature = next(
        f
        for f in client.get(URL).json()["features"]
        if f["properties"]["slug"] == "mutianyu-great-wall"
    )
    gcj_lat, gcj_lng = to_gcj02(40.43568, 116.56187)
    assert feature["properties"]["gcj02"] == [round(gcj_lng, 6), round(gcj_lat, 6)]


def test_route_geojson_has_stops_in_order_and_a_line_per_day(huairou, client):
    data = client.get("/api/routes/summer.geojson").json()
    points = [f for f in data["features"] if f["geometry"] and f["geometry"]["type"] == "Point"]
    assert [p["properties"]["position"] for p in points] == sorted(
        p["properties"]["position"] for p in points
    )
    lines = [f for f in data["features"] if f["properties"].get("kind") == "route-line"]
    assert {line["properties"]["day"] for line in lines} == {1, 2}
    assert client.get("/api/routes/monsoon.geojson").status_code == 404


def test_digits_of_other_scripts_are_not_months(huairou, client):
    # Found by fuzzing: "¹" passes str.isdigit() but int() cannot read it.
    response = client.get(URL, {"month": "¹"})
    assert response.status_code == 400 and "month" in response.json()["errors"]


def test_the_map_shows_all_17_graded_spots(huairou, client):
    features = client.get(URL, {"kind": "spot"}).json()["features"]
    graded_on_map = [
        f for f in features if f["properties"].get("rating") and f["geometry"] is not None
    ]
    assert len(graded_on_map) == 17
