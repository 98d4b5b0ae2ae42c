from planner.exports.route_map import day_drawing, svg
from planner.exports.sheet import build_sheet
from tests.dates import next_saturday_from
from tests.exports.conftest import TRICKY, stops_of


def test_print_view_has_every_stop_with_facts_map_qr_and_emergency_numbers(saved, client):
    html = client.get(f"/i/{saved['token']}/print/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert html.count('class="sheet-day"') == 2
    assert html.count("<svg") >= 3  # a map per day and the QR code
    for _day, stop in stops_of(saved["plan"]):
        assert f"{stop['arrive']}–{stop['depart']}" in html
        assert f"{stop['lat']:.5f}, {stop['lng']:.5f}" in html
    for number in ("110", "120", "119", "122"):
        assert number in html
    # The newest verification date among the places the plan uses.
    sheet = build_sheet(saved["plan"], "t", "https://example.org/i/x/")
    assert sheet.facts_as_of is not None
    assert f"Facts as of {sheet.facts_as_of:%Y-%m-%d}" in html
    assert "&lt;b&gt;" in html and TRICKY not in html
    assert "uri.amap.com" in html


def test_print_view_of_a_route(huairou, client):
    html = client.get("/routes/summer/print/").content.decode()
    assert "夏季消夏避暑雁栖游" in html and html.count('class="sheet-stop"') >= 3
    english = client.get("/routes/summer/print/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Summer: cool off at Yanqi" in english and "夏季消夏避暑雁栖游" not in english


def test_the_day_map_is_drawn_from_coordinates(saved):
    sheet = build_sheet(saved["plan"], "t", "https://example.org/i/x/")
    drawing = day_drawing(sheet.days[0])
    labels = [point.label for point in drawing.points]
    assert labels[0] == "S" and labels[-1] == "H"
    assert labels[1:-1] == [str(stop.number) for stop in sheet.days[0].stops]
    assert all(0 <= p.x <= drawing.width and 0 <= p.y <= drawing.height for p in drawing.points)
    # north is up: a more northern place is drawn higher
    north = max(sheet.days[0].stops, key=lambda s: s.place.lat)
    south = min(sheet.days[0].stops, key=lambda s: s.place.lat)
    y = {point.label: point.y for point in drawing.points}
    assert y[str(north.number)] <= y[str(south.number)]
    assert svg(drawing, title="<x>").count("&lt;x&gt;") == 2


def test_the_sheet_shows_sunset_at_outdoor_sites_and_lunch_in_its_place(
    huairou, client, monkeypatch
):
    import dataclasses
    import json

    from planner.trips import requests as trip_requests

    original = trip_requests.place_info

    def outdoor_wall(place):
        info = original(place)
        return dataclasses.replace(info, outdoor=info.slug == "mutianyu-great-wall")

    monkeypatch.setattr(trip_requests, "place_info", outdoor_wall)
    body = {"date": next_saturday_from(12, 12), "stops": ["mutianyu-great-wall", "hongluo-temple"]}
    saved = client.post("/api/itineraries", json.dumps(body), content_type="application/json")
    plan = saved.json()["plan"]
    wall = next(s for s in plan["days"][0]["stops"] if s["slug"] == "mutianyu-great-wall")
    assert "16:40" <= wall["sunset"] <= "17:00" and wall["depart"] <= wall["sunset"]
    html = client.get(f"/i/{saved.json()['token']}/print/", HTTP_ACCEPT_LANGUAGE="en")
    stop = html.content.decode().split('data-slug="mutianyu-great-wall"')[1].split("</li>")[0]
    assert "sunset" in stop and wall["sunset"] in stop
    stops = plan["days"][0]["stops"]
    assert [s["arrive"] for s in stops] == sorted(s["arrive"] for s in stops)
