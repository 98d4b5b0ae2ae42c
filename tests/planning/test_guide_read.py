"""What a local guide checks in a real plan, kept as behaviour (see bench/guide_read.py)."""

import datetime as dt

from planner.planning import Candidates, Role, make_plan
from tests.planning.factories import HONGLUO, MUTIANYU, homestay, request

NEAR_YANQI = homestay("near-yanqi", 40.41, 116.68, price_cny_min=600)


def lunches(day):
    return [
        stop.lunch_at or stop.arrive
        for stop in day.stops
        if stop.lunch_at or stop.role in (Role.LUNCH, Role.LUNCH_BREAK)
    ]


def test_a_day_that_reaches_its_stay_at_midday_still_has_lunch_at_lunchtime():
    plan = make_plan(
        request([HONGLUO, MUTIANYU], days=2, preferred_days={"hongluo": 1, "mutianyu": 2}),
        Candidates(homestays=(NEAR_YANQI,)),
    )
    day1 = plan.days[0]
    assert day1.back.time() > dt.time(11, 0)  # the day is out at lunchtime

    (lunch_at,) = lunches(day1)
    assert dt.time(11, 0) <= lunch_at.time() <= dt.time(13, 0)
    assert lunch_at <= day1.back
