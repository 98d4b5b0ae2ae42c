"""Every page and API endpoint runs the same number of SQL queries however many places exist."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import clear_all_caches
from tests.dates import OCTOBER_SATURDAY

PAGES = [
    "/", "/routes/", "/routes/autumn/", "/spots/mutianyu-great-wall/", "/homestays/the-brickyard/",
    "/plan/", "/api/places.geojson", "/api/places.geojson?bbox=116.3,40.3,116.9,40.9&zoom=10",
    "/api/routes/autumn.geojson", "/routes/autumn/print/", "/routes/autumn.gpx",
]  # fmt: skip


def queries(client, method, url, body=None) -> int:
    clear_all_caches()  # measure the uncached path both times
    with CaptureQueriesContext(connection) as captured:
        if method == "GET":
            response = client.get(url)
        else:
            response = client.post(url, json.dumps(body), content_type="application/json")
    assert response.status_code < 400, url
    return len(captured.captured_queries)


@pytest.fixture
def saved_token(huairou, client):
    body = {"stops": ["hongluo-temple", "yanqi-lake"], "days": 2, "date": OCTOBER_SATURDAY}
    response = client.post("/api/itineraries", json.dumps(body), content_type="application/json")
    return response.json()["token"]


def grow(count: int) -> None:
    # Homestays only: a new café near a route could become its lunch stop and add a kind of
    # place to the plan (one query per kind, at most six, whatever the data size).
    call_command("generate_synthetic", homestays=count, publish=True, stdout=StringIO())


def test_pages_and_endpoints_do_not_query_more_with_more_places(huairou, client, saved_token):
    urls = [*PAGES, f"/i/{saved_token}/", f"/i/{saved_token}/print/",
            f"/api/itineraries/{saved_token}", f"/i/{saved_token}.ics"]  # fmt: skip
    plan = {"stops": ["hongluo-temple", "yanqi-lake", "mutianyu-great-wall"], "days": 2}
    before = {url: queries(client, "GET", url) for url in urls}
    before["plan"] = queries(client, "POST", "/api/plan", plan)
    grow(300)
    for url in urls:  # per content version, each kind's nearby grid is read once: warm it
        client.get(url)
    after = {url: queries(client, "GET", url) for url in urls}
    after["plan"] = queries(client, "POST", "/api/plan", plan)
    grown = {url: (before[url], after[url]) for url in before if after[url] > before[url]}
    assert grown == {}, "queries grew with the data (before, after)"


def test_cached_geojson_needs_no_query(huairou, client, django_assert_max_num_queries):
    client.get("/api/places.geojson")
    with django_assert_max_num_queries(0):
        assert client.get("/api/places.geojson").status_code == 200
