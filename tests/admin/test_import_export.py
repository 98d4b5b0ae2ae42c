import csv
import io
import re

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from planner.admin.imports import COMMON_FIELDS, HomestayResource
from planner.models import Homestay

HEADER = [*COMMON_FIELDS, "rooms"]


def row(index, **changes):
    values = {
        "slug": f"import-{index}",
        "name_zh": f"导入民宿{index}",
        "name_en": f"Imported stay {index}",
        "type": "homestay",
        "town_zh": "渤海镇",
        "latitude": f"{40.40 + index * 0.001:.6f}",
        "longitude": "116.560000",
        "confidence": "M",
        "sources": "https://example.org/a; https://example.org/b",
        "is_published": "1",
        "is_illustrative": "1",
        "price_cny_min": "300",
        "price_cny_max": "500",
    }
    return {**values, **changes}


def csv_file(rows, name="homestays.csv"):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=HEADER)
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode("utf-8"), content_type="text/csv")


def upload(admin_client, upload_file, fmt="0"):
    return admin_client.post(
        "/admin/planner/homestay/import/",
        {"resource": "0", "format": fmt, "import_file": upload_file},
        HTTP_ACCEPT_LANGUAGE="en",
    )


def confirm(admin_client, preview):
    html = preview.content.decode()
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', html))
    wanted = ("import_file_name", "original_file_name", "format", "resource", "geocode_missing")
    data = {k: fields[k] for k in wanted if k in fields}
    return admin_client.post("/admin/planner/homestay/process_import/", data)


def test_one_bad_row_in_fifty_is_shown_and_nothing_is_written(huairou, admin_client):
    before = Homestay.objects.count()
    rows = [row(i) for i in range(49)] + [row(49, latitude="39.5")]
    preview = upload(admin_client, csv_file(rows))
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "outside Huairou" in html
    assert 'name="import_file_name"' not in html  # no way to confirm while a row is wrong
    assert Homestay.objects.count() == before


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"name_zh": "", "name_en": ""}, "Give the place a name"),
        ({"town_zh": "火星镇"}, "Unknown town"),
        ({"latitude": "north"}, "Enter a number in decimal degrees"),
        ({"price_cny_min": "900"}, "highest price cannot be below"),
        ({"sources": ""}, "needs at least one source"),
    ],
)
def test_each_bad_row_says_what_is_wrong(huairou, admin_client, changes, message):
    preview = upload(admin_client, csv_file([row(1), row(2, **changes)]))
    assert message in preview.content.decode()


def test_a_slug_twice_in_one_file_is_an_error(huairou, admin_client):
    html = upload(admin_client, csv_file([row(1), row(2, slug="import-1")])).content.decode()
    assert "appears more than once" in html


def test_a_clean_import_creates_every_row_after_the_preview(huairou, admin_client):
    before = Homestay.objects.count()
    preview = upload(admin_client, csv_file([row(i) for i in range(50)]))
    assert Homestay.objects.count() == before  # the preview writes nothing
    response = confirm(admin_client, preview)
    assert response.status_code == 302
    assert Homestay.objects.count() == before + 50
    stay = Homestay.objects.get(slug="import-7")
    assert [source.url for source in stay.sources.all()] == [
        "https://example.org/a",
        "https://example.org/b",
    ]
    assert stay.is_illustrative


def test_reimport_updates_by_slug(huairou, admin_client):
    confirm(admin_client, upload(admin_client, csv_file([row(1), row(2)])))
    count = Homestay.objects.count()
    confirm(admin_client, upload(admin_client, csv_file([row(1, name_en="Renamed stay")])))
    assert Homestay.objects.count() == count
    assert Homestay.objects.get(slug="import-1").name_en == "Renamed stay"


def test_xlsx_import_works_too(huairou, admin_client):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for index in range(3):
        values = row(index)
        sheet.append([values.get(column, "") for column in HEADER])
    data = io.BytesIO()
    book.save(data)
    upload_file = SimpleUploadedFile("stays.xlsx", data.getvalue())
    confirm(admin_client, upload(admin_client, upload_file, fmt="1"))
    assert Homestay.objects.filter(slug__startswith="import-").count() == 3


def test_export_gives_the_current_list_in_the_same_format(huairou, admin_client):
    selected = {f"homestayresource_{name}": "on" for name in HEADER}
    response = admin_client.post(
        "/admin/planner/homestay/export/", {"format": "0", "resource": "0", **selected}
    )
    assert response.status_code == 200
    exported = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {r["slug"] for r in exported} == set(Homestay.objects.values_list("slug", flat=True))
    brickyard = next(r for r in exported if r["slug"] == "the-brickyard")
    assert brickyard["sources"].startswith("http://brickyardatmutianyu.com/")
    # what was exported imports back unchanged
    dataset = HomestayResource().export()
    result = HomestayResource().import_data(dataset, dry_run=True)
    assert not result.has_errors() and not result.has_validation_errors()


@pytest.fixture
def stand_in_geocoder(monkeypatch, settings):
    """Answers every address with a point in Bohai Town, counting the questions."""
    from types import SimpleNamespace

    from planner.geo import geocoding

    asked = []

    class StandIn:
        def geocode(self, query, exactly_one=False, **kwargs):
            asked.append(query)
            return [SimpleNamespace(latitude=40.4251, longitude=116.5602, address="渤海镇")]

    settings.GEOCODER = {**settings.GEOCODER, "min_delay_seconds": 0}
    stand_in = StandIn()
    monkeypatch.setattr(geocoding, "configured_provider", lambda: geocoding.Provider(stand_in))
    return asked


def test_import_can_locate_rows_from_their_address(huairou, admin_client, stand_in_geocoder):
    rows = [row(i, latitude="", longitude="", address_zh=f"渤海镇北沟村{i}号") for i in range(3)]
    preview = admin_client.post(
        "/admin/planner/homestay/import/",
        {"resource": "0", "format": "0", "import_file": csv_file(rows), "geocode_missing": "on"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert preview.status_code == 200 and 'name="import_file_name"' in preview.content.decode()
    assert confirm(admin_client, preview).status_code == 302
    stays = Homestay.objects.filter(slug__startswith="import-")
    assert stays.count() == 3
    for stay in stays:
        assert (float(stay.latitude), float(stay.longitude)) == (40.4251, 116.5602)
        assert stay.coord_confidence == "L" and "confirm on the map" in stay.coord_note
    assert len(stand_in_geocoder) == 3  # the preview's answers were reused when confirming


def test_without_the_option_rows_stay_unmapped(huairou, admin_client, stand_in_geocoder):
    rows = [row(1, latitude="", longitude="", address_zh="渤海镇北沟村")]
    confirm(admin_client, upload(admin_client, csv_file(rows)))
    assert Homestay.objects.get(slug="import-1").latitude is None
    assert stand_in_geocoder == []


def test_the_changelist_action_locates_unmapped_records(huairou, admin_client, stand_in_geocoder):
    stay = Homestay.objects.get(slug="yutang")
    assert stay.latitude is None
    admin_client.post(
        "/admin/planner/homestay/", {"action": "geocode_missing", "_selected_action": [stay.pk]}
    )
    stay.refresh_from_db()
    assert stay.latitude is not None and stay.coord_confidence == "L"
