"""One number that changes whenever published content changes, and never goes backwards.

Cached pages and API answers put it in their cache keys, so an editor's save is visible at
once without hunting down every key. The number lives in the database (a row bumped in the
same transaction as the edit, so a lost cache write cannot lose it); the shared cache keeps
a copy for a few seconds, and each thread re-reads at most once a second. A process never
moves to a lower number than one it has seen.
"""

import threading
import time

from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest

VERSION_KEY = "content-version"
LOCAL_SECONDS = 1.0
CACHE_SECONDS = 5  # how long a copy may lag behind the database after a failed cache write

_local = threading.local()
_highest = [0]  # per process


def _remember(version: int) -> int:
    version = max(version, _highest[0])
    _highest[0] = version
    _local.version, _local.checked = version, time.monotonic()
    return version


def _row():
    from planner.models import ContentVersion

    return ContentVersion.objects


def _from_database() -> int:
    value = _row().filter(pk=1).values_list("value", flat=True).first()
    if value is None:  # a flushed database: start again from the clock
        value = _row().get_or_create(pk=1, defaults={"value": time.time_ns()})[0].value
    return value


def content_version() -> int:
    version = getattr(_local, "version", None)
    if version is not None and time.monotonic() - _local.checked < LOCAL_SECONDS:
        return version
    version = cache.get(VERSION_KEY)
    if version is None:
        version = _from_database()
        cache.set(VERSION_KEY, version, timeout=CACHE_SECONDS)
    return _remember(int(version))


def _forget_copies() -> None:
    cache.delete(VERSION_KEY)
    _local.version = None


def bump_content_version(**_signal_kwargs) -> None:
    """Called inside the transaction that changes content (post_save/post_delete)."""
    with transaction.atomic():
        bumped = _row().filter(pk=1).update(value=Greatest(F("value") + 1, Value(time.time_ns())))
        if not bumped:
            _from_database()
    _forget_copies()  # this thread sees its change at once (it reads its own transaction)
    transaction.on_commit(_forget_copies)  # and other processes once it is committed


def forget_local() -> None:
    """Drop this thread's remembered version (tests that clear the cache call this)."""
    _local.version = None
    _highest[0] = 0
