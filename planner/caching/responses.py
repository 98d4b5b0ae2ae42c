"""Cached, conditional JSON responses for read-only endpoints.

The cache holds the body, its gzip and its ETag together; each process also keeps the
entries it served recently (keyed by content version, so a change retires them), so a hit
usually touches neither Redis nor the serialiser.
"""

import datetime as dt
import gzip
import hashlib
import json
from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, quote_etag

from planner.caching.content_version import content_version


def _entry(build: Callable[[], dict]) -> tuple[bytes, bytes, str]:
    body = json.dumps(build(), ensure_ascii=False, separators=(",", ":")).encode()
    etag = quote_etag(hashlib.sha256(body).hexdigest()[:32])
    return body, gzip.compress(body, compresslevel=6), etag


def _accepts_gzip(request) -> bool:
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")


_recent: dict[str, tuple[bytes, bytes, str]] = {}
RECENT_LIMIT = 256


# At most this many shared entries per content version: past it, answers are computed and
# served but not stored, so no mix of parameters can grow the cache without bound.
MAX_SHARED_ENTRIES = 2000
ENTRY_SECONDS = 3600


def _may_store(version: int) -> bool:
    counter = f"json-entries:{version}"
    cache.add(counter, 0, timeout=ENTRY_SECONDS)
    try:
        return cache.incr(counter) <= MAX_SHARED_ENTRIES
    except ValueError:  # counter evicted or cache down: storing is harmless then
        return True


def _cached_entry(cache_key: str, build: Callable[[], dict], version: int):
    entry = _recent.get(cache_key)
    if entry is None:
        entry = cache.get(cache_key)
        if entry is None:
            entry = _entry(build)
            if _may_store(version):
                cache.set(cache_key, entry, timeout=ENTRY_SECONDS)
        _remember_recent(cache_key, entry)
    return entry


def _remember_recent(cache_key: str, entry: tuple[bytes, bytes, str]) -> None:
    """Add an entry; when full, start a fresh dict (one assignment: readers never see it empty)."""
    global _recent
    if len(_recent) >= RECENT_LIMIT:
        _recent = {cache_key: entry}
    else:
        _recent[cache_key] = entry


def forget_recent() -> None:
    global _recent
    _recent = {}


def cached_json_response(
    request,
    key: str,
    build: Callable[[], dict],
    content_type: str = "application/json",
    day: dt.date | None = None,
) -> HttpResponse:
    """`day`: the answer also depends on the date (and `key` names it): it is no older than
    that day's start in Beijing, so If-Modified-Since never keeps yesterday's answer."""
    version = content_version()
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    cache_key = f"json:{version}:{digest}"
    body, compressed, etag = _cached_entry(cache_key, build, version)
    modified = int(version / 1e9)
    if day is not None:
        midnight = dt.datetime.combine(day, dt.time(), tzinfo=timezone.get_default_timezone())
        modified = max(modified, int(midnight.timestamp()))
    not_modified = get_conditional_response(request, etag=etag, last_modified=modified)
    if not_modified is not None:
        response = not_modified
    elif _accepts_gzip(request):
        response = HttpResponse(compressed, content_type=f"{content_type}; charset=utf-8")
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = "public, max-age=60"
    patch_vary_headers(response, ["Accept-Encoding"])
    return response
