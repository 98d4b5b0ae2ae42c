"""The map's popups give the hours in force today, as the place page reads them: the
seasonal period's, worked out per day (the cached answer is per day too)."""

import pytest

from tests.dates import pin_today


def spot(client, slug, url="/api/places.geojson"):
    features = client.get(url).json()["features"]
    return next(f["properties"] for f in features if f["properties"].get("slug") == slug)


@pytest.mark.parametrize("url", ["/api/places.geojson", "/api/routes/autumn.geojson"])
def test_a_spot_s_hours_are_those_in_force_today(huairou, client, monkeypatch, url):
    pin_today(monkeypatch, "2026-11-27")  # Mutianyu's Nov–Mar period: 07:30–17:30
    winter = spot(client, "mutianyu-great-wall", url)
    assert (winter["opens"], winter["closes"]) == ("07:30", "17:30")
    place = client.get("/spots/mutianyu-great-wall/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "07:30–17:30" in place
    pin_today(monkeypatch, "2027-07-03")  # the next day asked: summer hours, not the cached ones
    summer = spot(client, "mutianyu-great-wall", url)
    assert (summer["opens"], summer["closes"], summer["last_entry"]) == ("07:30", "18:00", "17:30")


def test_a_spot_closed_for_the_season_says_so(huairou, client, monkeypatch):
    pin_today(monkeypatch, "2026-11-27")
    gorge = spot(client, "qinglong-gorge")
    assert gorge["closed_today"] is True and gorge["opens"] is None
    pin_today(monkeypatch, "2027-07-03")
    assert spot(client, "qinglong-gorge")["closed_today"] is False
