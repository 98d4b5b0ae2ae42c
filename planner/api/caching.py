"""Cached, conditional JSON responses for read-only endpoints."""

import hashlib
import json
from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, quote_etag

from planner.content_version import content_version


def cached_json_response(
    request, key: str, build: Callable[[], dict], content_type: str = "application/json"
) -> HttpResponse:
    version = content_version()
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    cache_key = f"json:{version}:{digest}"
    body = cache.get(cache_key)
    if body is None:
        body = json.dumps(build(), ensure_ascii=False, separators=(",", ":")).encode()
        cache.set(cache_key, body, timeout=3600)
    etag = quote_etag(hashlib.sha256(body).hexdigest()[:32])
    modified = int(version / 1e9)
    not_modified = get_conditional_response(request, etag=etag, last_modified=modified)
    response = not_modified or HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = "public, max-age=60"
    patch_vary_headers(response, ["Accept-Encoding"])
    return response
