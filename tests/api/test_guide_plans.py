"""Real plans from the committed data, as a local guide reads them (see bench/guide_read.py)."""

import json

import pytest

from tests.dates import pin_today


@pytest.fixture(autouse=True)
def autumn_2026(monkeypatch):
    """These plans were read on fixed days of autumn 2026 (National Day week included)."""
    pin_today(monkeypatch, "2026-09-30")


def plan(client, body):
    response = client.post("/api/plan", data=json.dumps(body), content_type="application/json")
    assert response.status_code == 200, response.content[:300]
    return response.json()


def test_a_stop_that_misses_its_day_in_holiday_traffic_moves_to_a_later_day_with_room(
    huairou, client
):
    # 1 October by bus: the morning crawl to Mutianyu leaves no time for Hongluo that day,
    # though the days were split without traffic; day 2 (Yanqi Lake alone) has room for it.
    body = {"start": "dongzhimen", "date": "2026-10-01", "days": 2, "transport": "transit",
            "stops": ["mutianyu-great-wall", "hongluo-temple", "yanqi-lake"]}  # fmt: skip
    result = plan(client, body)
    visits = [s["slug"] for d in result["days"] for s in d["stops"] if s["role"] == "visit"]
    assert sorted(visits) == ["hongluo-temple", "mutianyu-great-wall", "yanqi-lake"]
    assert result["unplaced"] == []
    assert all(d["back"] <= "21:00" for d in result["days"])


def test_a_restaurant_the_visitor_chose_is_where_lunch_is_eaten(huairou, client):
    # Not a lunch break on the Wall and then the restaurant at 15:00 until it closes.
    body = {"start": "dongzhimen", "date": "2026-10-03", "days": 2, "transport": "transit",
            "route": "autumn"}  # fmt: skip
    result = plan(client, body)
    (restaurant,) = [
        s for d in result["days"] for s in d["stops"] if s["slug"] == "schoolhouse-restaurant"
    ]
    assert restaurant["lunch_at"] is not None
    assert "11:00" <= restaurant["lunch_at"] <= "13:00"
