from decimal import Decimal

import pytest
from django.contrib.auth.models import User

from planner.models import Homestay
from tests.browser.waiting import wait_until

pytestmark = pytest.mark.browser


def log_in(page, live_server):
    User.objects.create_superuser("mapper", password="map-picker-pw-1")
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "mapper")
    page.fill("#id_password", "map-picker-pw-1")
    page.click("input[type=submit]")


def test_clicking_the_map_sets_the_position_and_saves_it(huairou_live, offline_page, live_server):
    stay = Homestay.objects.get(slug="the-brickyard")
    log_in(offline_page, live_server)
    offline_page.goto(live_server.url + f"/admin/planner/homestay/{stay.pk}/change/")
    picker = offline_page.locator(".map-picker-map")
    picker.wait_for()
    box = picker.bounding_box()
    offline_page.mouse.click(box["x"] + box["width"] * 0.7, box["y"] + box["height"] * 0.3)
    latitude = float(offline_page.input_value("#id_latitude"))
    longitude = float(offline_page.input_value("#id_longitude"))
    assert latitude > 40.42 and longitude > 116.548  # north-east of the old point
    offline_page.click("input[name=_save]")
    # A moved pin asks for the date it was checked (and a look at the confidence).
    offline_page.wait_for_selector(".field-last_verified .errorlist")
    offline_page.fill("#id_last_verified", "2026-11-27")
    offline_page.click("input[name=_save]")
    offline_page.wait_for_url("**/admin/planner/homestay/")
    saved = Homestay.objects.get(pk=stay.pk)
    assert saved.latitude == Decimal(f"{latitude:.6f}") and saved.longitude == Decimal(
        f"{longitude:.6f}"
    )


def test_typing_coordinates_moves_the_marker(huairou_live, offline_page, live_server):
    stay = Homestay.objects.get(slug="the-brickyard")
    log_in(offline_page, live_server)
    offline_page.goto(live_server.url + f"/admin/planner/homestay/{stay.pk}/change/")
    marker = offline_page.locator(".map-picker-map .leaflet-marker-icon")
    before = marker.bounding_box()
    offline_page.fill("#id_longitude", "116.600000")  # 4.4 km east
    offline_page.wait_for_timeout(400)
    after = marker.bounding_box()
    assert after["x"] - before["x"] > 50


HOSTILE_NAME = '<img src=x onerror="window.__xss=1">'


# Issue 16, item 8: a place name typed by an editor is text in the tooltip, never markup.
def test_neighbours_names_are_shown_as_text_never_html(huairou_live, offline_page, live_server):
    neighbour = Homestay.objects.exclude(slug="the-brickyard").filter(latitude__isnull=False)[0]
    neighbour.name_zh = HOSTILE_NAME
    neighbour.save()
    stay = Homestay.objects.get(slug="the-brickyard")
    page = offline_page
    log_in(page, live_server)
    page.goto(live_server.url + f"/admin/planner/homestay/{stay.pk}/change/")
    page.locator(".map-picker-map").wait_for()
    wait_until(page, "document.querySelectorAll('.map-picker-map path').length > 3")
    page.evaluate("""() => document.querySelectorAll('.map-picker-map path.leaflet-interactive')
        .forEach(p => p.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})))""")
    tooltips = page.locator(".leaflet-tooltip")
    texts = tooltips.all_text_contents()
    assert HOSTILE_NAME in texts
    assert page.locator(".leaflet-tooltip img").count() == 0
    assert page.evaluate("window.__xss") is None
