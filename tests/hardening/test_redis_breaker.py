"""Issue 16, item 4: a hung Redis costs one short timeout per process per interval.

Counted, not timed: each call that reaches a frozen Redis ends in a socket timeout, so the
number of calls the breaker lets through is the number of timeouts paid (wall time on a
loaded machine proves nothing either way).
"""

import logging
import threading
from types import SimpleNamespace

import pytest
from django.core.cache import caches
from django.test import override_settings

from planner.caching import backends

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


class RedisCalls:
    """Counts the cache calls the breaker lets through to Redis, and those that failed."""

    def __init__(self, monkeypatch):
        self.attempts = self.timeouts = 0
        self._lock = threading.Lock()
        allow, failed = backends.CircuitBreaker.allow, backends.CircuitBreaker.failed

        def counted_allow(breaker):
            allowed = allow(breaker)
            with self._lock:
                self.attempts += allowed
            return allowed

        def counted_failed(breaker, error):
            with self._lock:
                self.timeouts += 1
            return failed(breaker, error)

        monkeypatch.setattr(backends.CircuitBreaker, "allow", counted_allow)
        monkeypatch.setattr(backends.CircuitBreaker, "failed", counted_failed)

    def reset(self):
        self.attempts = self.timeouts = 0


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def monotonic(self):
        return self.now


@pytest.fixture
def redis_calls(monkeypatch):
    return RedisCalls(monkeypatch)


@pytest.fixture
def frozen(redis_process):
    freeze(redis_process)
    yield redis_process
    thaw(redis_process)


def test_a_frozen_redis_costs_one_timeout_not_one_per_call(
    redis_process, huairou, client, redis_calls
):
    with override_settings(CACHES=redis_cache(1, breaker_seconds=60)):
        caches["default"].set("warm", 1)  # connected while healthy: the hang comes later
        freeze(redis_process)
        redis_calls.reset()
        try:
            for _ in range(40):
                assert caches["default"].get("warm") is None
            calls = (redis_calls.attempts, redis_calls.timeouts)
            redis_calls.reset()
            for url in ["/", "/api/places.geojson", "/routes/autumn/", "/"]:
                assert client.get(url).status_code == 200
            pages = (redis_calls.attempts, redis_calls.timeouts)
        finally:
            thaw(redis_process)
    assert calls == (1, 1), f"40 cache calls against a frozen Redis: (tried, timed out) {calls}"
    assert pages == (0, 0), f"4 pages inside the interval still tried Redis: {pages}"


def test_threads_share_the_breaker(frozen, db, redis_calls):
    with override_settings(CACHES=redis_cache(2, breaker_seconds=60)):
        breakers = []

        def work():
            breakers.append(caches["default"].breaker)
            for _ in range(20):
                caches["default"].get("k")

        threads = [threading.Thread(target=work) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    # Each thread has its own backend object; at most the first calls overlap one timeout.
    assert len({id(breaker) for breaker in breakers}) == 1
    assert 1 <= redis_calls.timeouts <= len(threads), redis_calls.timeouts
    assert redis_calls.attempts == redis_calls.timeouts


def test_after_the_interval_one_call_tries_again_and_recovery_closes_it(
    redis_process, db, caplog, monkeypatch
):
    caplog.set_level(logging.WARNING, logger="planner.caching.backends")
    clock = FakeClock()  # the interval passes when the test says so, however loaded the machine
    monkeypatch.setattr(backends, "time", SimpleNamespace(monotonic=clock.monotonic))
    with override_settings(CACHES=redis_cache(3, breaker_seconds=30)):
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
        clock.now += 31
        cache.set("k", "back")
        assert cache.get("k") == "back" and not cache.breaker.is_open
    messages = [r.getMessage() for r in caplog.records if r.name == "planner.caching.backends"]
    assert len([m for m in messages if "unavailable" in m]) == 1, messages
    assert len([m for m in messages if "available again" in m]) == 1, messages
