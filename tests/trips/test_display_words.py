"""What the saved page, the sheet and the builder say about legs, lunch, the day's end and
unknown prices (planner/exports/legs.py, planner/trips/legs_display.py): worded once."""

import json
import re

import pytest
from django.utils import translation

from tests.dates import pin_today


@pytest.fixture
def autumn_by_bus(huairou, client, monkeypatch):
    """The autumn route by bus, two days, saved: the schoolhouse restaurant is lunch."""
    pin_today(monkeypatch, "2026-09-30")
    body = {"start": "dongzhimen", "date": "2026-10-03", "days": 2, "transport": "transit",
            "route": "autumn"}  # fmt: skip
    saved = client.post("/api/itineraries", json.dumps(body), content_type="application/json")
    assert saved.status_code == 201, saved.content[:300]
    return saved.json()


def page_text(client, url, language):
    html = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()), html


@pytest.mark.parametrize("print_view", [False, True])
def test_a_day_that_ends_at_a_stay_says_so_and_bus_legs_are_ridden(autumn_by_bus, client,
                                                                    print_view):  # fmt: skip
    url = autumn_by_bus["url"] + ("print/" if print_view else "")
    text, html = page_text(client, url, "en")
    day1, day2 = autumn_by_bus["plan"]["days"]
    assert f"At the stay by {day1['return_at']}" in text
    assert f"Back at {day1['return_at']}" not in text
    assert f"Back at {day2['return_at']}" in text
    legs = re.findall(r'class="(?:leg-how|sheet-leg)">(.*?)</', html)
    assert legs and any("ride " in leg for leg in legs)
    assert not [leg for leg in legs if "drive " in leg]
    chinese, _html = page_text(client, url, "zh-hans")
    assert f"{day1['return_at']} 到达住处" in chinese and "乘车" in chinese


def test_lunch_at_a_restaurant_is_lunch_and_notes_have_no_loose_separator(autumn_by_bus, client):
    _text, html = page_text(client, autumn_by_bus["url"], "en")
    restaurant = html.split('data-slug="schoolhouse-restaurant"')[1].split("</li>")[0]
    assert re.search(r"lunch \d\d:\d\d", restaurant) and "at the site" not in restaurant
    notes = re.findall(r'<p class="stop-notes">(.*?)</p>', html)
    assert notes and not [n for n in notes if n.strip().endswith("·") or not n.strip()]
    _text, chinese = page_text(client, autumn_by_bus["url"], "zh-hans")
    restaurant = chinese.split('data-slug="schoolhouse-restaurant"')[1].split("</li>")[0]
    assert "在景区内午餐" not in restaurant and "午餐" in restaurant


def test_unknown_prices_take_the_plural_form():
    from planner.trips.legs_display import unknown_prices_text

    one = {"unknown_prices": {"tickets": 1, "lodging": 0}}
    two = {"unknown_prices": {"tickets": 1, "lodging": 1}}
    with translation.override("en"):
        assert unknown_prices_text(one) == "1 price unknown, not counted"
        assert unknown_prices_text(two) == "2 prices unknown, not counted"
    with translation.override("zh-hans"):
        assert unknown_prices_text(one) == "1 项价格未知，未计入"
    assert unknown_prices_text({"unknown_prices": {"tickets": 0, "lodging": 0}}) == ""


def test_every_page_names_an_icon_that_is_served(huairou, client):
    html = client.get("/").content.decode()
    assert '<link rel="icon" type="image/png" href="/favicon.ico">' in html
    answer = client.get("/favicon.ico")
    assert answer.status_code == 301 and answer["Location"].endswith(".png")
