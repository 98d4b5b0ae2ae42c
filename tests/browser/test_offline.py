"""Offline in the mountains: a saved weekend opened once on a phone keeps working with no signal."""

import base64
import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.waiting import wait_until
from tests.conftest import BROWSER_ARGS, CHROMIUM
from tests.dates import OCTOBER_SATURDAY

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
OSM_TILES = "https://tile.openstreetmap.org/**"
ONE_PIXEL_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def phone(browser):
    """A phone whose service workers run (Playwright's request routing would bypass them)."""
    context = browser.new_context(
        locale="zh-CN",
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        service_workers="allow",
        timezone_id="Europe/Berlin",  # a visitor's phone still on home time
    )
    context.add_init_script(COLLECT_VIOLATIONS)
    yield context
    context.close()


def save_weekend(context, live_server) -> dict:
    response = context.request.post(
        live_server.url + "/api/itineraries",
        data={"date": OCTOBER_SATURDAY, "days": 2, "title": "山里的周末",
              "stops": ["mutianyu-great-wall", "hongluo-temple", "yanqi-lake", "qinglong-gorge"]},
    )  # fmt: skip
    assert response.status == 201
    return response.json()


def open_and_keep(page, url):
    page.goto(url)
    wait_until(page, "() => navigator.serviceWorker.controller !== null")
    page.locator("#offline-keep.is-kept").wait_for(timeout=30_000)


def keep_a_weekend(context, live_server):
    """A weekend saved and opened once on a new page of the phone, which keeps it offline."""
    saved = save_weekend(context, live_server)
    page = context.new_page()
    open_and_keep(page, live_server.url + saved["url"])
    return page, saved


def go_offline(context):
    context.set_offline(True)


def stops_and_times(plan) -> list[tuple[str, str]]:
    return [(stop["name_zh"], f"{stop['arrive']}–{stop['depart']}")
            for day in plan["days"] for stop in day["stops"]]  # fmt: skip


def test_a_kept_weekend_opens_offline_with_its_print_sheet_and_day_maps(
    huairou_live, phone, live_server
):
    page, saved = keep_a_weekend(phone, live_server)
    itinerary_url = live_server.url + saved["url"]
    banner = page.locator("[data-offline-banner]")
    assert banner.is_hidden(), "online, the live page carries no offline banner"
    assert page.evaluate("navigator.serviceWorker.controller.scriptURL").endswith("/sw.js")
    status = page.locator(".offline-keep-status").inner_text()
    assert status.startswith("已保存在本设备")
    stamp = re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", status).group(0)
    shown = dt.datetime.strptime(stamp, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo("Asia/Shanghai"))
    assert abs(dt.datetime.now(dt.UTC) - shown) < dt.timedelta(minutes=5), "Beijing time"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.evaluate("window.__cspViolations") == []

    go_offline(phone)
    page.reload()
    banner.wait_for()
    assert banner.inner_text().startswith("离线副本，保存于 ")
    body = page.locator("main").inner_text()
    for name, times in stops_and_times(saved["plan"]):
        assert name in body and times in body, (name, times)
    assert page.locator(".leaflet-container").count() == 1, "Leaflet's script came from the cache"
    assert page.locator(".leaflet-marker-icon").count() > 0, "and our map module drew the stops"
    assert page.evaluate("window.__cspViolations") == []

    page.goto(itinerary_url + "print/")
    sheet = page.locator(".sheet")
    sheet.wait_for()
    assert page.locator("[data-offline-banner]").is_visible()
    text = sheet.inner_text()
    for name, times in stops_and_times(saved["plan"]):
        assert name in text and times in text, (name, times)
    maps = page.locator(".sheet-map svg")
    assert maps.count() == len(saved["plan"]["days"])
    assert maps.first.locator("circle, path, polyline").count() > 0, "the day map is drawn"
    sheet_css_rules = page.evaluate(
        "[...document.styleSheets].filter((s) => (s.href || '').includes('sheet'))"
        ".map((s) => s.cssRules.length)"
    )
    assert sheet_css_rules and sheet_css_rules[0] > 0, "the sheet's stylesheet came from the cache"
    assert page.evaluate("window.__cspViolations") == []


def test_offline_the_planner_says_it_needs_a_connection(huairou_live, phone, live_server):
    page, saved = keep_a_weekend(phone, live_server)
    page.goto(live_server.url + "/plan/")
    notice = page.locator("#connection-notice")
    assert notice.is_hidden()
    phone.set_offline(True)
    notice.wait_for()
    assert "需要网络连接" in notice.inner_text()

    go_offline(phone)
    page.goto(live_server.url + "/plan/?route=autumn")
    page.locator("#offline-needs-connection").wait_for()
    assert "需要网络连接" in page.locator("#offline-needs-connection").inner_text()
    kept = page.locator("#offline-list li")
    kept.first.wait_for()
    assert "山里的周末" in kept.first.inner_text()


def test_offline_weekends_lists_what_is_kept_and_removes_it(huairou_live, phone, live_server):
    page, saved = keep_a_weekend(phone, live_server)
    page.goto(live_server.url + "/offline/")
    item = page.locator("#offline-list li")
    item.first.wait_for()
    assert item.count() == 1
    text = item.inner_text()
    assert "山里的周末" in text and f"{OCTOBER_SATURDAY} · 2 天 · 保存于 " in text
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]
    assert serious == [], results.generate_report()
    item.get_by_role("button", name="删除").click()
    page.locator("#offline-empty").wait_for()
    assert page.evaluate("caches.keys()") == [
        name for name in page.evaluate("caches.keys()") if not name.startswith("huairou-weekend-")
    ]


