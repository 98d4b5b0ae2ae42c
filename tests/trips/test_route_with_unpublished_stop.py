"""A seasonal route keeps working when an editor unpublishes one of its places: the place
drops out of the plan, instead of a 400 "Unknown place" from the API and a 500 on the sheet."""

from planner.models import SeasonalRoute


def unpublish_first_stop(slug: str) -> str:
    stop = SeasonalRoute.objects.get(slug=slug).stops.with_places()[0]
    stop.target.is_published = False
    stop.target.save()
    return stop.target.slug


def test_a_route_plan_leaves_out_a_place_unpublished_since(huairou, client):
    gone = unpublish_first_stop("autumn")
    response = client.post("/api/plan", {"route": "autumn"}, content_type="application/json")
    assert response.status_code == 200, response.content[:300]
    planned = {stop["slug"] for day in response.json()["days"] for stop in day["stops"]}
    assert planned and gone not in planned


def test_the_route_sheet_and_files_still_open(huairou, client):
    unpublish_first_stop("autumn")
    for url in ["/routes/autumn/print/", "/routes/autumn.gpx", "/routes/autumn/sheet.pdf"]:
        assert client.get(url).status_code == 200, url
