"""One number that changes whenever published content changes.

Cached pages and API answers put it in their cache keys, so an editor's save is visible at
once without hunting down every key. It lives in the shared cache so every app process
agrees; each process re-reads it at most once a second (the process that saved sees its own
change immediately, the others within a second), which keeps cached answers off Redis.
"""

import threading
import time

from django.core.cache import cache

VERSION_KEY = "content-version"
LOCAL_SECONDS = 1.0

_local = threading.local()


def _remember(version: int) -> int:
    _local.version, _local.checked = version, time.monotonic()
    return version


def content_version() -> int:
    version = getattr(_local, "version", None)
    if version is not None and time.monotonic() - _local.checked < LOCAL_SECONDS:
        return version
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY) or time.time_ns()
    return _remember(int(version))


def bump_content_version(**_signal_kwargs) -> None:
    version = time.time_ns()
    cache.set(VERSION_KEY, version, timeout=None)
    _remember(version)


def forget_local() -> None:
    """Drop this thread's remembered version (tests that clear the cache call this)."""
    _local.version = None
