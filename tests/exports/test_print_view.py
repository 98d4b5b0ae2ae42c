from planner.exports.route_map import day_drawing, svg
from planner.exports.sheet import build_sheet, load_records
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
    # The newest verification date among the plan's places (records change with the data).
    records = load_records(saved["plan"]).values()
    newest = max(r.last_verified for r in records if getattr(r, "last_verified", None))
    assert f"Facts as of {newest:%Y-%m-%d}" in html
    assert "&lt;b&gt;" in html and TRICKY not in html
    assert "uri.amap.com" in html


def test_print_view_of_a_route(huairou, client):
    html = client.get("/routes/summer/print/").content.decode()
    assert "夏季消夏避暑雁栖游" in html and html.count('class="sheet-stop"') >= 3


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
