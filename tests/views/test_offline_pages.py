"""The installable app: manifest, service worker and the pages' hooks for them."""

import json
import re

import pytest
from django.contrib.staticfiles import finders
from PIL import Image

from planner.models import Itinerary
from tests.dates import OCTOBER_SATURDAY

pytestmark = pytest.mark.django_db


def csp(response) -> dict[str, str]:
    return dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )


def static_path(url: str) -> str:
    assert url.startswith("/static/"), url
    return finders.find(url.removeprefix("/static/"))


@pytest.mark.parametrize(
    ("language", "name", "short_name"),
    [("zh-hans", "怀柔周末规划", "怀柔周末"), ("en", "Huairou Weekend Planner", "Huairou weekend")],
)
def test_the_manifest_validates_in_the_visitors_language(client, language, name, short_name):
    response = client.get("/manifest.webmanifest", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert (manifest["name"], manifest["short_name"]) == (name, short_name)
    assert manifest["lang"] == ("en" if language == "en" else "zh-Hans")
    assert manifest["display"] in {"standalone", "fullscreen", "minimal-ui"}
    assert manifest["scope"] == "/" and manifest["start_url"].startswith(manifest["scope"])
    assert client.get(manifest["start_url"]).status_code == 200
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    sizes = {}
    for icon in manifest["icons"]:
        assert icon["type"] == "image/png"
        with Image.open(static_path(icon["src"])) as image:
            assert image.format == "PNG"
            assert icon["sizes"] == f"{image.width}x{image.height}"
        sizes.setdefault(icon["purpose"], set()).add(image.width)
    assert {192, 512} <= sizes["any"], "installable needs 192 and 512 px icons"
    assert 512 in sizes["maskable"]
    for shortcut in manifest["shortcuts"]:
        assert client.get(shortcut["url"]).status_code == 200


def test_every_page_links_the_manifest_and_loads_the_offline_module(huairou, client):
    html = client.get("/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest"' in html
    assert '<meta name="theme-color" content="#a23b2a">' in html
    script = re.search(r'<script src="([^"]+offline[^"]*\.js)" defer data-worker="([^"]+)"', html)
    assert script and script.group(2) == "/sw.js"
    assert finders.find("planner/offline.js")


def test_the_service_worker_is_served_from_the_root_and_never_cached_stale(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    config_line = response.content.decode().split("\n", 1)[0]
    config = json.loads(config_line.removeprefix("self.HUAIROU_OFFLINE = ").removesuffix(";"))
    page, script = config["shell"]
    assert client.get(page).status_code == 200
    assert static_path(script).endswith("offline.js")
    assert config["offlinePage"] == "/offline/"


def test_the_content_security_policy_admits_the_worker_and_the_manifest(huairou, client):
    page = csp(client.get("/"))
    assert page["worker-src"] == "'self'" and page["manifest-src"] == "'self'"
    worker = csp(client.get("/sw.js"))
    assert "unsafe" not in worker["script-src"] and "unsafe" not in worker["default-src"]
    # The worker fetches the map tiles it caches: its own policy must let it.
    assert "https://tile.openstreetmap.org" in worker["connect-src"].split()


def test_the_offline_banner_is_the_one_the_worker_reveals(huairou, client):
    """sw.js shows the banner by rewriting an exact attribute pair of the hidden banner."""
    html = client.get("/offline/").content.decode()
    worker = client.get("/sw.js").content.decode()
    hidden = re.search(r'const BANNER_HIDDEN = "([^"]+)"', worker).group(1)
    shown = re.search(r'const BANNER_SHOWN = "([^"]+)"', worker).group(1)
    assert html.count(hidden) == 1
    revealed = html.replace(hidden, shown)
    banner = re.search(r"<p [^>]*data-offline-banner[^>]*>([^<]+)</p>", revealed)
    assert " hidden" not in banner.group(0)
    assert re.fullmatch(r"离线副本，保存于 \d{4}-\d\d-\d\d \d\d:\d\d", banner.group(1))


def test_a_saved_itinerary_offers_to_keep_itself_with_its_version_and_files(huairou, client):
    response = client.post(
        "/api/itineraries",
        data={"stops": ["hongluo-temple", "yanqi-lake"], "date": OCTOBER_SATURDAY},
        content_type="application/json",
    )
    token = response.json()["token"]
    Itinerary.objects.filter(token=token).update(version=3)
    html = client.get(f"/i/{token}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    keep = re.search(r'<div class="offline-keep[^>]*>', html).group(0)
    assert 'data-version="3"' in keep
    assert f'data-print="/i/{token}/print/"' in keep
    files = re.search(r'data-files="([^"]+)"', keep).group(1).split()
    expected = [f"/i/{token}/sheet.pdf"] + [f"/i/{token}.{kind}" for kind in ("gpx", "kml", "ics")]
    assert files == expected
    for url in files:
        assert client.get(url).status_code == 200, url
    assert "Keep offline" in html


def test_the_offline_weekends_page_speaks_both_languages(client):
    english = client.get("/offline/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    chinese = client.get("/offline/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert '<h1 id="offline-title">Offline weekends</h1>' in english
    assert '<h1 id="offline-title">离线周末</h1>' in chinese
    assert 'data-remove="删除"' in chinese
