"""Per-client rate limits for the endpoints that compute or write (fixed window, shared cache).

The window counter lives in the cache, so all app processes share it (with Redis). If the
cache is unavailable the limit is not enforced: serving beats refusing.
"""

import functools
import ipaddress
import time

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.utils.translation import ngettext


def _ip(value: str | None) -> str | None:
    try:
        return str(ipaddress.ip_address(value or ""))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The client's IP address, or None if unknown: behind N trusted proxies
    (TRUSTED_PROXY_COUNT), the N-th address of X-Forwarded-For from the right, if it is an
    address at all; otherwise REMOTE_ADDR. (Also django-axes' AXES_CLIENT_IP_CALLABLE.)"""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [
        a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        address = _ip(forwarded[-proxies])
        if address:
            return address
    return _ip(request.META.get("REMOTE_ADDR"))


def client_address(request) -> str:
    """The client's address as a rate-limit key ("unknown" when there is none)."""
    return client_ip(request) or "unknown"


def _limit(scope: str) -> tuple[int, int]:
    requests, seconds = settings.RATE_LIMITS[scope].split("/")
    return int(requests), int(seconds)


def rate_limited(scope: str):
    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            allowed, window = _limit(scope)
            now = int(time.time())
            slot = now // window
            key = f"ratelimit:{scope}:{client_address(request)}:{slot}"
            cache.add(key, 0, timeout=window + 1)
            try:
                count = cache.incr(key)
            except ValueError:  # the key vanished or the cache is down: let it through
                count = 0
            if count > allowed:
                retry_after = window - now % window
                message = ngettext(
                    "Too many requests: try again in %(n)s second.",
                    "Too many requests: try again in %(n)s seconds.",
                    retry_after,
                ) % {"n": retry_after}
                response = JsonResponse(
                    {"errors": {"rate": [message]}},
                    status=429,
                    json_dumps_params={"ensure_ascii": False},
                )
                response["Retry-After"] = str(retry_after)
                return response
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
