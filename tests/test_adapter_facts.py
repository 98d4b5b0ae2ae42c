"""The ORM → engine adapter hands the engine the place facts of contract C3."""

import datetime as dt

from planner.models import Homestay, ScenicSpot
from planner.planning.types import OpeningPeriod
from planner.trips.adapter import find_stops, place_info


def test_spots_carry_their_seasonal_periods_and_outdoor_flag(huairou):
    info = find_stops(["mutianyu-great-wall"])["mutianyu-great-wall"]
    info = place_info(info)
    assert info.outdoor is True
    assert OpeningPeriod(
        start=(4, 1), end=(10, 31), opens=dt.time(7, 30), closes=dt.time(18, 0),
        last_entry=dt.time(17, 30), ticket_cny=45,
    ) in info.periods  # fmt: skip
    labagou = place_info(ScenicSpot.objects.get(slug="labagou-primeval-forest"))
    closed = [p for p in labagou.periods if p.closed]
    assert closed and {p.reason for p in closed} == {"fire_season"}
    museum = place_info(ScenicSpot.objects.get(slug="erguotou-liquor-museum"))
    assert museum.outdoor is False and museum.periods == () and museum.opens is None


def test_lodging_kind_and_weekly_closing_days(huairou):
    hotel = place_info(Homestay.objects.get(slug="the-brickyard"))
    assert hotel.lodging_kind == "hotel" and hotel.periods == ()
    farm = place_info(Homestay.objects.get(slug="guohuai-courtyard"))
    assert farm.lodging_kind == "farmstay"
    schoolhouse = place_info(find_stops(["schoolhouse-restaurant"])["schoolhouse-restaurant"])
    assert schoolhouse.closed_weekdays == (0, 1) and schoolhouse.lodging_kind == ""
