"""Issue 16, items 3 and 9: control characters and spreadsheet formulas in untrusted text."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import gpxpy
import icalendar
import openpyxl
import pytest
from import_export.formats.base_formats import CSV, XLSX

from planner.admin.imports import HomestayResource
from planner.models import Homestay, Itinerary, ScenicSpot
from tests.admin.test_editing import post_change
from tests.dates import OCTOBER_SATURDAY

VT = "\x0b"


def test_the_api_refuses_control_characters(huairou, client):
    body = {"stops": ["yanqi-lake"], "title": f"Weekend{VT}trip"}
    response = client.post("/api/itineraries", json.dumps(body), content_type="application/json")
    assert response.status_code == 400
    assert "control characters (found U+000B)" in response.json()["errors"]["body"][0]


@pytest.fixture
def dirty_itinerary(huairou, client):
    """Records written before the edge was cleaned (or by a script) still export cleanly."""
    spot = ScenicSpot.objects.get(slug="hongluo-temple")
    spot.name_en = f"Hongluo{VT}Temple\x1f"
    spot.address_zh = f"怀柔{VT}区"
    spot.save()
    body = {"stops": ["hongluo-temple", "yanqi-lake"], "date": OCTOBER_SATURDAY}
    saved = client.post("/api/itineraries", json.dumps(body), content_type="application/json")
    token = saved.json()["token"]
    Itinerary.objects.filter(token=token).update(title=f"My{VT}weekend")
    return token


def test_kml_gpx_and_ics_stay_well_formed(dirty_itinerary, client):
    kml = client.get(f"/i/{dirty_itinerary}.kml")
    assert kml.status_code == 200
    names = [
        e.text for e in ET.fromstring(kml.content).iter("{http://www.opengis.net/kml/2.2}name")
    ]
    assert any("HongluoTemple" in (name or "") for name in names)
    gpx = client.get(f"/i/{dirty_itinerary}.gpx")
    parsed = gpxpy.parse(gpx.content.decode())
    assert parsed.name == "Myweekend"
    assert ET.fromstring(gpx.content) is not None
    ics = icalendar.Calendar.from_ical(client.get(f"/i/{dirty_itinerary}.ics").content)
    assert all(VT not in str(event["summary"]) for event in ics.walk("VEVENT"))


def test_admin_forms_strip_control_characters(huairou, admin_client):
    spot = ScenicSpot.objects.get(slug="hongluo-temple")
    response = post_change(admin_client, spot, name_en=f"Hongluo{VT}Temple")
    assert response.status_code == 302, response.content.decode()[:2000]
    spot.refresh_from_db()
    assert spot.name_en == "HongluoTemple"


def test_admin_inline_rows_strip_control_characters_too(huairou, admin_client):
    # A source's title and a highlight's text pasted from a document, on the spot's own form.
    spot = ScenicSpot.objects.get(slug="mutianyu-great-wall")
    changes = {"sources-0-title": f"Notice{VT}2023", "highlights-0-text_en": f"Towers{VT}\x1f"}
    response = post_change(admin_client, spot, **changes)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert spot.sources.order_by("position").first().title == "Notice2023"
    assert spot.highlights.order_by("position").first().text_en == "Towers"


@pytest.fixture
def hostile_homestay(huairou):
    stay = Homestay.objects.filter(is_published=True).first()
    stay.name_en = f'=HYPERLINK("http://evil.example","Click"){VT}'
    stay.name_zh = "@SUM(1+1)*cmd|' /C calc'!A0"
    stay.phone = "+86 10 6162 6505"
    stay.description_en = "-2+3+cmd|' /C calc'!A0"
    stay.save()
    return stay


def exported_rows(fmt):
    dataset = HomestayResource().export()
    data = fmt().export_data(dataset)
    if fmt is XLSX:
        sheet = openpyxl.load_workbook(io.BytesIO(data)).active
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
        header, *body = rows
        return [dict(zip(header, row, strict=True)) for row in body]
    return list(csv.DictReader(io.StringIO(data)))


@pytest.mark.parametrize("fmt", [CSV, XLSX])
def test_exports_cannot_start_a_formula_but_keep_phone_numbers(hostile_homestay, fmt):
    (row,) = [r for r in exported_rows(fmt) if r["slug"] == hostile_homestay.slug]
    assert row["name_en"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert row["name_zh"].startswith("'@")
    assert row["description_en"].startswith("'-2+3")
    assert row["phone"] == "+86 10 6162 6505"


def test_an_exported_file_imports_back_unchanged(hostile_homestay):
    data = CSV().export_data(HomestayResource().export())
    dataset = CSV().create_dataset(data)
    result = HomestayResource().import_data(dataset, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    hostile_homestay.refresh_from_db()
    assert hostile_homestay.name_zh == "@SUM(1+1)*cmd|' /C calc'!A0"
    assert hostile_homestay.name_en == '=HYPERLINK("http://evil.example","Click")'
    assert hostile_homestay.phone == "+86 10 6162 6505"
