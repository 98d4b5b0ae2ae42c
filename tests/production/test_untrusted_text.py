"""Whatever an editor or visitor types is inert in every format we produce."""

import io
import json
import re
import xml.etree.ElementTree as ET

import gpxpy
import icalendar
import pytest
from pypdf import PdfReader

from planner.models import ScenicSpot
from tests.dates import OCTOBER_SATURDAY

CORPUS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "</script><script>alert('x')</script>",
    "{{ 7*7 }} {% debug %}",
    "'; DROP TABLE planner_itinerary; --",
    "&lt;b&gt; & <b> ]]> <![CDATA[x]]>",
    "\u202e evil \u200b zero-width",
    "BEGIN:VEVENT\r\nSUMMARY:injected\r\nEND:VEVENT",
    "emoji 🎉🏯 and 中文 「引号」",
]


@pytest.fixture(params=CORPUS, ids=range(len(CORPUS)))
def hostile(request, huairou, client):
    text = request.param
    spot = ScenicSpot.objects.get(slug="hongluo-temple")
    spot.name_en = text[:200]
    spot.save()
    response = client.post(
        "/api/itineraries",
        json.dumps({"title": text[:120], "stops": ["hongluo-temple"], "date": OCTOBER_SATURDAY}),
        content_type="application/json",
    )
    assert response.status_code == 201
    return text, response.json()


def test_html_pages_escape_it(hostile, client):
    text, saved = hostile
    for url in [saved["url"], f"{saved['url']}print/", "/spots/hongluo-temple/",
                f"/plan/?from={saved['token']}"]:  # fmt: skip
        html = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        if "<" in text or '"' in text:
            assert text not in html, url
        assert "<script>alert" not in html and "<img src=x" not in html, url
        assert len(re.findall(r"<script(?![^>]*(src=|application/json))", html)) <= 1, url


def test_json_keeps_it_as_data(hostile, client):
    text, saved = hostile
    data = client.get(f"/api/itineraries/{saved['token']}").json()
    assert data["title"] == text[:120]
    names = [s["name_en"] for d in data["plan"]["days"] for s in d["stops"]]
    assert text[:200] in names


def test_files_round_trip_it_exactly(hostile, client):
    text, saved = hostile
    token = saved["token"]
    # XML and iCalendar both store line breaks as a bare "\n" (XML end-of-line handling).
    title = text[:120].strip().replace("\r\n", "\n")
    name = text[:200].replace("\r\n", "\n")
    gpx = gpxpy.parse(client.get(f"/i/{token}.gpx").content.decode())
    assert gpx.name == title
    assert name in gpx.waypoints[0].name
    kml = ET.fromstring(client.get(f"/i/{token}.kml").content)
    ns = "{http://www.opengis.net/kml/2.2}"
    assert kml.find(f"{ns}Document/{ns}name").text == title
    assert name in kml.find(f".//{ns}Placemark/{ns}name").text
    calendar = icalendar.Calendar.from_ical(client.get(f"/i/{token}.ics").content)
    events = calendar.walk("VEVENT")
    stops = [stop for day in saved["plan"]["days"] for stop in day["stops"]]
    assert len(events) == len(stops)  # one event per stop, no injected events
    assert any(name in str(event["summary"]) for event in events)
    pdf = PdfReader(io.BytesIO(client.get(f"/i/{token}/sheet.pdf").content))
    assert len(pdf.pages) >= 1 and "红螺寺" in pdf.pages[0].extract_text()
