"""A warning shows in the same place on every surface, in the viewer's language."""

import io
import json

import pytest
from pypdf import PdfReader

from planner.models import ScenicSpot
from planner.trips.warnings_display import display_plan, placement
from tests.dates import OCTOBER_SATURDAY

NOT_MAPPED_EN = "has no verified location yet, so it is not in the timetable"
NOT_MAPPED_ZH = "尚无核实的位置，因此未排入时间表"
UNVERIFIED_EN = "the facts or the rating are unconfirmed; check before you go."
UNVERIFIED_ZH = "信息或等级未经核实，出发前请确认"
BODY = {"title": "秋", "route": "autumn", "days": 2, "date": OCTOBER_SATURDAY}


def test_placement_puts_each_warning_at_its_stop_its_day_or_the_whole_trip():
    stops_by_day = {1: {"a", "b"}, 2: {"c"}}
    assert placement({"code": "long_leg", "slug": "c", "day": 2}, stops_by_day) == (2, "c")
    assert placement({"code": "out_of_season", "slug": "b", "day": None}, stops_by_day) == (1, "b")
    assert placement({"code": "day_overrun", "slug": None, "day": 1}, stops_by_day) == (1, None)
    # A long leg to the overnight stay is about the day, not about a stop.
    assert placement({"code": "long_leg", "slug": "stay", "day": 1}, stops_by_day) == (1, None)
    assert placement({"code": "not_mapped", "slug": "x", "day": None}, stops_by_day) == (None, None)
    assert placement({"code": "no_lodging", "slug": None, "day": None}, stops_by_day) == (
        None,
        None,
    )


def test_a_plan_saved_before_warnings_had_params_keeps_its_sentence():
    old = {"days": [], "totals": {}, "warnings": [
        {"code": "closed_on_arrival", "slug": "x", "day": None, "message": "X: arriving late."}
    ]}  # fmt: skip
    shown = display_plan(old, "en")
    assert shown["general_warnings"] == [
        {"code": "closed_on_arrival", "message": "X: arriving late."}
    ]
    old["warnings"] = [
        {"code": "out_of_season", "slug": "x", "day": None, "message": "X 最佳游览月份为 4 月。"},
        {"code": "not_mapped", "slug": "y", "day": None, "message": "Y 尚无核实的位置。"},
        {"code": "no_lodging", "slug": None, "day": None, "message": "没有民宿。"},
    ]
    messages = [w["message"] for w in display_plan(old, "en")["general_warnings"]]
    # Without the params or the name the words need, the saved sentence is the best we have.
    assert messages[:2] == ["X 最佳游览月份为 4 月。", "Y 尚无核实的位置。"]
    assert messages[2].startswith("No published stay")


@pytest.fixture
def saved_in_chinese(huairou, client):
    """The autumn route (one stop not on the map) with Huanghuacheng's facts unconfirmed."""
    ScenicSpot.objects.filter(slug="huanghuacheng-lakeside-great-wall").update(confidence="L")
    # Every route stop has a location now; take one away to see the not-mapped warning.
    ScenicSpot.objects.filter(slug="xiangshuihu-great-wall").update(latitude=None, longitude=None)
    response = client.post("/api/itineraries", json.dumps(BODY), content_type="application/json",
                           HTTP_ACCEPT_LANGUAGE="zh-hans")  # fmt: skip
    assert response.status_code == 201
    return response.json()


def english(client, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return response


def test_the_api_places_and_words_warnings(saved_in_chinese, client):
    plan = english(client, f"/api/itineraries/{saved_in_chinese['token']}").json()["plan"]
    general = [w["message"] for w in plan["general_warnings"]]
    assert any(NOT_MAPPED_EN in message for message in general)
    wall = next(
        s
        for day in plan["days"]
        for s in day["stops"]
        if s["slug"] == "huanghuacheng-lakeside-great-wall"
    )
    unverified = [w for w in wall["warnings"] if w["code"] == "unverified_data"]
    assert len(unverified) == 1 and UNVERIFIED_EN in unverified[0]["message"]
    assert NOT_MAPPED_ZH not in json.dumps(plan, ensure_ascii=False)


def test_the_saved_page_shows_not_mapped_and_stop_warnings_in_the_viewers_language(
    saved_in_chinese, client
):
    page = english(client, f"/i/{saved_in_chinese['token']}/").content.decode()
    assert NOT_MAPPED_EN in page and NOT_MAPPED_ZH not in page
    stop = page.split('data-slug="huanghuacheng-lakeside-great-wall"')[1].split("</li>")[0]
    assert UNVERIFIED_EN in stop and UNVERIFIED_ZH not in page
    chinese = client.get(f"/i/{saved_in_chinese['token']}/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert NOT_MAPPED_ZH in chinese.content.decode()


def test_the_print_sheet_shows_them_in_the_same_places(saved_in_chinese, client):
    page = english(client, f"/i/{saved_in_chinese['token']}/print/").content.decode()
    before_days = page.split('class="sheet-day"')[0]
    assert NOT_MAPPED_EN in before_days
    stop = page.split('data-slug="huanghuacheng-lakeside-great-wall"')[1].split("</li>")[0]
    assert UNVERIFIED_EN in stop
    # Said once: at its stop, not again for the whole trip.
    assert UNVERIFIED_EN not in before_days and NOT_MAPPED_ZH not in page


def test_the_pdf_words_them_in_the_viewers_language(saved_in_chinese, client):
    content = english(client, f"/i/{saved_in_chinese['token']}/sheet.pdf").content
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    text = " ".join(text.split())
    assert NOT_MAPPED_EN in text and UNVERIFIED_EN in text


@pytest.mark.parametrize(
    "language, words",
    [("en", "Leave by 17:20 to catch the last bus or train home."),
     ("zh-hans", "请在 17:20 前出发，才能赶上返程的末班车。")],
)  # fmt: skip
def test_the_last_connection_says_when_to_set_off_not_when_a_bus_leaves(language, words):
    """17:20 is the latest to leave the stop; the bus itself (H14 17:30) leaves later."""
    from django.utils import translation

    from planner.trips.warnings_display import warning_text

    warning = {"code": "last_departure", "slug": None, "day": 1,
               "params": {"time": "17:20", "origin": "huanghuacheng"}}  # fmt: skip
    with translation.override(language):
        assert warning_text(warning, {}, language) == words
