"""/healthz: the process answers (no database, no cache). /readyz: it can serve traffic.

Ready means the database answers; the cache is reported but never fails readiness, because
the site serves without it (degraded, slower).
"""

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
        return "ok" if cache.get(key) == "1" else "degraded: no round trip"
    except Exception as error:  # noqa: BLE001
        return f"degraded: {error.__class__.__name__}"


@never_cache
def readyz(request):
    checks = {"database": _check_database(), "cache": _check_cache()}
    if checks["database"] != "ok":
        status, code = "unavailable", 503
    elif checks["cache"] != "ok":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    response = JsonResponse({"status": status, **checks}, status=code)
    response._has_been_logged = True  # probes repeat: the outage itself is logged once
    return response
