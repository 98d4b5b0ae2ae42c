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


def test_the_builder_s_date_input_starts_today(huairou, client):
    from planner.trips.requests import today

    html = client.get("/plan/").content.decode()
    assert f'min="{today().isoformat()}"' in html
    latest = today() + dt.timedelta(days=3650)
    assert f'max="{latest.isoformat()}"' in html
