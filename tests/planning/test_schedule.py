import datetime as dt

from planner.planning import Candidates, Pace, Transport, make_plan
from tests.planning.factories import (
    HONGLUO,
    HUBS,
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


def test_a_gate_that_opens_late_means_leaving_later_not_waiting():
    early = spot("early", 40.33, 116.63, opens=dt.time(10, 0), closes=dt.time(17, 0))
    plan = make_plan(request([early], lunch=False))
    stop = plan.days[0].stops[0]
    assert stop.arrive.time() == dt.time(10, 0) and stop.wait_minutes == 0
    assert plan.days[0].leave.time() > dt.time(8, 0)
    assert not plan.warnings


def test_a_stop_reached_after_last_entry_is_never_scheduled_late():
    plan = make_plan(request([LABAGOU, HONGLUO], optimize=False, lunch=False))
    # After Labagou's six hours Hongluo's last entry has passed: it is set aside, not late.
    assert [(u.slug, u.reason, u.suggestion) for u in plan.unplaced] == [
        ("hongluo", "no_time", "add_day")
    ]
    assert [s.place.slug for s in plan.days[0].stops] == ["labagou"]


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
    lunch = [s for s in day.stops if s.lunch_at is not None]
    assert len(lunch) == 1 and lunch[0].note == "lunch"
    assert dt.time(11, 0) <= lunch[0].lunch_at.time() <= dt.time(13, 0)
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


def test_too_much_for_one_day_sets_stops_aside_with_a_suggestion():
    stops = [MUTIANYU, HONGLUO, YANQI, LABAGOU, SHENGQUAN]
    plan = make_plan(request(stops))
    day = plan.days[0]
    assert day.back.time() <= dt.time(21, 0)
    scheduled = {s.place.slug for s in day.stops if s.role == "visit"}
    assert plan.unplaced and all(u.suggestion == "add_day" for u in plan.unplaced)
    assert scheduled | {u.slug for u in plan.unplaced} == {p.slug for p in stops}


def test_a_season_hint_and_unverified_facts_are_flagged():
    summer_only = spot("gorge", 40.47, 116.66, best_months=(6, 7, 8), rating="3A",
                       rating_confirmed=False)  # fmt: skip
    plan = make_plan(request([summer_only]))
    assert ("unverified_data", "gorge") in codes(plan)
    hints = [w for w in plan.warnings if w.code == "season_hint"]
    assert [(w.params["slugs"], w.params["months"]) for w in hints] == [(["gorge"], [[6, 7, 8]])]


def test_lunch_taken_as_a_break_on_the_way_is_not_lunch_at_the_chosen_restaurant():
    from planner.planning.schedule import advance, time_rules

    restaurant = cafe("restaurant", 40.425, 116.565)
    rules = time_rules(restaurant, Pace.NORMAL, dt.date(2026, 10, 3))
    # Leaving the Wall at 12:48 for a 13-minute drive: lunch cannot start after 13:00, so
    # it is a break before the drive, and the restaurant is passed by after lunch.
    late = advance(rules, 12 * 60 + 48, True, 13)
    assert not late.pending and not late.lunch_here
    # Leaving at 11:30, lunch is eaten at the restaurant itself.
    early = advance(rules, 11 * 60 + 30, True, 13)
    assert not early.pending and early.lunch_here


def test_without_a_car_lunch_on_the_way_is_taken_where_one_changes_vehicle():
    """Leaving at 10:00 on National Day's first morning the 916快 crawls to Huairou town
    until 12:42: lunch is there, between the bus and the car on, not during a ride."""
    far = spot("xiangshuihu", 40.4514, 116.453, visit_minutes=120)
    trip = request([far], transport=Transport.TRANSIT, date=dt.date(2026, 10, 1),
                   day_start=dt.time(10, 0))  # fmt: skip
    day = make_plan(trip, Candidates(), HUBS).days[0]
    lunch = next(stop for stop in day.stops if stop.role == "lunch_break")
    assert lunch.note == "on_the_way"
    leg = day.legs[day.stops.index(lunch) + 1]
    bus, car = leg.steps
    assert (bus.line, car.mode) == ("916快", "booked_car")
    assert bus.arrive == lunch.arrive.strftime("%H:%M")
    assert car.depart >= lunch.depart.strftime("%H:%M")
