"""One rule for the first day of a plan: today or later, for computing and saving alike."""

import datetime as dt
import json

import pytest

from tests.dates import pin_today


def post(client, url, body, language="en"):
    return client.post(url, data=json.dumps(body), content_type="application/json",
                       HTTP_ACCEPT_LANGUAGE=language)  # fmt: skip


@pytest.mark.parametrize("url", ["/api/plan", "/api/itineraries"])
def test_a_first_day_in_the_past_is_refused_with_a_clear_message(huairou, client, monkeypatch,
                                                                  url):  # fmt: skip
    pin_today(monkeypatch, "2026-11-27")
    body = {"date": "2026-10-03", "stops": ["yanqi-lake"]}
    response = post(client, url, body)
    assert response.status_code == 400
    assert response.json()["errors"]["date"] == [
        "The first day is in the past: choose today or a later date."
    ]
    chinese = post(client, url, body, language="zh-hans").json()["errors"]["date"]
    assert chinese == ["出发日期已过，请选择今天或之后的日期。"]
    assert post(client, url, {**body, "date": "2026-11-27"}).status_code in (200, 201)


def test_the_builder_s_date_input_starts_today(huairou, client, monkeypatch):
    from tests.dates import pin_now

    pin_now(monkeypatch, dt.datetime(2026, 11, 27, 9, 0))  # a morning: today can still start
    html = client.get("/plan/").content.decode()
    assert 'min="2026-11-27"' in html
    latest = dt.date(2026, 11, 27) + dt.timedelta(days=3650)
    assert f'max="{latest.isoformat()}"' in html


@pytest.mark.parametrize("url", ["/api/plan", "/api/itineraries"])
def test_today_is_refused_once_a_day_out_can_no_longer_start(huairou, client, monkeypatch, url):
    """At 21:56 in Huairou a plan for today (leaving at 08:00) is of no use."""
    from tests.dates import pin_now

    pin_now(monkeypatch, dt.datetime(2026, 11, 27, 21, 56))
    body = {"date": "2026-11-27", "stops": ["yanqi-lake"]}
    response = post(client, url, body)
    assert response.status_code == 400
    assert response.json()["errors"]["date"] == [
        "It is too late to start a day out today: choose tomorrow or a later date."
    ]
    chinese = post(client, url, body, language="zh-hans").json()["errors"]["date"]
    assert chinese == ["今天出发已经太晚：请选择明天或之后的日期。"]
    assert post(client, url, {**body, "date": "2026-11-28"}).status_code in (200, 201)
    pin_now(monkeypatch, dt.datetime(2026, 11, 27, 9, 30))
    assert post(client, url, body).status_code in (200, 201)


def test_the_builder_offers_tomorrow_first_late_in_the_evening(huairou, client, monkeypatch):
    from tests.dates import pin_now

    pin_now(monkeypatch, dt.datetime(2026, 11, 28, 21, 0))  # a Saturday evening
    html = client.get("/plan/").content.decode()
    assert 'min="2026-11-29"' in html
    assert "2026-12-05" in html and "2026-11-28" not in html  # next Saturday, not tonight
