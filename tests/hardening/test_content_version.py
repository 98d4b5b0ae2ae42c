"""Issue 16, item 6: the content version lives in the database and never goes backwards."""

import time

import pytest
from django.core.cache import caches
from django.db import transaction
from django.test import override_settings

from planner.caching import content_version as cv
from planner.models import ContentVersion, ScenicSpot

from .conftest import REDIS_PORT
from .redis_server import freeze, thaw


def test_an_edit_bumps_the_row_in_its_own_transaction(huairou):
    before = cv.content_version()
    spot = ScenicSpot.objects.get(slug="hongluo-temple")
    with pytest.raises(RuntimeError), transaction.atomic():
        spot.name_en = "Rolled back"
        spot.save()
        raise RuntimeError
    cv.forget_local()
    assert ContentVersion.objects.get(pk=1).value == before  # rolled back with the edit
    spot.save()
    assert cv.content_version() > before


def test_an_edit_made_while_redis_was_frozen_shows_after_it_recovers(
    redis_process, huairou, client, monkeypatch
):
    monkeypatch.setattr(cv, "CACHE_SECONDS", 1)
    location = f"redis://127.0.0.1:{REDIS_PORT}/5"
    frozen_redis = {
        "default": {
            "BACKEND": "planner.caching.backends.ResilientRedisCache",
            "LOCATION": location,
            "OPTIONS": {
                "socket_timeout": 0.2,
                "socket_connect_timeout": 0.2,
                "breaker_seconds": 0.3,
            },  # fmt: skip
        }
    }
    with override_settings(CACHES=frozen_redis):
        caches["default"].clear()
        cv.forget_local()
        before = cv.content_version()  # copied into Redis
        freeze(redis_process)
        try:
            spot = ScenicSpot.objects.get(slug="hongluo-temple")
            spot.name_en = "Edited while Redis hung"
            spot.save()  # the cache write is lost
        finally:
            thaw(redis_process)
        time.sleep(1.2)
        cv.forget_local()
        after = cv.content_version()
        assert after > before
        geojson = client.get("/api/places.geojson").json()
        names = [f["properties"]["name_en"] for f in geojson["features"]]
        assert "Edited while Redis hung" in names


def test_a_process_never_goes_back_to_a_lower_version(huairou):
    seen = cv.content_version()
    caches["default"].set(cv.VERSION_KEY, seen - 1000, timeout=60)  # a stale copy
    cv._local.version = None
    assert cv.content_version() == seen
