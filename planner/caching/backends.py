"""Django's Redis cache, made to fail soft and fast: if Redis is down or hung, the site serves.

A cache is an optimisation; losing it must not turn pages into errors or make them slow.
Every failure is answered as a miss, and a circuit breaker then skips Redis for a while:
a dead or frozen Redis costs each process one short socket timeout per interval, not one
per cache call (a request makes several). One log line per outage, one when it is back.
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

from planner.outage import Outage

logger = logging.getLogger(__name__)
DEFAULT_BREAKER_SECONDS = 15.0


class CircuitBreaker:
    """Closed: calls go through. After a failure it opens for `reset_seconds` and calls are
    skipped at once; then a single caller (even among threads) tries again: success closes
    it, failure opens it for another interval."""

    def __init__(self, reset_seconds: float, outage: Outage):
        self.reset_seconds, self.outage = reset_seconds, outage
        self._lock = threading.Lock()
        self._open_until: float | None = None
        self._trial = False

    @property
    def is_open(self) -> bool:
        return self._open_until is not None

    def allow(self) -> bool:
        if self._open_until is None:  # the healthy path takes no lock
            return True
        with self._lock:
            if self._open_until is None:
                return True
            if self._trial or time.monotonic() < self._open_until:
                return False
            self._trial = True
            return True

    def succeeded(self) -> None:
        if self._open_until is None:
            return
        with self._lock:
            self._open_until, self._trial = None, False
        self.outage.recovered()

    def failed(self, error: BaseException) -> None:
        with self._lock:
            self._open_until, self._trial = time.monotonic() + self.reset_seconds, False
        self.outage.failed(error)


# Django makes a cache backend per thread; the breaker belongs to the process.
_breakers: dict[str, CircuitBreaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(location: str, reset_seconds: float) -> CircuitBreaker:
    with _breakers_lock:
        if location not in _breakers:
            _breakers[location] = CircuitBreaker(reset_seconds, Outage("Redis cache", logger))
        return _breakers[location]


def _missing(*_args, **_kwargs):
    return None


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        seconds = float(options.pop("breaker_seconds", DEFAULT_BREAKER_SECONDS))
        super().__init__(server, {**params, "OPTIONS": options})
        self.breaker = breaker_for(str(server), seconds)

    def _guarded(self, operation: str, fallback, *args, **kwargs):
        if not self.breaker.allow():
            return fallback()
        try:
            result = getattr(super(), operation)(*args, **kwargs)
        except RedisError as error:
            self.breaker.failed(error)
            return fallback()
        self.breaker.succeeded()
        return result

    def get(self, key, default=None, version=None):
        return self._guarded("get", lambda: default, key, default, version)

    def get_many(self, keys, version=None):
        return self._guarded("get_many", dict, keys, version)

    def set(self, *args, **kwargs):
        return self._guarded("set", _missing, *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._guarded("add", lambda: False, *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._guarded("set_many", list, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._guarded("delete", lambda: False, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._guarded("delete_many", _missing, *args, **kwargs)

    def incr(self, *args, **kwargs):
        def unavailable():
            raise ValueError("cache unavailable")

        return self._guarded("incr", unavailable, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._guarded("has_key", lambda: False, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._guarded("touch", lambda: False, *args, **kwargs)

    def clear(self):
        return self._guarded("clear", lambda: False)
