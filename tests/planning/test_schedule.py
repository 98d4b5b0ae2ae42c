import datetime as dt

from planner.planning import Candidates, Pace, make_plan
from tests.planning.factories import (
    HONGLUO,
    LABAGOU,
    MUTIANYU,
    SHENGQUAN,
    YANQI,
    cafe,
    request,
    spot,
)


def times(day):
    return [
        (s.place.slug, s.arrive.strftime("%H:%M"), s.depart.strftime("%H:%M")) for s in day.stops
    ]


def codes(plan):
    return {(w.code, w.slug) for w in plan.warnings}


def test_a_hand_checked_morning_at_hongluo():
    plan = make_plan(request([HONGLUO], lunch=False))
    day = plan.days[0]
    # 08:00 from Dongzhimen; 61.7 road km over G45 and Huairou town: 63 min driving + 5 + 20 access
    assert day.legs[0].minutes == 88
    assert times(day) == [("hongluo", "09:28", "12:28")]
    assert [leg.destination.slug for leg in day.legs] == ["hongluo", "dongzhimen"]


def test_arriving_before_opening_waits_for_the_gate():
    early = spot("early", 40.33, 116.63, opens=dt.time(10, 0), closes=dt.time(17, 0))
    plan = make_plan(request([early], lunch=False))
    stop = plan.days[0].stops[0]
    assert stop.arrive.time() == dt.time(10, 0) and stop.wait_minutes > 0
    assert not plan.warnings


def test_arriving_after_last_entry_is_warned():
    plan = make_plan(request([LABAGOU, HONGLUO], optimize=False, lunch=False))
    assert ("closed_on_arrival", "hongluo") in codes(plan)


def test_lunch_goes_to_the_cafe_with_least_detour():
    near = cafe("on-the-way", 40.40, 116.60)
    far = cafe("far-away", 40.60, 116.40)
    plan = make_plan(
        request([MUTIANYU, YANQI], optimize=False), Candidates(lunch_venues=(far, near))
    )
    lunch = [s for s in plan.days[0].stops if s.role == "lunch"]
    assert [s.place.slug for s in lunch] == ["on-the-way"]
    assert lunch[0].suggested
    assert dt.time(11, 30) <= lunch[0].arrive.time() <= dt.time(13, 30)


def test_without_a_cafe_nearby_lunch_is_a_plain_break():
    plan = make_plan(request([HONGLUO, YANQI], optimize=False))
    day = plan.days[0]
    assert day.lunch_break is not None
    assert dt.time(11, 30) <= day.lunch_break.time() <= dt.time(13, 30)
    assert all(s.role == "visit" for s in day.stops)


def test_a_long_visit_over_midday_includes_lunch_at_the_site():
    plan = make_plan(request([MUTIANYU], day_start=dt.time(10, 0)))
    stop = plan.days[0].stops[0]
    assert stop.note == "lunch"
    assert (stop.depart - stop.arrive).total_seconds() / 60 == 150 + 60


def test_pace_scales_visits():
    relaxed = make_plan(request([HONGLUO], pace=Pace.RELAXED, lunch=False)).days[0].stops[0]
    packed = make_plan(request([HONGLUO], pace=Pace.PACKED, lunch=False)).days[0].stops[0]
    assert (relaxed.depart - relaxed.arrive) > (packed.depart - packed.arrive)


def test_too_much_for_one_day_warns_of_overrun_and_keeps_every_stop():
    stops = [MUTIANYU, HONGLUO, YANQI, LABAGOU, SHENGQUAN]
    plan = make_plan(request(stops))
    assert ("day_overrun", None) in codes(plan)
    assert {s.place.slug for s in plan.days[0].stops} >= {p.slug for p in stops}


def test_out_of_season_and_unverified_are_flagged():
    summer_only = spot("gorge", 40.47, 116.66, best_months=(6, 7, 8), rating="3A",
                       rating_confirmed=False)  # fmt: skip
    plan = make_plan(request([summer_only]))
    assert {("out_of_season", "gorge"), ("unverified_data", "gorge")} <= codes(plan)
