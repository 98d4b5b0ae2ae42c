from types import SimpleNamespace

import pytest
from coordTransform import wgs84_to_bd09
from geopy.exc import GeocoderUnavailable

from planner.geo import geocoding
from planner.geo.geocoding import GeocodingFailed, geocode


class StandInGeocoder:
    """Answers like a geopy geocoder, without a network."""

    def __init__(self, answers=None, error=None):
        self.answers, self.error, self.queries = answers or [], error, []

    def geocode(self, query, exactly_one=False, **kwargs):
        self.queries.append(query)
        if self.error:
            raise self.error
        return self.answers


def location(lat, lng, address="怀柔区渤海镇慕田峪村"):
    return SimpleNamespace(latitude=lat, longitude=lng, address=address)


def test_wgs84_answers_pass_through(settings):
    settings.GEOCODER = {**settings.GEOCODER, "min_delay_seconds": 0}
    stand_in = StandInGeocoder([location(40.4317, 116.5651)])
    (candidate,) = geocode("慕田峪村", geocoder=stand_in)
    assert (candidate.lat, candidate.lng) == (40.4317, 116.5651) and candidate.inside_huairou
    assert "怀柔区" in stand_in.queries[0]


def test_baidu_answers_are_converted_to_wgs84(settings):
    settings.GEOCODER = {**settings.GEOCODER, "min_delay_seconds": 0}
    bd_lng, bd_lat = wgs84_to_bd09(116.5651, 40.4317)
    (candidate,) = geocode("慕田峪村", geocoder=StandInGeocoder([location(bd_lat, bd_lng)]),
                           datum="bd09")  # fmt: skip
    assert candidate.lat == pytest.approx(40.4317, abs=1e-4)
    assert candidate.lng == pytest.approx(116.5651, abs=1e-4)


def test_failures_become_messages(settings):
    settings.GEOCODER = {**settings.GEOCODER, "min_delay_seconds": 0}
    with pytest.raises(GeocodingFailed, match="could not be reached"):
        geocode("x", geocoder=StandInGeocoder(error=GeocoderUnavailable("down")))
    with pytest.raises(GeocodingFailed, match="No place found"):
        geocode("x", geocoder=StandInGeocoder([]))
    with pytest.raises(GeocodingFailed, match="Enter an address"):
        geocode("  ", geocoder=StandInGeocoder([]))


def test_a_missing_key_is_explained():
    with pytest.raises(GeocodingFailed, match="GEOCODER_KEY"):
        geocoding.build_geocoder({"provider": "baidu", "key": ""})


def test_the_admin_endpoint_answers_candidates_or_a_message(admin_client, monkeypatch, settings):
    settings.GEOCODER = {**settings.GEOCODER, "min_delay_seconds": 0}
    stand_in = StandInGeocoder([location(40.4317, 116.5651), location(39.9, 116.4, "东城区")])
    monkeypatch.setattr(geocoding, "configured_geocoder", lambda: (stand_in, "wgs84", {}))
    data = admin_client.get("/admin/planner/geocode/", {"q": "慕田峪村"}).json()
    assert [c["inside_huairou"] for c in data["candidates"]] == [True, False]
    stand_in.error = GeocoderUnavailable("down")
    assert "could not be reached" in admin_client.get("/admin/planner/geocode/?q=x").json()["error"]


def test_the_endpoint_is_for_staff_only(client):
    assert client.get("/admin/planner/geocode/?q=x").status_code == 302
