import datetime as dt
import json

import pytest
from django.contrib.auth.models import Group, User
from django.forms.models import model_to_dict
from django.test import Client

from planner.models import Homestay, RouteStop, ScenicSpot, SeasonalRoute
from planner.models.fields import ChoiceListField


def _field_values(row, prefix="") -> dict:
    data = {}
    for name, value in model_to_dict(row).items():
        if value is None:
            data[prefix + name] = ""
        elif isinstance(row._meta.get_field(name), ChoiceListField):
            data[prefix + name] = [str(item) for item in value]  # one checkbox each
        elif isinstance(value, list):
            data[prefix + name] = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, bool):
            if value:
                data[prefix + name] = "on"
        elif isinstance(value, dt.time):
            data[prefix + name] = value.strftime("%H:%M")
        else:
            data[prefix + name] = value
    return data


INLINES = {"scenicspot": ("sources", "periods", "highlights"), "homestay": ("sources",)}


def form_data(record, **changes):
    """What the change form would post for `record` (with its inline rows), some fields changed."""
    data = _field_values(record)
    for accessor in INLINES.get(record._meta.model_name, ()):
        rows = list(getattr(record, accessor).all()) if record.pk else []
        management = {"TOTAL_FORMS": len(rows), "INITIAL_FORMS": len(rows), "MIN_NUM_FORMS": 0}
        data.update({f"{accessor}-{key}": value for key, value in management.items()})
        for index, row in enumerate(rows):
            data.update(_field_values(row, f"{accessor}-{index}-"))
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


def _all_sources_deleted() -> dict:
    return {f"sources-{i}-DELETE": "on" for i in range(20)}


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"opens": "18:00", "closes": "08:00"}, "Closing time must be after opening time"),
        ({"last_entry": "20:00"}, "Last entry must lie between opening and closing"),
        ({"price_cny_min": "90", "price_cny_max": "40"}, "highest price cannot be below"),
        ({"best_months": ["4", "13"]}, "Select a valid choice. 13 is not one of"),
        ({"latitude": "39.9", "longitude": "116.4"}, "lies outside Huairou"),
        ({"sources-0-DELETE": "on"} | _all_sources_deleted(), "needs at least one source"),
        ({"opens": "07:00"}, "You changed the hours or the location"),
        ({"latitude": "40.38"}, "You changed the hours or the location"),
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


def test_the_editors_group_holds_the_rights_its_migrations_grant(db):
    """Content: add, change, view, and delete only for route stops (places are unpublished,
    not deleted); a record's own rows (sources, periods, highlights): all four. Nothing else."""
    content = ["scenicspot", "homestay", "villagecafe", "village", "pointofinterest",
               "startpoint", "seasonalroute", "routestop"]  # fmt: skip
    expected = {f"{action}_{model}" for model in content for action in ("add", "change", "view")}
    expected.add("delete_routestop")
    for model in ("source", "openingperiod", "highlight"):
        expected |= {f"{action}_{model}" for action in ("add", "change", "view", "delete")}
    held = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    assert held == expected


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


def test_changing_hours_with_a_new_verification_date_saves(huairou, admin_client):
    spot = ScenicSpot.objects.get(slug="hongluo-temple")
    response = post_change(admin_client, spot, opens="08:00", last_verified="2026-11-27")
    assert response.status_code == 302
    saved = ScenicSpot.objects.get(pk=spot.pk)
    assert saved.opens == dt.time(8, 0) and saved.last_verified == dt.date(2026, 11, 27)


def test_changing_a_seasonal_period_asks_for_a_new_verification_date(huairou, admin_client):
    spot = ScenicSpot.objects.get(slug="mutianyu-great-wall")
    response = post_change(admin_client, spot, **{"periods-1-opens": "06:30"})
    assert response.status_code == 200
    assert "You changed the hours or the location" in response.content.decode()
    assert not spot.periods.filter(opens=dt.time(6, 30)).exists()
    response = post_change(
        admin_client, spot, **{"periods-1-opens": "06:30", "last_verified": "2026-11-27"}
    )
    assert response.status_code == 302 and spot.periods.filter(opens=dt.time(6, 30)).exists()


def test_months_are_twelve_checkboxes_themes_a_choice_list_and_sources_rows(huairou, admin_client):
    spot = ScenicSpot.objects.get(slug="mutianyu-great-wall")
    html = admin_client.get(f"/admin/planner/scenicspot/{spot.pk}/change/").content.decode()
    assert html.count('type="checkbox" name="best_months"') == 12
    assert 'type="checkbox" name="tags" value="great-wall"' in html
    assert 'name="sources-TOTAL_FORMS"' in html and 'name="periods-0-ticket_cny"' in html
    assert 'name="highlights-0-text_zh"' in html and 'name="highlights-0-text_en"' in html