def test_a_new_version_of_the_itinerary_replaces_the_kept_copy(huairou_live, phone, live_server):
    from planner.models import Itinerary

    page, saved = keep_a_weekend(phone, live_server)
    Itinerary.objects.filter(token=saved["token"]).update(title="新的标题", version=2)
    page.reload()
    page.locator("#offline-keep.is-kept").wait_for()
    wait_until(
        page,
        """async (token) => {
          const cache = await caches.open("huairou-weekend-" + token);
          const meta = await cache.match("/offline/meta/" + token);
          return meta && (await meta.json()).version === "2";
        }""",
        saved["token"],
    )
    go_offline(phone)
    page.goto(live_server.url + saved["url"] + "print/")
    assert "新的标题" in page.locator(".sheet h1").inner_text()


def test_only_the_last_ten_weekends_are_kept(huairou_live, phone, live_server):
    page = phone.new_page()
    page.goto(live_server.url + "/offline/")
    # Leaving this page while its worker still installs could leave the next page uncontrolled.
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.evaluate(
        """async () => {
          for (let day = 1; day <= 10; day++) {
            const token = "older" + day;
            const cache = await caches.open("huairou-weekend-" + token);
            const meta = {token, version: "1", title: token, subtitle: "", page: "/", print: "/",
                          saved_at: `2026-09-${String(day).padStart(2, "0")}T08:00:00Z`};
            meta.used_at = meta.saved_at;
            await cache.put("/offline/meta/" + token, new Response(JSON.stringify(meta)));
          }
        }"""
    )
    saved = save_weekend(phone, live_server)
    open_and_keep(page, live_server.url + saved["url"])
    kept = sorted(name.removeprefix("huairou-weekend-") for name in page.evaluate("caches.keys()")
                  if name.startswith("huairou-weekend-"))  # fmt: skip
    assert len(kept) == 10
    assert saved["token"] in kept and "older1" not in kept and "older2" in kept


def reload_until_tiles_show(page, attempts: int = 3):
    """Reload until the map shows tiles fetched through the worker (a worker's requests reach
    Playwright's stand-in tile server only once Playwright has attached to the worker)."""
    for _ in range(attempts):
        page.reload()
        try:
            wait_until(
                page, "document.querySelectorAll('.leaflet-tile-loaded').length > 0", timeout=10
            )
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError("no map tile loaded through the service worker")


@pytest.fixture
def fresh_phone(browser):
    """A phone in a browser of its own. In the shared browser, after earlier tests' workers, the
    worker's tile requests sometimes missed Playwright's routing (no tile server at all); in a
    fresh browser they reached it in every repeated run."""
    own = browser.browser_type.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
    context = own.new_context(viewport=PHONE, is_mobile=True, service_workers="allow")
    yield context
    own.close()


def test_map_tiles_the_visitor_viewed_are_cached_and_only_those(
    huairou_live, fresh_phone, live_server
):
    phone = fresh_phone

    def tile_server(route):  # stands in for OpenStreetMap, which allows CORS
        route.fulfill(body=ONE_PIXEL_PNG, content_type="image/png",
                      headers={"Access-Control-Allow-Origin": "*"})  # fmt: skip

    phone.route(OSM_TILES, tile_server)
    page, saved = keep_a_weekend(phone, live_server)
    reload_until_tiles_show(page)  # now through the worker
    # The worker stores each tile after handing it to the map: wait until it has stored them.
    wait_until(
        page,
        """async () => {
            const keys = await caches.open('huairou-tiles').then((c) => c.keys());
            const cached = new Set(keys.map((r) => r.url));
            return [...document.querySelectorAll('.leaflet-tile-loaded')]
                .every((t) => cached.has(t.src));
        }""",
    )
    viewed = set(page.evaluate("[...document.querySelectorAll('.leaflet-tile')].map((t) => t.src)"))
    cached = set(page.evaluate(
        "caches.open('huairou-tiles').then((c) => c.keys()).then((k) => k.map((r) => r.url))"
    ))  # fmt: skip
    assert cached and cached <= viewed, "no tile the visitor did not see is fetched"

    phone.unroute(OSM_TILES)
    go_offline(phone)
    page.reload()
    wait_until(page, "document.querySelectorAll('.leaflet-tile-loaded').length > 0")
    loaded = page.evaluate(
        "[...document.querySelectorAll('.leaflet-tile-loaded')].map((t) => t.src)"
    )
    assert set(loaded) <= cached, "offline, the tiles come from the cache"


def test_a_refreshed_copy_brings_the_static_files_it_now_needs(huairou_live, phone, live_server):
    """After a deploy renames a static file, the next online visit completes the kept copy."""
    page, saved = keep_a_weekend(phone, live_server)
    script = "/static/planner/itinerary.js"
    cached = """async ([token, url]) => {
      const cache = await caches.open("huairou-weekend-" + token);
      return Boolean(await cache.match(url));
    }"""
    assert page.evaluate(cached, [saved["token"], script])
    page.evaluate(
        "([token, url]) => caches.open('huairou-weekend-' + token).then((c) => c.delete(url))",
        [saved["token"], script],
    )
    page.reload()
    wait_until(page, cached, [saved["token"], script])

    go_offline(phone)
    page.reload()
    page.locator(".leaflet-marker-icon").first.wait_for()


def test_offline_the_files_still_download(huairou_live, phone, live_server):
    page, saved = keep_a_weekend(phone, live_server)
    go_offline(phone)
    page.goto(live_server.url + saved["url"] + "print/")
    with page.expect_download() as download:
        page.get_by_role("link", name="GPX").click()
    gpx = download.value.path().read_text(encoding="utf-8")
    assert "<gpx" in gpx and saved["plan"]["days"][0]["stops"][0]["name_zh"] in gpx
