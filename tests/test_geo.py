import pytest
from geopy.distance import geodesic

from planner.geo.coordinates import from_gcj02, navigation_links, to_gcj02


def test_wgs84_to_gcj02_matches_the_published_reference_vector():
    # coordtransform's README: wgs84togcj02(116.404, 39.915)
    # → [116.41024449916938, 39.91640428150164]
    lat, lng = to_gcj02(39.915, 116.404)
    assert lng == pytest.approx(116.41024449916938, abs=1e-9)
    assert lat == pytest.approx(39.91640428150164, abs=1e-9)


def test_gcj02_to_wgs84_matches_the_published_reference_vector():
    lat, lng = from_gcj02(39.915, 116.404)
    assert lng == pytest.approx(116.39775550083061, abs=1e-9)
    assert lat == pytest.approx(39.91359571849836, abs=1e-9)


def test_the_shift_in_huairou_is_about_500_metres():
    shifted = to_gcj02(40.4317, 116.5651)
    assert 400 < geodesic((40.4317, 116.5651), shifted).m < 650


def test_navigation_links_pass_wgs84_to_amap():
    links = {link["app"]: link["url"] for link in navigation_links("慕田峪长城", 40.4317, 116.5651)}
    assert "coordinate=wgs84" in links["amap"] and "116.565100%2C40.431700" in links["amap"]
    assert "coord_type=wgs84" in links["baidu"]
    assert "ll=40.431700%2C116.565100" in links["apple"]
