import datetime as dt
import io
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import gpxpy
import icalendar
from pypdf import PdfReader

from tests.dates import OCTOBER_SATURDAY
from tests.exports.conftest import TRICKY, stops_of

BEIJING = ZoneInfo("Asia/Shanghai")
KML = "{http://www.opengis.net/kml/2.2}"


def download(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return response.content


def planned(day, stop, field):
    time = dt.time.fromisoformat(stop[field])
    return dt.datetime.combine(dt.date.fromisoformat(day["date"]), time, tzinfo=BEIJING)


def test_pdf_has_a_page_per_day_and_every_stop_with_its_times(saved, client):
    content = download(client, f"/i/{saved['token']}/sheet.pdf", "application/pdf")
    reader = PdfReader(io.BytesIO(content))
    assert len(saved["plan"]["days"]) == 2
    pages = [page.extract_text() for page in reader.pages]
    # Each day starts a new page (a long day may run onto the next one).
    day_pages = [i for i, text in enumerate(pages) if text.lstrip().startswith("Day ")]
    assert len(day_pages) == 1 and pages[day_pages[0]].lstrip().startswith("Day 2")
    text_of_day = {1: "".join(pages[: day_pages[0]]), 2: "".join(pages[day_pages[0] :])}
    for day, stop in stops_of(saved["plan"]):
        page = text_of_day[day["number"]]
        assert f"{stop['arrive']}–{stop['depart']}" in page
        assert stop["name_zh"] in page
        # The CID font cannot draw emoji: they print as "?"; everything else survives.
        assert stop["name_en"].replace("🎉", "?") in page.replace("\n", " ")
    assert "110" in pages[0] and "120" in pages[0]


def test_pdf_file_name_has_the_date(saved, client):
    response = client.get(f"/i/{saved['token']}/sheet.pdf")
    assert f'filename="{OCTOBER_SATURDAY}-' in response["Content-Disposition"]


def test_gpx_has_a_waypoint_per_stop_at_the_planned_time(saved, client):
    gpx = gpxpy.parse(download(client, f"/i/{saved['token']}.gpx", "application/gpx+xml").decode())
    expected = stops_of(saved["plan"])
    assert len(gpx.waypoints) == len(expected)
    for waypoint, (day, stop) in zip(gpx.waypoints, expected, strict=True):
        assert waypoint.time == planned(day, stop, "arrive")
        assert stop["name_zh"] in waypoint.name and stop["name_en"] in waypoint.name
        assert (round(waypoint.latitude, 5), round(waypoint.longitude, 5)) == (
            round(stop["lat"], 5),
            round(stop["lng"], 5),
        )
    assert len(gpx.routes) == 2 and gpx.name == TRICKY


def test_kml_has_a_placemark_per_stop_and_a_line_per_day(saved, client):
    root = ET.fromstring(download(client, f"/i/{saved['token']}.kml", "application/vnd.google"))
    folders = root.findall(f".//{KML}Folder")
    assert len(folders) == 2
    points = [p for p in root.iter(f"{KML}Placemark") if p.find(f"{KML}Point") is not None]
    lines = [p for p in root.iter(f"{KML}Placemark") if p.find(f"{KML}LineString") is not None]
    expected = stops_of(saved["plan"])
    assert len(points) == len(expected) and len(lines) == 2
    for placemark, (_day, stop) in zip(points, expected, strict=True):
        assert stop["name_en"] in placemark.find(f"{KML}name").text
    assert root.find(f"{KML}Document/{KML}name").text == TRICKY


def test_ics_has_an_event_per_stop_in_beijing_time(saved, client):
    calendar = icalendar.Calendar.from_ical(
        download(client, f"/i/{saved['token']}.ics", "text/calendar")
    )
    events = list(calendar.walk("VEVENT"))
    expected = stops_of(saved["plan"])
    assert len(events) == len(expected)
    for event, (day, stop) in zip(events, expected, strict=True):
        assert event.decoded("dtstart") == planned(day, stop, "arrive")
        assert event.decoded("dtend") == planned(day, stop, "depart")
        assert str(event["summary"]) == f"{stop['name_zh']} · {stop['name_en']}"
        assert event["geo"].latitude == stop["lat"]
    assert str(calendar["x-wr-calname"]) == TRICKY
    assert any(tz["tzid"] == "Asia/Shanghai" for tz in calendar.walk("VTIMEZONE"))


def test_route_sheets_download_in_every_format(huairou, client):
    for url, content_type in [
        ("/routes/autumn/sheet.pdf", "application/pdf"),
        ("/routes/autumn.gpx", "application/gpx+xml"),
        ("/routes/autumn.kml", "application/vnd.google"),
        ("/routes/autumn.ics", "text/calendar"),
    ]:
        download(client, url, content_type)
    text = PdfReader(io.BytesIO(client.get("/routes/autumn/sheet.pdf").content)).pages[0]
    assert "慕田峪长城" in text.extract_text()


def test_unknown_itinerary_or_route_files_are_404(db, client):
    assert client.get("/i/nope.gpx").status_code == 404
    assert client.get("/routes/monsoon/sheet.pdf").status_code == 404


def test_kml_cannot_be_injected_through_cdata(huairou):
    from planner.exports.kml import to_kml
    from planner.exports.sheet import build_sheet

    plan = {"days": [], "totals": {}, "warnings": []}
    hostile = "<![CDATA[x]]><Placemark><name>injected</name></Placemark>"
    sheet = build_sheet(plan, hostile, "https://example.org/")
    sheet = type(sheet)(**{**sheet.__dict__, "days": ()})
    root = ET.fromstring(to_kml(sheet))
    assert root.find(f"{KML}Document/{KML}name").text == hostile
    assert not list(root.iter(f"{KML}Placemark"))
