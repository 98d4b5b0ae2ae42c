"""The installable, offline side of the site: the web app manifest, the service worker
(served from the site root so that its scope is the whole site) and the "Offline weekends" page.

What the worker stores and when is explained in planner/static/planner/sw.js and offline.js.
"""

import hashlib
import json
from functools import lru_cache

from csp.decorators import csp_update
from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from planner import colours

# (file under planner/static, size in px, purpose) — drawn by `manage.py draw_app_icons`.
APP_ICONS = (
    ("planner/icons/icon-192.png", 192, "any"),
    ("planner/icons/icon-512.png", 512, "any"),
    ("planner/icons/icon-maskable-512.png", 512, "maskable"),
)
APPLE_TOUCH_ICON = "planner/icons/apple-touch-icon.png"
FAVICON = APP_ICONS[0][0]  # what browsers ask for at /favicon.ico (and <link rel="icon">)


@require_GET
def favicon(request):
    return HttpResponsePermanentRedirect(static(FAVICON))


@lru_cache(maxsize=1)
def _worker_source() -> str:
    return open(finders.find("planner/sw.js"), encoding="utf-8").read()


def offline_shell() -> list[str]:
    """What the worker stores when it installs: the page shown for anything not kept offline."""
    return [reverse("planner:offline-weekends"), static("planner/offline.js")]


@require_GET
@csp_update({"connect-src": settings.MAP_TILE_HOSTS})  # the worker fetches the tiles it caches
def service_worker(request):
    """sw.js with its configuration in front. The configuration holds the (hashed, in
    production) static URLs, so a deploy changes the worker's bytes and browsers update it."""
    shell = offline_shell()
    config = {
        "shell": shell,
        "offlinePage": shell[0],
        "staticUrl": settings.STATIC_URL,
        "version": hashlib.sha256(json.dumps(shell).encode()).hexdigest()[:12],
    }
    body = f"self.HUAIROU_OFFLINE = {json.dumps(config)};\n{_worker_source()}"
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def manifest(request):
    """The web app manifest, named in the visitor's language."""
    english = (get_language() or "zh-hans").startswith("en")
    data = {
        "id": "/",
        "name": _("Huairou Weekend Planner"),
        "short_name": _("Huairou weekend"),
        "description": _(
            "Plan a weekend in Huairou, Beijing: the Great Wall at Mutianyu, Yanqi Lake, "
            "Hongluo Temple, homestays and village cafés."
        ),
        "lang": "en" if english else "zh-Hans",
        "dir": "ltr",
        "start_url": reverse("planner:home"),
        "scope": "/",
        "display": "standalone",
        "theme_color": colours.ACCENT,
        "background_color": colours.PAPER,
        "icons": [
            {"src": static(path), "sizes": f"{px}x{px}", "type": "image/png", "purpose": purpose}
            for path, px, purpose in APP_ICONS
        ],
        "shortcuts": [
            {"name": _("Offline weekends"), "url": reverse("planner:offline-weekends")},
            {"name": _("Plan a weekend"), "url": reverse("planner:plan")},
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    response["Cache-Control"] = "max-age=3600"
    return response


def offline_weekends(request):
    """The weekends kept on this device. The list itself lives in the browser's Cache Storage,
    so offline.js draws it; this page brings the words and is what the worker shows offline
    for any page that was not kept."""
    return render(request, "planner/offline_weekends.html")
