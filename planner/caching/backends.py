"""Django's Redis cache, made to fail soft: if Redis is down the site keeps serving.

A cache is an optimisation; losing it must not turn pages into errors. Every failure is
logged (once per minute at most) and answered as a miss.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
_last_warning = [0.0]


def _warn(operation: str, error: Exception) -> None:
    now = time.monotonic()
    if now - _last_warning[0] > 60:
        _last_warning[0] = now
        logger.warning("Redis cache unavailable (%s: %s); serving without it.", operation, error)


class ResilientRedisCache(RedisCache):
    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except RedisError as error:
            _warn("get", error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except RedisError as error:
            _warn("get_many", error)
            return {}

    def set(self, *args, **kwargs):
        try:
            return super().set(*args, **kwargs)
        except RedisError as error:
            _warn("set", error)
            return None

    def add(self, *args, **kwargs):
        try:
            return super().add(*args, **kwargs)
        except RedisError as error:
            _warn("add", error)
            return False

    def set_many(self, *args, **kwargs):
        try:
            return super().set_many(*args, **kwargs)
        except RedisError as error:
            _warn("set_many", error)
            return []

    def delete(self, *args, **kwargs):
        try:
            return super().delete(*args, **kwargs)
        except RedisError as error:
            _warn("delete", error)
            return False

    def incr(self, *args, **kwargs):
        try:
            return super().incr(*args, **kwargs)
        except RedisError as error:
            _warn("incr", error)
            raise ValueError("cache unavailable") from error

    def has_key(self, *args, **kwargs):
        try:
            return super().has_key(*args, **kwargs)
        except RedisError as error:
            _warn("has_key", error)
            return False

    def touch(self, *args, **kwargs):
        try:
            return super().touch(*args, **kwargs)
        except RedisError as error:
            _warn("touch", error)
            return False

    def clear(self):
        try:
            return super().clear()
        except RedisError as error:
            _warn("clear", error)
            return False
