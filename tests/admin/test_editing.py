import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.forms.models import model_to_dict
from django.test import Client

from planner.models import Homestay, RouteStop, ScenicSpot, SeasonalRoute


def form_data(record, **changes):
    """What the change form would post for `record`, with some fields changed."""
    data = {}
    for name, value in model_to_dict(record).items():
        if value is None:
            data[name] = ""
        elif isinstance(value, list):
            data[name] = __import__("json").dumps(value, ensure_ascii=False)
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, dt.time):
            data[name] = value.strftime("%H:%M")
        else:
            data[name] = value
    data.update(changes)
    return {key: value for key, value in data.items() if value is not False}


def post_change(client, record, **changes):
    url = f"/admin/planner/{record._meta.model_name}/{record.pk}/change/"
    return client.post(url, form_data(record, **changes), HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", password="pw-for-editor-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"opens": "18:00", "closes": "08:00"}, "Closing time must be after opening time"),
        ({"last_entry": "20:00"}, "Last entry must lie between opening and closing"),
        ({"price_cny_min": "90", "price_cny_max": "40"}, "highest price cannot be below"),
        ({"best_months": "[4, 13]"}, "Months must be whole numbers from 1 to 12"),
        ({"latitude": "39.9", "longitude": "116.4"}, "lies outside Huairou"),
        ({"sources": "[]"}, "A published record needs at least one source"),
        ({"slug": "yanqi-lake"}, "already exists"),
    ],
)
def test_each_mistake_gets_a_clear_message(huairou, admin_client, changes, message):
    spot = ScenicSpot.objects.get(slug="hongluo-temple")
    response = post_change(admin_client, spot, **changes)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert ScenicSpot.objects.get(pk=spot.pk).opens == spot.opens


def test_a_valid_change_saves_and_shows_on_the_public_page_at_once(huairou, editor, client):
    client.get("/spots/hongluo-temple/")  # warm any cache
    client.get("/api/places.geojson")
    spot = ScenicSpot.objects.get(slug="hongluo-temple")
    response = post_change(editor, spot, name_en="Hongluo Temple (renamed)")
    assert response.status_code == 302
    assert (
        "Hongluo Temple (renamed)"
        in client.get("/spots/hongluo-temple/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )
    names = [
        f["properties"]["name_en"] for f in client.get("/api/places.geojson").json()["features"]
    ]
    assert "Hongluo Temple (renamed)" in names


def test_history_records_who_changed_what_and_reverting_restores_it(huairou, admin_client):
    spot = ScenicSpot.objects.get(slug="yanqi-lake")
    original = spot.name_en
    assert post_change(admin_client, spot, name_en="Wrong name").status_code == 302
    latest = ScenicSpot.objects.get(pk=spot.pk).history.first()
    assert latest.history_user.username == "admin" and latest.name_en == "Wrong name"
    history_page = admin_client.get(f"/admin/planner/scenicspot/{spot.pk}/history/")
    changes = history_page.content.decode().split('id="change-history"')[1]
    assert "Yanqi Lake" in changes and "Wrong name" in changes  # the field, before and after
    before_change = latest.prev_record
    url = f"/admin/planner/scenicspot/{spot.pk}/history/{before_change.history_id}/"
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, form_data(before_change.instance))
    assert response.status_code == 302
    assert ScenicSpot.objects.get(pk=spot.pk).name_en == original


def test_route_stops_are_edited_inline_and_changes_recorded(huairou, admin_client):
    route = SeasonalRoute.objects.get(slug="spring")
    response = admin_client.get(f"/admin/planner/seasonalroute/{route.pk}/change/")
    assert response.status_code == 200 and "stops-TOTAL_FORMS" in response.content.decode()
    stop = route.stops.get(position=1)
    before = RouteStop.history.filter(id=stop.pk).count()
    stop.note_en = "Changed note"
    stop.save()
    records = RouteStop.history.filter(id=stop.pk)
    assert records.count() == before + 1 and records.first().note_en == "Changed note"


def test_editors_cannot_manage_users_or_groups(editor):
    assert editor.get("/admin/auth/user/").status_code == 403
    assert editor.get("/admin/auth/group/").status_code == 403


def test_editors_can_edit_and_publish_but_not_delete_places(huairou, editor):
    stay = Homestay.objects.get(slug="the-brickyard")
    assert editor.get(f"/admin/planner/homestay/{stay.pk}/change/").status_code == 200
    assert editor.get(f"/admin/planner/homestay/{stay.pk}/delete/").status_code == 403
    editor.post("/admin/planner/homestay/", {"action": "unpublish", "_selected_action": [stay.pk]})
    assert not Homestay.objects.get(pk=stay.pk).is_published
    editor.post("/admin/planner/homestay/", {"action": "publish", "_selected_action": [stay.pk]})
    assert Homestay.objects.get(pk=stay.pk).is_published


def test_mark_verified_today_and_the_stale_filter(huairou, admin_client):
    stay = Homestay.objects.get(slug="the-brickyard")
    Homestay.objects.filter(pk=stay.pk).update(last_verified=dt.date(2020, 1, 1))
    stale = admin_client.get("/admin/planner/homestay/?stale=yes").content.decode()
    assert "瓦厂" in stale
    admin_client.post(
        "/admin/planner/homestay/", {"action": "mark_verified_today", "_selected_action": [stay.pk]}
    )
    assert Homestay.objects.get(pk=stay.pk).last_verified == dt.date.today()
    assert "瓦厂" not in admin_client.get("/admin/planner/homestay/?stale=yes").content.decode()


def test_search_finds_places_by_chinese_or_english_name(huairou, admin_client):
    assert "瓦厂" in admin_client.get("/admin/planner/homestay/?q=Brickyard").content.decode()
    assert "The Brickyard" in admin_client.get("/admin/planner/homestay/?q=瓦厂").content.decode()
