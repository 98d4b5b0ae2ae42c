from types import SimpleNamespace

import pytest
from coordTransform import wgs84_to_bd09
from geopy.exc import GeocoderUnavailable

from planner.geo import geocoding
from planner.geo.geocoding import BaiduProvider, GeocodingFailed, Provider, geocode


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
    (candidate,) = geocode("慕田峪村", provider=Provider(stand_in))
    assert (candidate.lat, candidate.lng) == (40.4317, 116.5651) and candidate.inside_huairou
    assert "怀柔区" in stand_in.queries[0]


def test_baidu_answers_are_converted_to_wgs84(settings):
    settings.GEOCODER = {**settings.GEOCODER, "min_delay_seconds": 0}
    bd_lng, bd_lat = wgs84_to_bd09(116.5651, 40.4317)
    stand_in = StandInGeocoder([location(bd_lat, bd_lng)])
    (candidate,) = geocode("慕田峪村", provider=BaiduProvider(stand_in))
    assert candidate.lat == pytest.approx(40.4317, abs=1e-4)
    assert candidate.lng == pytest.approx(116.5651, abs=1e-4)


def test_failures_become_messages(settings):
    settings.GEOCODER = {**settings.GEOCODER, "min_delay_seconds": 0}
    with pytest.raises(GeocodingFailed, match="could not be reached"):
        geocode("x", provider=Provider(StandInGeocoder(error=GeocoderUnavailable("down"))))
    with pytest.raises(GeocodingFailed, match="No place found"):
        geocode("x", provider=Provider(StandInGeocoder([])))
    with pytest.raises(GeocodingFailed, match="Enter an address"):
        geocode("  ", provider=Provider(StandInGeocoder([])))


def test_a_missing_key_is_explained():
    with pytest.raises(GeocodingFailed, match="GEOCODER_KEY"):
        geocoding.build_provider({"provider": "baidu", "key": ""})
    with pytest.raises(GeocodingFailed, match="nominatim or baidu"):
        geocoding.build_provider({"provider": "gaode"})


def test_the_admin_endpoint_answers_candidates_or_a_message(admin_client, monkeypatch, settings):
    settings.GEOCODER = {**settings.GEOCODER, "min_delay_seconds": 0}
    stand_in = StandInGeocoder([location(40.4317, 116.5651), location(39.9, 116.4, "东城区")])
    monkeypatch.setattr(geocoding, "configured_provider", lambda: Provider(stand_in))
    data = admin_client.get("/admin/planner/geocode/", {"q": "慕田峪村"}).json()
    assert [c["inside_huairou"] for c in data["candidates"]] == [True, False]
    stand_in.error = GeocoderUnavailable("down")
    assert "could not be reached" in admin_client.get("/admin/planner/geocode/?q=x").json()["error"]


def test_the_endpoint_is_for_staff_only(client):
    assert client.get("/admin/planner/geocode/?q=x").status_code == 302


def test_a_web_request_asks_once_and_never_waits_to_retry(settings, monkeypatch):
    settings.GEOCODER = {**settings.GEOCODER, "min_delay_seconds": 0}
    monkeypatch.setattr(geocoding, "RETRY_WAIT_SECONDS", 60)  # a retry would hang the test
    stand_in = StandInGeocoder(error=GeocoderUnavailable("down"))
    with pytest.raises(GeocodingFailed):
        geocode("慕田峪村", provider=Provider(stand_in))
    assert len(stand_in.queries) == 1


@pytest.fixture
def unmapped_homestays(huairou):
    from planner.models import Homestay

    template = Homestay.objects.published().mapped().first()
    for index in range(12):
        template.pk, template.id = None, None
        template.slug, template.latitude, template.longitude = f"unmapped-{index}", None, None
        template.address_zh = f"渤海镇北沟村{index}号"
        template.save()
    return Homestay.objects.filter(slug__startswith="unmapped-")


def answer_bohai(monkeypatch, settings):
    settings.GEOCODER = {**settings.GEOCODER, "min_delay_seconds": 0}
    stand_in = StandInGeocoder([location(40.4251, 116.5602)])
    monkeypatch.setattr(geocoding, "configured_provider", lambda: Provider(stand_in))
    return stand_in


def test_the_admin_action_locates_a_capped_batch_and_says_how_many_wait(
    admin_client, unmapped_homestays, monkeypatch, settings
):
    from planner.admin.places import GEOCODE_BATCH

    answer_bohai(monkeypatch, settings)
    response = admin_client.post(
        "/admin/planner/homestay/",
        {"action": "geocode_missing", "_selected_action": [h.pk for h in unmapped_homestays]},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    page = response.content.decode()
    assert unmapped_homestays.filter(latitude__isnull=False).count() == GEOCODE_BATCH
    assert f"Located the first {GEOCODE_BATCH} only; {12 - GEOCODE_BATCH} more are waiting" in page


def test_the_command_locates_every_unmapped_place_with_a_progress_bar(
    unmapped_homestays, monkeypatch, settings
):
    from io import StringIO

    from django.core.management import call_command

    from planner.models import Homestay

    stand_in = answer_bohai(monkeypatch, settings)
    waiting = Homestay.objects.filter(latitude__isnull=True).count()
    out, err = StringIO(), StringIO()
    call_command("locate_places", kind=["homestay"], stdout=out, stderr=err)
    assert not unmapped_homestays.filter(latitude__isnull=True).exists()
    located = unmapped_homestays.first()
    assert located.coord_confidence == "L" and "confirm on the map" in located.coord_note
    assert f"Located {waiting} of {waiting} places" in out.getvalue()
    assert "Locating" in err.getvalue()  # tqdm's bar
    # One query per distinct address: places in the same village share their answer.
    assert len(stand_in.queries) == len(set(stand_in.queries)) >= 12
