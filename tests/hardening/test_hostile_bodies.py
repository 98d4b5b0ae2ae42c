"""Issue 16, item 2: small hostile bodies answer 400 with a reason, never 500."""

import datetime as dt
import json

import pytest

from tests.dates import OCTOBER_SATURDAY

ENDPOINTS = ["/api/plan", "/api/itineraries"]


def post_raw(client, url, raw: str):
    return client.post(url, data=raw.encode("utf-8", "surrogatepass"),
                       content_type="application/json")  # fmt: skip


def reason(response) -> str:
    assert response.status_code == 400, response.content[:300]
    return " ".join(" ".join(messages) for messages in response.json()["errors"].values())


@pytest.mark.parametrize("url", ENDPOINTS)
@pytest.mark.parametrize("depth", [30, 300, 5000])
def test_deep_nesting_is_refused(huairou, client, url, depth):
    raw = '{"stops": ' + "[" * depth + "]" * depth + "}"
    assert "nested" in reason(post_raw(client, url, raw)) or "JSON" in reason(
        post_raw(client, url, raw)
    )


@pytest.mark.parametrize("url", ENDPOINTS)
@pytest.mark.parametrize("field", ["title", "stops", "start", "start_name"])
def test_lone_surrogates_are_refused(huairou, client, url, field):
    body = {"stops": ["yanqi-lake"], "date": OCTOBER_SATURDAY}
    if field == "stops":
        body["stops"] = ["yanqi-lake", "\ud800"]
    elif field == "start_name":
        body["start"] = {"lat": 40.3, "lng": 116.6, "name": "a\ud800"}
    else:
        body[field] = "a\ud800"
    raw = json.dumps(body)  # escapes the surrogate as \ud800, as an attacker would send it
    assert "surrogate" in reason(post_raw(client, url, raw))


@pytest.mark.parametrize("url", ENDPOINTS)
def test_an_integer_past_python_s_digit_limit_is_refused(huairou, client, url):
    raw = '{"stops": ["yanqi-lake"], "days": ' + "9" * 5000 + "}"
    assert "JSON" in reason(post_raw(client, url, raw))


@pytest.mark.parametrize("url", ENDPOINTS)
@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "1899-12-31"])
def test_dates_out_of_range_are_refused(huairou, client, url, date):
    body = {"stops": ["yanqi-lake"], "date": date, "days": 2}
    response = post_raw(client, url, json.dumps(body))
    assert reason(response) and list(response.json()["errors"]) == ["date"]


def test_dates_ten_years_ahead_are_the_limit(huairou, client):
    near = dt.date.today() + dt.timedelta(days=9 * 365)
    far = dt.date.today() + dt.timedelta(days=11 * 365)
    ok = post_raw(client, "/api/plan", json.dumps({"stops": ["yanqi-lake"], "date": str(near)}))
    assert ok.status_code == 200
    refused = post_raw(client, "/api/plan", json.dumps({"stops": ["yanqi-lake"], "date": str(far)}))
    assert refused.status_code == 400


@pytest.mark.parametrize(
    "method, url, status",
    [
        ("get", "/api/plan", 405),
        ("delete", "/api/itineraries", 405),
        ("get", "/api/itineraries/" + "A" * 32, 404),
        ("get", "/api/nothing-here", 404),
        ("get", "/api/routes/no-such-route.geojson", 404),
    ],
)
def test_api_errors_answer_json(huairou, client, method, url, status):
    response = getattr(client, method)(url)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["errors"]


@pytest.mark.parametrize("name", ["month", "zoom"])
def test_huge_numbers_in_the_map_query_are_refused(huairou, client, name):
    # Found by the fuzzer: int() of a 5,000-digit string raises ValueError.
    response = client.get("/api/places.geojson", {name: "1" * 5000, "bbox": "116,40,117,41"})
    assert response.status_code == 400 and response.json()["errors"][name]
