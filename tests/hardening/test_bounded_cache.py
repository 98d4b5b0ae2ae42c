"""Issue 16, item 7: made-up parameters cannot grow the shared cache without bound."""

import pytest
from django.core.cache import cache

from planner.caching import responses as caching

URL = "/api/places.geojson"


def json_entries() -> int:
    return len([key for key in cache._cache if ":json:" in key])  # LocMemCache's keys


@pytest.mark.parametrize("name", ["tag", "town"])
def test_unknown_tags_and_towns_are_refused(huairou, client, name):
    response = client.get(URL, {name: "made-up-12345"})
    assert response.status_code == 400
    assert "Unknown" in response.json()["errors"][name][0]
    assert json_entries() == 0


def test_known_towns_match_in_any_case_and_share_an_entry(huairou, client):
    first = client.get(URL, {"town": "Bohai Town"}).json()
    assert first["features"]
    assert client.get(URL, {"town": "BOHAI TOWN"}).json() == first
    assert json_entries() == 1


def test_nearby_bboxes_share_one_cache_entry(huairou, client):
    for shift in range(20):
        offset = shift * 0.001
        box = f"{116.51 + offset},{40.41 + offset},{116.62 + offset},{40.43 + offset}"
        assert client.get(URL, {"bbox": box}).status_code == 200
    assert json_entries() <= 2


def test_the_number_of_shared_entries_is_capped(huairou, client, monkeypatch):
    monkeypatch.setattr(caching, "MAX_SHARED_ENTRIES", 3)
    for month in range(1, 13):
        assert client.get(URL, {"month": month}).status_code == 200
    assert json_entries() == 3


def test_the_geojson_api_is_rate_limited(huairou, client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "geojson": "3/60"}
    codes = [client.get(URL).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert client.get("/api/routes/autumn.geojson").status_code == 429
