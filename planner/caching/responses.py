"""Cached, conditional JSON responses for read-only endpoints.

The cache holds the body, its gzip and its ETag together; each process also keeps the
entries it served recently (keyed by content version, so a change retires them), so a hit
usually touches neither Redis nor the serialiser.
"""

import gzip
import hashlib
import json
from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpResponse
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


def _cached_entry(cache_key: str, build: Callable[[], dict]) -> tuple[bytes, bytes, str]:
    entry = _recent.get(cache_key)
    if entry is None:
        entry = cache.get(cache_key)
        if entry is None:
            entry = _entry(build)
            cache.set(cache_key, entry, timeout=3600)
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
    request, key: str, build: Callable[[], dict], content_type: str = "application/json"
) -> HttpResponse:
    version = content_version()
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    cache_key = f"json:{version}:{digest}"
    body, compressed, etag = _cached_entry(cache_key, build)
    modified = int(version / 1e9)
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
