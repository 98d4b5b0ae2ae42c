import datetime as dt

import pytest

from planner.planning import Transport
from planner.planning.travel import TravelModel, great_circle_km
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

WEDNESDAY_10 = dt.datetime(2026, 11, 18, 10, 0)
SATURDAY_8 = dt.datetime(2026, 11, 21, 8, 0)
NATIONAL_DAY_8 = dt.datetime(2026, 10, 1, 8, 0)


def test_drive_from_the_city_to_mutianyu_is_about_the_sourced_90_minutes_and_72_road_km():
    leg = TravelModel(Transport.CAR).leg(DONGZHIMEN, MUTIANYU, WEDNESDAY_10)
    assert abs(leg.drive_minutes - 90) / 90 < 0.15
    assert 65 < leg.km < 80  # road km (sources: 70–73), not the 55 km straight line


def test_shown_km_are_road_km_longer_than_the_straight_line():
    car = TravelModel(Transport.CAR)
    for a, b in [(DONGZHIMEN, LABAGOU), (YANQI, QINGLONG), (HUAIROU_TOWN, MUTIANYU)]:
        assert car.leg(a, b).km > car.exact_km(a, b) * 1.05


def test_big_sites_add_parking_and_shuttle_minutes_apart_from_driving():
    leg = TravelModel(Transport.CAR).leg(HONGLUO, MUTIANYU)
    assert leg.access_minutes == 25
    assert leg.minutes == leg.drive_minutes + leg.access_minutes
    back = TravelModel(Transport.CAR).leg(MUTIANYU, HONGLUO)
    assert back.access_minutes == 20


def test_saturday_morning_out_of_beijing_is_slower_and_says_why():
    car = TravelModel(Transport.CAR)
    calm, busy = car.leg(DONGZHIMEN, YANQI, WEDNESDAY_10), car.leg(DONGZHIMEN, YANQI, SATURDAY_8)
    assert busy.drive_minutes > calm.drive_minutes
    assert busy.traffic == "weekend_outbound_morning" and calm.traffic == ""


def test_a_holiday_morning_out_of_beijing_is_slower_than_an_ordinary_saturday():
    car = TravelModel(Transport.CAR)
    saturday = car.leg(DONGZHIMEN, MUTIANYU, SATURDAY_8)
    holiday = car.leg(DONGZHIMEN, MUTIANYU, NATIONAL_DAY_8)
    assert holiday.drive_minutes > saturday.drive_minutes
    assert holiday.traffic == "holiday_outbound_morning"


@pytest.mark.parametrize("day", [dt.date(2026, 10, 4), dt.date(2026, 10, 5)])
def test_a_morning_out_of_beijing_in_the_middle_of_a_holiday_is_no_quicker_than_a_saturday(day):
    """Golden Week's middle days are days off: never lighter traffic than a Saturday."""
    car = TravelModel(Transport.CAR)
    saturday = car.leg(DONGZHIMEN, MUTIANYU, SATURDAY_8)
    holiday = car.leg(DONGZHIMEN, MUTIANYU, dt.datetime.combine(day, dt.time(8, 0)))
    assert holiday.drive_minutes >= saturday.drive_minutes
    assert holiday.traffic == "holiday_other"


def test_sunday_afternoon_return_is_slower_than_sunday_morning():
    car = TravelModel(Transport.CAR)
    morning = car.leg(MUTIANYU, DONGZHIMEN, dt.datetime(2026, 11, 22, 10, 0))
    afternoon = car.leg(MUTIANYU, DONGZHIMEN, dt.datetime(2026, 11, 22, 16, 0))
    assert afternoon.drive_minutes > morning.drive_minutes


def test_a_car_has_no_last_departure():
    assert (
        TravelModel(Transport.CAR).last_departure(MUTIANYU, DONGZHIMEN, SATURDAY_8.date()) is None
    )


def test_far_valleys_are_impractical_without_a_car():
    transit = TravelModel(Transport.TRANSIT, HUBS)
    assert transit.transit_practical(HONGLUO)
    assert not transit.transit_practical(LABAGOU)


def test_the_cheap_distance_is_geopys_great_circle():
    from geopy.distance import great_circle

    for a, b in [(MUTIANYU, YANQI), (DONGZHIMEN, LABAGOU), (HONGLUO, QINGLONG)]:
        expected = great_circle(a.point, b.point).km
        assert great_circle_km(a.lat, a.lng, b.lat, b.lng) == pytest.approx(expected, rel=1e-9)
