"""A sheet prints the hours and ticket in force on the day of the trip."""

import datetime as dt
import json

import pytest

from planner.models import OpeningPeriod
from tests.dates import next_saturday_from


def sheet_for(client, date: str) -> str:
    body = {"stops": ["mutianyu-great-wall"], "date": date}
    saved = client.post("/api/itineraries", json.dumps(body), content_type="application/json")
    assert saved.status_code == 201
    page = client.get(f"/i/{saved.json()['token']}/print/", HTTP_ACCEPT_LANGUAGE="en")
    stop = page.content.decode().split('data-slug="mutianyu-great-wall"')[1].split("</li>")[0]
    return " ".join(stop.split())


@pytest.mark.parametrize(
    "date, hours, ticket",
    [
        # Saved plans start today or later: the next July and November Saturdays.
        (next_saturday_from(7, 4), "07:30–18:00 (last entry 17:30)", "¥45"),
        (next_saturday_from(11, 14), "07:30–17:30", "¥40"),
    ],
)
def test_the_sheet_shows_the_seasons_hours_and_ticket(huairou, client, date, hours, ticket):
    stop = sheet_for(client, date)
    assert hours in stop and ticket in stop


def test_a_period_may_wrap_the_new_year():
    winter = OpeningPeriod(start_month=11, start_day=1, end_month=3, end_day=15)
    assert winter.covers(dt.date(2026, 12, 31)) and winter.covers(dt.date(2027, 3, 15))
    assert not winter.covers(dt.date(2027, 3, 16)) and not winter.covers(dt.date(2026, 10, 31))
    summer = OpeningPeriod(start_month=4, start_day=1, end_month=10, end_day=31)
    assert summer.covers(dt.date(2026, 4, 1)) and not summer.covers(dt.date(2026, 11, 1))
