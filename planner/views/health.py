"""/healthz: the process answers. /readyz: it can reach its database and cache."""

import time

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return "ok"
    except Exception as error:  # noqa: BLE001 — any failure means "not ready"
        return f"unavailable: {error.__class__.__name__}"


def _check_cache() -> str:
    key = f"readyz:{time.monotonic_ns()}"
    try:
        cache.set(key, "1", timeout=5)
        return "ok" if cache.get(key) == "1" else "unavailable: no round trip"
    except Exception as error:  # noqa: BLE001
        return f"unavailable: {error.__class__.__name__}"


@never_cache
def readyz(request):
    checks = {"database": _check_database(), "cache": _check_cache()}
    ready = all(value == "ok" for value in checks.values())
    return JsonResponse({"status": "ok" if ready else "unavailable", **checks},
                        status=200 if ready else 503)  # fmt: skip
