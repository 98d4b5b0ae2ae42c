"""Issue 16, item 4: a hung Redis costs one short timeout per process per interval."""

import logging
import threading
import time

import pytest
from django.core.cache import caches
from django.test import override_settings

from .conftest import REDIS_PORT as PORT
from .redis_server import freeze, thaw


def redis_cache(db: int, breaker_seconds: float):
    return {
        "default": {
            "BACKEND": "planner.caching.backends.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{PORT}/{db}",
            "OPTIONS": {
                "socket_connect_timeout": 0.2,
                "socket_timeout": 0.2,
                "breaker_seconds": breaker_seconds,
            },  # fmt: skip
        }
    }


@pytest.fixture
def frozen(redis_process):
    freeze(redis_process)
    yield redis_process
    thaw(redis_process)


def test_a_frozen_redis_costs_one_timeout_not_one_per_call(redis_process, huairou, client):
    with override_settings(CACHES=redis_cache(1, breaker_seconds=60)):
        caches["default"].set("warm", 1)  # connected while healthy: the hang comes later
        freeze(redis_process)
        try:
            began = time.monotonic()
            for _ in range(40):
                assert caches["default"].get("warm") is None
            calls = time.monotonic() - began
            began = time.monotonic()
            for url in ["/", "/api/places.geojson", "/routes/autumn/", "/"]:
                assert client.get(url).status_code == 200
            pages = time.monotonic() - began
        finally:
            thaw(redis_process)
    assert calls < 0.6, f"40 cache calls took {calls:.2f} s against a frozen Redis"
    assert pages < 3, f"4 pages took {pages:.2f} s"


def test_threads_share_the_breaker(frozen, db):
    with override_settings(CACHES=redis_cache(2, breaker_seconds=60)):
        timings = []

        def work():
            began = time.monotonic()
            for _ in range(20):
                caches["default"].get("k")
            timings.append(time.monotonic() - began)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    # Each thread has its own backend object; at most the first calls overlap one timeout.
    assert max(timings) < 0.8, timings


def test_after_the_interval_one_call_tries_again_and_recovery_closes_it(redis_process, db,
                                                                          caplog):  # fmt: skip
    caplog.set_level(logging.WARNING, logger="planner.caching.backends")
    with override_settings(CACHES=redis_cache(3, breaker_seconds=0.5)):
        cache = caches["default"]
        cache.set("k", "v")
        freeze(redis_process)
        try:
            for _ in range(10):
                cache.get("k")
            assert cache.breaker.is_open
        finally:
            thaw(redis_process)
        assert cache.get("k") is None  # still inside the interval: skipped, no wait
        time.sleep(0.6)
        cache.set("k", "back")
        assert cache.get("k") == "back" and not cache.breaker.is_open
    messages = [r.getMessage() for r in caplog.records if r.name == "planner.caching.backends"]
    assert len([m for m in messages if "unavailable" in m]) == 1, messages
    assert len([m for m in messages if "available again" in m]) == 1, messages
