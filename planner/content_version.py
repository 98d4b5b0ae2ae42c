"""One number that changes whenever published content changes.

Cached pages and API answers put it in their cache keys, so an editor's save is visible at
once without hunting down every key. Kept in the shared cache so every app process agrees.
"""

import time

from django.core.cache import cache

VERSION_KEY = "content-version"


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY) or time.time_ns()
    return int(version)


def bump_content_version(**_signal_kwargs) -> None:
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def last_modified() -> float:
    """The content version as a Unix timestamp, for Last-Modified headers."""
    return content_version() / 1e9
