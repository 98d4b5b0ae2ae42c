import pytest

from planner.models import PLACE_MODELS


@pytest.fixture
def offline_page(page, live_server):
    """A page on a closed network: anything not served by the live server is refused."""
    page.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith(live_server.url) else route.abort()
        ),
    )
    return page


def published_places():
    return [place for model in PLACE_MODELS for place in model.objects.published()]
