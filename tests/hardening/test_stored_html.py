"""Issue 16, item 8: stored text is never markup: map tooltips and source links."""

import pytest

from planner.models import ScenicSpot, Source


@pytest.mark.parametrize(
    "source",
    ["javascript:alert(1)", "javascript://%0aalert(1)", " JavaScript://x%0aalert(1)",
     "data:text/html,<script>alert(1)</script>", "vbscript://x"],
)  # fmt: skip
def test_sources_that_are_not_web_links_are_shown_as_text(huairou, client, source):
    spot = ScenicSpot.objects.get(slug="hongluo-temple")
    spot.sources.all().delete()
    # Written past the admin's URL validation, as a script or an old import could have.
    Source.objects.create(spot=spot, position=1, title="Hostile", url=source)
    Source.objects.create(spot=spot, position=2, title="Fine", url="https://example.org/page")
    html = client.get("/spots/hongluo-temple/").content.decode()
    assert 'href="https://example.org/page"' in html
    assert 'href="javascript' not in html.lower().replace(" ", "")
    assert 'href="data:' not in html and 'href="vbscript' not in html
