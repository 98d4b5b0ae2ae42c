"""A seasonal route's print view and files run the engine on every request: they are rate
limited like a plan request, so a client cannot burn the workers' CPU on them."""

from django.test import override_settings


@override_settings(RATE_LIMITS={"plan": "2/60", "save": "100/60", "geojson": "100/60",
                                "read": "100/60"})  # fmt: skip
def test_route_sheets_are_rate_limited_like_plans(huairou, client):
    codes = [client.get("/routes/autumn/print/").status_code,
             client.get("/routes/autumn.gpx").status_code]  # fmt: skip
    codes += [client.get("/routes/autumn/print/").status_code,
              client.get("/routes/autumn/sheet.pdf").status_code]  # fmt: skip
    assert codes == [200, 200, 429, 429]
