"""What visitors read is written for visitors: no research shorthand on any public page, API
answer or sheet (editors see research notes in the admin only)."""

import io
import json
import re

import pytest
from pypdf import PdfReader

from planner.models import PLACE_MODELS, SeasonalRoute
from tests.dates import OCTOBER_SATURDAY

RESEARCH_SHORTHAND = re.compile(
    r"\[DS\]|\[R20\d\d\]|\[5A-list\]|github-file-id|github:|file id \d|pages-corpus|midpoint"
    r"|\w\.md\b|\.txt\b|§|this session|coord_note|research note|general knowledge|\(M/L\)"
    r"|huairou_(spots|routes|transport|lodging)|Source kept for editors|not used for values"
    r"|the notes|笔记|this dataset|数据集",
    re.IGNORECASE,
)


def public_urls():
    urls = ["/", "/routes/", "/plan/", "/api/places.geojson"]
    for route in SeasonalRoute.objects.all():
        urls += [
            route.get_absolute_url(),
            f"/routes/{route.slug}/print/",
            f"/api/routes/{route.slug}.geojson",
            f"/routes/{route.slug}.gpx",
            f"/routes/{route.slug}.kml",
            f"/routes/{route.slug}.ics",
        ]
    for model in PLACE_MODELS:
        urls += [place.get_absolute_url() for place in model.objects.published()]
    return urls


def visible_text(response) -> str:
    if response["Content-Type"].startswith("application/pdf"):
        return "\n".join(
            page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
        )
    return response.content.decode()


def shorthand_in(text: str) -> list[str]:
    return sorted({match.group(0) for match in RESEARCH_SHORTHAND.finditer(text)})


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_no_page_api_answer_or_sheet_shows_research_shorthand(huairou, client, language):
    client.cookies["django_language"] = language
    found = {}
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        if hits := shorthand_in(visible_text(response)):
            found[url] = hits
    assert not found


def test_plans_and_saved_itineraries_show_no_research_shorthand(huairou, client):
    for route in SeasonalRoute.objects.all():
        body = {"route": route.slug, "days": route.days, "date": OCTOBER_SATURDAY}
        plan = client.post("/api/plan", json.dumps(body), content_type="application/json")
        assert plan.status_code == 200 and not shorthand_in(plan.content.decode())
    saved = client.post(
        "/api/itineraries",
        json.dumps({"route": "autumn", "days": 2, "date": OCTOBER_SATURDAY}),
        content_type="application/json",
    ).json()
    for url in (f"/i/{saved['token']}/", f"/i/{saved['token']}/print/",
                f"/i/{saved['token']}/sheet.pdf"):  # fmt: skip
        assert not shorthand_in(visible_text(client.get(url))), url


def test_the_scan_would_catch_shorthand(huairou, client):
    """The check can fail: research notes put on a public field are found."""
    from planner.models import ScenicSpot

    ScenicSpot.objects.filter(slug="hongluo-temple").update(
        hours_note_en="150 = midpoint, see huairou_spots.md §2 [DS]"
    )
    client.cookies["django_language"] = "en"
    text = client.get("/spots/hongluo-temple/").content.decode()
    assert {"[DS]", "huairou_spots", "midpoint", "§"} <= set(shorthand_in(text))
