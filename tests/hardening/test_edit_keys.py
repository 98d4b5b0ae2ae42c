"""Issue 16, item 1: the share link reads and copies; only the creator's edit key changes."""

import json

import pytest
from django.contrib.sessions.models import Session

from planner.models import Itinerary
from tests.dates import OCTOBER_SATURDAY

BODY = {"stops": ["yanqi-lake", "hongluo-temple"], "date": OCTOBER_SATURDAY, "title": "Mine"}


def save(client):
    response = client.post("/api/itineraries", json.dumps(BODY), content_type="application/json")
    assert response.status_code == 201
    return response.json()


def put(client, token, body, key=None):
    extra = {} if key is None else {"HTTP_X_EDIT_KEY": key}
    return client.put(f"/api/itineraries/{token}", json.dumps(body),
                      content_type="application/json", **extra)  # fmt: skip


def test_the_creator_alone_gets_a_long_edit_key_stored_hashed(huairou, client):
    saved = save(client)
    key = saved["edit_key"]
    assert len(key) >= 43  # 256 bits, URL-safe base64
    stored = Itinerary.objects.get(token=saved["token"])
    assert stored.edit_key_hash and key not in stored.edit_key_hash
    assert "edit_key" not in client.get(f"/api/itineraries/{saved['token']}").json()
    assert key not in client.get(saved["url"]).content.decode()


@pytest.mark.parametrize("key", [None, "", "wrong", "A" * 43])
def test_the_share_link_alone_cannot_change_or_blank_the_itinerary(huairou, client, key):
    saved = save(client)
    stranger = client.__class__()
    version = stranger.get(f"/api/itineraries/{saved['token']}").json()["version"]
    response = put(stranger, saved["token"], {"stops": [], "title": "", "version": version}, key)
    assert response.status_code == 403
    assert "edit key" in response.json()["errors"]["edit_key"][0]
    kept = Itinerary.objects.get(token=saved["token"])
    assert kept.title == "Mine" and kept.version == 1


def test_the_edit_key_changes_it(huairou, client):
    saved = save(client)
    stranger = client.__class__()
    response = put(stranger, saved["token"], {**BODY, "title": "New", "version": 1},
                   saved["edit_key"])  # fmt: skip
    assert response.status_code == 200 and response.json()["version"] == 2
    assert Itinerary.objects.get(token=saved["token"]).title == "New"


def test_itineraries_saved_before_edit_keys_cannot_be_changed(huairou, client):
    saved = save(client)
    Itinerary.objects.filter(token=saved["token"]).update(edit_key_hash="")
    assert put(client, saved["token"], {**BODY, "version": 1}, "").status_code == 403


def test_only_the_creator_s_browser_is_offered_edit(huairou, client):
    saved = save(client)
    assert f'?edit={saved["token"]}"' in client.get(saved["url"]).content.decode()
    own = client.get(f"/plan/?edit={saved['token']}").content.decode()
    assert saved["edit_key"] in own and own.count(saved["token"]) >= 1
    stranger = client.__class__()
    page = stranger.get(saved["url"]).content.decode()
    assert f'?edit={saved["token"]}" hidden' in page
    assert "Edit a copy" in stranger.get(saved["url"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    theirs = stranger.get(f"/plan/?edit={saved['token']}").content.decode()
    assert '"edit_key": ""' in theirs and saved["edit_key"] not in theirs


def test_a_forged_cookie_gives_no_edit_key(huairou, client):
    saved = save(client)
    stranger = client.__class__()
    stranger.cookies["my_itineraries"] = json.dumps({saved["token"]: "x"})
    assert '"edit_key": ""' in stranger.get(f"/plan/?edit={saved['token']}").content.decode()


def test_saving_writes_no_session_row(huairou, client):
    save(client)
    save(client)
    assert Session.objects.count() == 0
