"""One language per page, as a visitor's browser renders it (scripts run: the map's list and
markers, the builder's stops and timeline): no sentence in the other script. Every public page
is checked as the server sends it in tests/views/test_one_language.py; here, each kind of page
whose text scripts draw. The rule is in tests/language.py."""

import pytest

from planner.models import PLACE_MODELS, SeasonalRoute
from tests.browser.checks import assert_one_language
from tests.browser.journeys import open_context, wait_for_plan
from tests.dates import OCTOBER_SATURDAY

pytestmark = pytest.mark.browser


def public_paths(live_server, page) -> list[str]:
    saved = page.request.post(
        live_server.url + "/api/itineraries",
        data={"date": OCTOBER_SATURDAY, "days": 2, "route": "autumn", "title": "秋"},
    ).json()
    paths = ["/", "/routes/", f"/i/{saved['token']}/", f"/i/{saved['token']}/print/"]
    route = SeasonalRoute.objects.filter(is_published=True).first()
    paths += [route.get_absolute_url(), route.get_absolute_url() + "print/"]
    for model in PLACE_MODELS:  # one page of each kind
        place = model.objects.published().mapped().first()
        if place is not None:
            paths.append(place.get_absolute_url())
    return paths


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_public_page_speaks_one_language(huairou_live, browser, live_server, language):
    page = open_context(browser, live_server, language)
    failures = []
    for path in public_paths(live_server, page):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        try:
            assert_one_language(page, language)
        except AssertionError as error:
            failures.append(str(error))
    page.goto(live_server.url + "/plan/?route=autumn")
    wait_for_plan(page)
    try:
        assert_one_language(page, language)
    except AssertionError as error:
        failures.append(str(error))
    assert failures == [], "\n".join(failures)
    page.context.close()
