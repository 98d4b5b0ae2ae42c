import pytest

from planner.planning import Transport
from planner.planning.travel import TravelModel, road_band, zone_of
from tests.planning.factories import (
    DONGZHIMEN,
    HONGLUO,
    HUAIROU_TOWN,
    HUBS,
    LABAGOU,
    MUTIANYU,
    QINGLONG,
    YANQI,
)


def test_zones_follow_the_road_types():
    assert zone_of(DONGZHIMEN) == "city"
    assert zone_of(HONGLUO) == "plain"
    assert zone_of(QINGLONG) == "mountain"
    assert zone_of(LABAGOU) == "remote"
    assert road_band(DONGZHIMEN, MUTIANYU) == "expressway"
    assert road_band(YANQI, LABAGOU) == "remote"


def test_drive_from_the_city_to_mutianyu_matches_the_sourced_90_minutes():
    car = TravelModel(Transport.CAR)
    leg = car.leg(DONGZHIMEN, MUTIANYU)
    drive = leg.minutes - 25  # Mutianyu's parking and shuttle are added on arrival
    assert abs(drive - 90) / 90 < 0.15
    assert 54 < leg.km < 57  # straight line, geodesic


def test_reported_km_is_geodesic_and_ranking_uses_the_cheap_distance():
    car = TravelModel(Transport.CAR)
    assert car.leg(MUTIANYU, YANQI).km == pytest.approx(car.exact_km(MUTIANYU, YANQI), abs=0.05)
    assert car.fast_km(MUTIANYU, YANQI) == pytest.approx(car.exact_km(MUTIANYU, YANQI), rel=5e-3)


def test_big_sites_cost_an_access_overhead_on_arrival():
    car = TravelModel(Transport.CAR)
    assert car.minutes(HONGLUO, MUTIANYU) - car.minutes(MUTIANYU, HONGLUO) == pytest.approx(5)


def test_transit_is_slower_and_uses_the_916_express_bus():
    car, transit = TravelModel(Transport.CAR), TravelModel(Transport.TRANSIT, HUBS)
    assert transit.minutes(DONGZHIMEN, HONGLUO) > car.minutes(DONGZHIMEN, HONGLUO) + 15
    assert transit.mode(DONGZHIMEN, HONGLUO) == "transit:916快+taxi"
    assert transit.mode(HONGLUO, MUTIANYU) == "taxi"
    # from the hub itself there is no onward taxi to wait for
    assert transit.minutes(DONGZHIMEN, HUAIROU_TOWN) == pytest.approx(10 + 65)


def test_far_mountain_spots_are_impractical_without_a_car():
    transit = TravelModel(Transport.TRANSIT, HUBS)
    assert transit.transit_practical(HONGLUO)
    assert not transit.transit_practical(LABAGOU)


def test_the_cheap_distance_is_geopys_great_circle():
    from geopy.distance import great_circle

    from planner.planning.travel import great_circle_km

    for a, b in [(MUTIANYU, YANQI), (DONGZHIMEN, LABAGOU), (HONGLUO, QINGLONG)]:
        expected = great_circle(a.point, b.point).km
        assert great_circle_km(a.lat, a.lng, b.lat, b.lng) == pytest.approx(expected, rel=1e-9)
