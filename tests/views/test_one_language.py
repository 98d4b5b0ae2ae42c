"""One language per page, page by page: every public page as the server sends it, in Chinese
and in English, has no sentence in the other script (names, addresses and cited titles are
marked translate="no"; tests/language.py holds the rule). The browser tests check the parts
scripts draw (the builder, the map list) with the same rule."""

import json

import pytest

from planner.models import PLACE_MODELS, SeasonalRoute
from tests.dates import OCTOBER_SATURDAY
from tests.language import sentences_in_other_language, visible_text


def public_paths(client) -> list[str]:
    body = {"date": OCTOBER_SATURDAY, "days": 2, "route": "autumn", "title": "秋天"}
    saved = client.post("/api/itineraries", json.dumps(body), content_type="application/json")
    token = saved.json()["token"]
    paths = ["/", "/routes/", "/plan/", f"/i/{token}/", f"/i/{token}/print/"]
    for route in SeasonalRoute.objects.filter(is_published=True):
        paths += [route.get_absolute_url(), route.get_absolute_url() + "print/"]
    for model in PLACE_MODELS:
        paths += [place.get_absolute_url() for place in model.objects.published()]
    return paths


@pytest.mark.parametrize("language, header", [("zh", "zh-CN"), ("en", "en")])
def test_every_public_page_speaks_one_language(huairou, client, language, header):
    found = {}
    for path in public_paths(client):
        response = client.get(path, HTTP_ACCEPT_LANGUAGE=header)
        assert response.status_code == 200, path
        if runs := sentences_in_other_language(visible_text(response.content.decode()), language):
            found[path] = runs
    assert found == {}


def test_the_rule_catches_a_sentence_in_the_other_language():
    english = visible_text(
        '<p>Open daily.</p><p>全年开放，节假日人多。</p><p translate="no">红螺寺</p>'
    )
    assert sentences_in_other_language(english, "en") == ["全年开放", "节假日人多"]
    chinese = visible_text("<p>全年开放。</p><p>Opening hours vary by season.</p>")
    assert sentences_in_other_language(chinese, "zh") == ["Opening hours vary by season"]
    assert sentences_in_other_language("916快 to Huairou (怀柔)", "en") == []
