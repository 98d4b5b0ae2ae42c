import pytest
from axe_playwright_python.sync_playwright import Axe

from planner.models import ScenicSpot
from planner.planning.seasons import in_season
from tests.browser.conftest import published_places
from tests.browser.helpers import (
    settled_box,
    settled_marker_total,
    wait_for_box,
    wait_for_list,
)
from tests.browser.waiting import wait_until

pytestmark = pytest.mark.browser


def test_home_shows_one_marker_per_published_place_with_tiles_blocked(
    huairou_live, offline_page, live_server
):
    tile_requests = []
    offline_page.on("request", lambda r: tile_requests.append(r.url) if "tile" in r.url else None)
    offline_page.goto(live_server.url + "/")
    wait_for_list(offline_page)
    mapped = [place for place in published_places() if place.is_mapped]
    wait_until(
        offline_page,
        "() => document.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon').length > 0",
    )
    assert tile_requests, "the map tried to load tiles (and they were refused)"
    assert settled_marker_total(offline_page) == len(mapped)
    assert offline_page.locator("#place-list li").count() == len(published_places())


def test_october_filter_leaves_the_right_places(huairou_live, offline_page, live_server):
    offline_page.goto(live_server.url + "/")
    wait_for_list(offline_page)
    offline_page.select_option("#filter-month", "10")
    october_spots = [
        s for s in ScenicSpot.objects.published() if in_season(s.best_months, s.seasons, 10)
    ]
    others = [p for p in published_places() if not isinstance(p, ScenicSpot)]
    expected = len(october_spots) + len(others)
    wait_until(
        offline_page, "n => document.querySelectorAll('#place-list li').length === n", expected
    )
    names = offline_page.locator("#place-list .place-spot .place-name").all_inner_texts()
    assert sorted(names) == sorted(s.name_zh for s in october_spots)
    assert "month=10" in offline_page.url


def test_clicking_a_list_item_opens_its_popup(huairou_live, offline_page, live_server):
    offline_page.goto(live_server.url + "/")
    wait_for_list(offline_page)
    offline_page.get_by_role("button", name="慕田峪长城").click()
    popup = offline_page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "慕田峪长城" in popup.inner_text()
    assert "5A" in popup.inner_text()
    assert popup.get_by_role("link", name="详情与来源").get_attribute("href") == (
        "/spots/mutianyu-great-wall/"
    )


def test_switching_to_english_changes_the_interface(huairou_live, offline_page, live_server):
    offline_page.goto(live_server.url + "/")
    assert offline_page.get_by_role("heading", level=1).inner_text() == "探索怀柔"
    offline_page.get_by_role("button", name="English").click()
    offline_page.wait_for_load_state()
    assert offline_page.get_by_role("heading", level=1).inner_text() == "Explore Huairou"
    wait_for_list(offline_page)
    assert offline_page.get_by_role("button", name="Mutianyu Great Wall").count() == 1


def test_phone_width_has_no_horizontal_scroll(huairou_live, browser, live_server, tmp_path):
    context = browser.new_context(viewport={"width": 375, "height": 812}, locale="zh-CN")
    phone = context.new_page()
    phone.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith(live_server.url) else r.abort()
    )
    for path in ["/", "/spots/mutianyu-great-wall/", "/routes/autumn/"]:
        phone.goto(live_server.url + path)
        phone.wait_for_load_state("networkidle")
        phone.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
        scroll_width = phone.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= 375, f"{path} scrolls sideways ({scroll_width}px)"
    context.close()


@pytest.mark.parametrize("path", ["/", "/spots/mutianyu-great-wall/", "/routes/autumn/"])
def test_no_serious_accessibility_violations(huairou_live, offline_page, live_server, path):
    offline_page.goto(live_server.url + path)
    offline_page.wait_for_load_state("networkidle")
    results = Axe().run(offline_page)
    serious = [
        violation
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]
    assert serious == [], results.generate_report()


def test_choosing_amap_tiles_shifts_markers_onto_gcj02_roads(
    huairou_live, offline_page, live_server
):
    offline_page.goto(live_server.url + "/")
    wait_for_list(offline_page)
    offline_page.get_by_role("button", name="慕田峪长城").click()
    offline_page.locator(".leaflet-popup-content").wait_for()
    marker = offline_page.locator(".leaflet-marker-pane .place-marker[title='慕田峪长城']")
    before = settled_box(offline_page, marker)
    offline_page.locator(".leaflet-control-layers").hover()
    offline_page.get_by_label("高德地图").check()
    # ~500 m east-north-east at zoom 14 is tens of pixels: right and up on screen.
    after = wait_for_box(offline_page, marker, lambda box: box["x"] - before["x"] > 20)
    assert before["y"] - after["y"] > 5
    offline_page.get_by_label("开放街道地图 OpenStreetMap").check()
    wait_for_box(offline_page, marker, lambda box: abs(box["x"] - before["x"]) < 1)
