import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "huairou.json"
CHROMIUM = Path("/usr/bin/chromium")
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to
# run in a thread with a running loop unless told this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

_browser_skip_reason: list[str] = []


def pytest_configure(config):
    """Test-only settings: a fast password hasher (the real one is slow on purpose)."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def load_huairou():
    call_command("load_huairou", fixture=FIXTURE, force=True, stdout=StringIO())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the Huairou data once; each test's transaction is rolled back afterwards."""
    with django_db_blocker.unblock():
        load_huairou()


@pytest.fixture
def huairou(db):
    """The committed Huairou fixture, loaded into the test database as `make run` does.
    (Reloaded only if a browser test's flush has emptied the database.)"""
    from planner.models import ScenicSpot

    if not ScenicSpot.objects.exists():
        load_huairou()


@pytest.fixture
def huairou_live(transactional_db):
    load_huairou()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} not found: browser tests SKIPPED (apt-get install -y chromium)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}; under CI a skipped browser test is a failure.")
        _browser_skip_reason.append(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def pytest_terminal_summary(terminalreporter):
    if _browser_skip_reason:
        banner = "!" * 78
        terminalreporter.write_line(banner, red=True, bold=True)
        terminalreporter.write_line(f"!! {_browser_skip_reason[0]}", red=True, bold=True)
        terminalreporter.write_line("!! The browser tests did NOT run.", red=True, bold=True)
        terminalreporter.write_line(banner, red=True, bold=True)


@pytest.fixture
def english():
    """Messages in English (the site's default language is Chinese)."""
    from django.utils import translation

    with translation.override("en"):
        yield


def clear_all_caches():
    """The shared cache and this process's memos of it (for data changed without signals)."""
    from django.core.cache import cache

    from planner.caching.content_version import forget_local
    from planner.caching.responses import forget_recent
    from planner.trips import adapter

    cache.clear()
    forget_local()
    forget_recent()
    # The version now survives a cache clear (it lives in the database), so the per-version
    # memos of planning data must be dropped too for an uncached measurement.
    adapter.planning_candidates.held = {}
    adapter.transit_hubs.held = {}


@pytest.fixture(autouse=True)
def fresh_cache_and_generous_limits(settings):
    """Each test starts with an empty cache and rate limits it will not hit by accident
    (the rate-limit test sets its own)."""
    clear_all_caches()
    settings.RATE_LIMITS = {scope: "100000/60" for scope in ("plan", "save", "geojson", "read")}
