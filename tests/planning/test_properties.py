"""Invariants of any plan a guide would sign (hypothesis generates the trips).

Nothing outside the hours in force that day (sunset for outdoor sites), everything inside the
day window and on the same calendar day, lunch 11:00–14:00 on every day with a midday, and
no stop silently dropped: each is scheduled or set aside as unplaced.
"""

import datetime as dt
from dataclasses import replace
from itertools import permutations

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.planning import Candidates, OpeningPeriod, Pace, Role, Transport, make_plan
from planner.planning.hours import hours_on
from planner.planning.optimize import DayOrderProblem
from planner.planning.schedule import LUNCH_EARLIEST, LUNCH_LATEST, lunch_minutes
from planner.planning.travel import TravelModel
from tests.planning.factories import DONGZHIMEN, HUBS, cafe, homestay, request, spot

times = st.integers(min_value=6 * 60, max_value=11 * 60).map(lambda m: dt.time(m // 60, m % 60))
# Dates over the whole year, public holidays among them.
dates = st.sampled_from(
    [dt.date(2026, 1, 10), dt.date(2026, 2, 17), dt.date(2026, 4, 4), dt.date(2026, 5, 1),
     dt.date(2026, 7, 18), dt.date(2026, 8, 29), dt.date(2026, 10, 1), dt.date(2026, 10, 17),
     dt.date(2026, 11, 28), dt.date(2026, 12, 19)]
)  # fmt: skip
WINTER_CLOSURE = OpeningPeriod((11, 15), (3, 15), closed=True, reason="fire_season")
SUMMER_HOURS = OpeningPeriod((4, 1), (10, 31), opens=dt.time(7, 30), closes=dt.time(18, 30))


@st.composite
def places(draw, min_size=3, max_size=10):
    count = draw(st.integers(min_value=min_size, max_value=max_size))
    result = []
    for index in range(count):
        opens = draw(st.none() | times)
        closes = draw(st.sampled_from([dt.time(16, 0), dt.time(17, 30), dt.time(19, 0)]))
        periods = draw(st.sampled_from([(), (WINTER_CLOSURE,), (SUMMER_HOURS,)]))
        result.append(
            spot(
                f"s{index}",
                draw(st.floats(min_value=40.25, max_value=41.0)),
                draw(st.floats(min_value=116.25, max_value=116.95)),
                visit_minutes=draw(st.integers(min_value=20, max_value=240)),
                opens=opens,
                closes=closes if opens is not None else None,
                periods=periods,
                closed_weekdays=draw(st.sampled_from([(), (0,), (6,)])),
                outdoor=draw(st.booleans()),
            )
        )
    return result


stays = Candidates(
    homestays=(homestay("h1", 40.42, 116.55, price_cny_min=500), homestay("h2", 40.6, 116.7)),
    lunch_venues=(cafe("c1", 40.40, 116.62), cafe("c2", 40.47, 116.52)),
)


@st.composite
def trips(draw):
    stops = draw(places())
    locked = draw(st.sets(st.sampled_from([s.slug for s in stops]), max_size=2))
    return request(
        stops, date=draw(dates), days=draw(st.integers(min_value=1, max_value=3)),
        transport=draw(st.sampled_from(list(Transport))), pace=draw(st.sampled_from(list(Pace))),
        optimize=draw(st.booleans()), locked=frozenset(locked),
        day_start=draw(st.sampled_from([dt.time(7, 0), dt.time(8, 0), dt.time(9, 30)])),
        day_end=draw(st.sampled_from([dt.time(15, 0), dt.time(18, 0), dt.time(21, 0)])),
    )  # fmt: skip


def minute(moment: dt.datetime) -> int:
    return moment.hour * 60 + moment.minute


@settings(max_examples=60, deadline=None)
@given(trips())
def test_every_visit_keeps_the_hours_in_force_that_day_and_sunset(trip):
    plan = make_plan(trip, stays, HUBS)
    for day in plan.days:
        for stop in day.stops:
            if stop.role == Role.LUNCH_BREAK:
                continue
            hours = hours_on(stop.place, day.date)
            assert not hours.closed, (stop.place.slug, day.date)
            start = minute(stop.arrive)
            if hours.opens is not None:
                assert start >= hours.opens
            if hours.latest is not None:
                assert start <= hours.latest
            if hours.closes is not None:
                assert minute(stop.depart) <= hours.closes or stop.lunch_at is not None
            if hours.sunset is not None:
                assert minute(stop.depart) <= hours.sunset or stop.lunch_at is not None


@settings(max_examples=60, deadline=None)
@given(trips())
def test_everything_happens_inside_the_day_window_on_one_calendar_day(trip):
    plan = make_plan(trip, stays, HUBS)
    for day in plan.days:
        assert day.leave.time() >= trip.day_start and day.back.time() <= trip.day_end
        assert day.back.date() == day.date
        previous = day.leave
        for stop in day.stops:
            assert stop.arrive.date() == stop.depart.date() == day.date
            assert previous <= stop.arrive <= stop.depart <= day.back
            previous = stop.depart


@settings(max_examples=60, deadline=None)
@given(trips())
def test_lunch_is_eaten_between_eleven_and_two_on_every_day_with_a_midday(trip):
    plan = make_plan(trip, stays, HUBS)
    length = lunch_minutes(trip.pace)
    for day in plan.days:
        last_start = LUNCH_LATEST - length
        has_midday = minute(day.leave) <= last_start < minute(day.back)
        lunches = [
            stop.lunch_at or stop.arrive
            for stop in day.stops
            if stop.lunch_at is not None or stop.role == Role.LUNCH_BREAK
        ]
        if has_midday:
            assert len(lunches) == 1, day
        for moment in lunches:
            assert LUNCH_EARLIEST <= minute(moment) <= last_start


@settings(max_examples=60, deadline=None)
@given(trips())
def test_no_stop_is_silently_dropped_and_legs_chain(trip):
    plan = make_plan(trip, stays, HUBS)
    visited = [s.place.slug for d in plan.days for s in d.stops if s.role == Role.VISIT]
    set_aside = [item.slug for item in plan.unplaced]
    assert sorted(visited + set_aside) == sorted(p.slug for p in trip.stops)
    assert {w.slug for w in plan.warnings if w.code == "unplaced"} == set(set_aside)
    for day in plan.days:
        chain = [day.start] + [s.place for s in day.stops] + [day.end]
        assert [leg.origin for leg in day.legs] == chain[:-1]
        assert [leg.destination for leg in day.legs] == chain[1:]
    assert plan.days[0].start == DONGZHIMEN and plan.days[-1].end == DONGZHIMEN
    legs = [leg for day in plan.days for leg in day.legs]
    assert plan.totals.travel_minutes == sum(leg.minutes for leg in legs)


def clock(text: str) -> int:
    return minute(dt.datetime.strptime(text, "%H:%M"))


@settings(max_examples=60, deadline=None)
@given(trips())
def test_every_bus_train_or_taxi_runs_between_the_stops_and_never_during_lunch(trip):
    """A leg's timed steps run after the visitor leaves one stop and before they reach the
    next: lunch before a leg moves its bus or train to the one after lunch, and lunch on the
    way is taken where one changes vehicle, not during a ride."""
    plan = make_plan(trip, stays, HUBS)
    for day in plan.days:
        left = minute(day.leave)
        breaks = [(minute(s.arrive), minute(s.depart)) for s in day.stops if s.note == "on_the_way"]
        for leg, stop in zip(day.legs, [*day.stops, None], strict=True):
            reach = minute(stop.arrive) if stop is not None else minute(day.back)
            for step in (step for step in leg.steps if step.depart):
                depart, arrive = clock(step.depart), clock(step.arrive)
                # 1 minute: steps are timed in fractions, legs and stops in whole minutes
                assert left <= depart + 1 and arrive <= reach + 1, (leg, stop)
                assert all(arrive <= start or depart >= end for start, end in breaks), leg
            # A break on the way sits before the leg it interrupts: that leg set off earlier.
            if stop is not None and stop.note != "on_the_way":
                left = minute(stop.depart)


def test_stops_added_in_another_order_give_the_same_plan():
    """Three stops of one village (equal cost in any order) and two far apart."""
    stops = [spot(slug, 40.5, 116.5, visit_minutes=30) for slug in ("a", "b", "c")]
    stops += [spot("d", 40.45, 116.56, visit_minutes=60), spot("e", 40.36, 116.64)]
    plans = [make_plan(request(order, days=2), stays, HUBS) for order in (stops, stops[::-1])]
    shown = [[[s.place.slug for s in day.stops] for day in plan.days] for plan in plans]
    assert shown[0] == shown[1]


@settings(max_examples=60, deadline=None)
@given(trips(), st.randoms(use_true_random=False))
def test_the_order_stops_were_added_in_does_not_change_an_optimised_plan(trip, rng):
    """The builder sends back the order it was shown and saving plans again: the same stops
    must give the same plan, or the saved plan differs from the one the visitor approved."""
    free = [s for s in trip.stops if s.slug not in trip.locked]
    rng.shuffle(free)
    shuffled = iter(free)
    stops = tuple(s if s.slug in trip.locked else next(shuffled) for s in trip.stops)

    def shown(plan):
        return [[(s.place.slug, s.arrive, s.depart) for s in day.stops] for day in plan.days]

    first, again = make_plan(trip, stays, HUBS), make_plan(replace(trip, stops=stops), stays, HUBS)
    if trip.optimize:
        assert shown(again) == shown(first)
        assert sorted(u.slug for u in again.unplaced) == sorted(u.slug for u in first.unplaced)


@settings(max_examples=30, deadline=None)
@given(places(min_size=0, max_size=6), st.booleans())
def test_optimised_single_day_costs_no_more_than_any_permutation(stops, lunch):
    solver = DayOrderProblem(
        stops, DONGZHIMEN, DONGZHIMEN, TravelModel(Transport.CAR), Pace.NORMAL, lunch, 8 * 60,
        day=dt.date(2026, 10, 17), day_end_minute=21 * 60,
    )  # fmt: skip
    chosen = solver.cost(solver.solve())
    assert all(chosen <= solver.cost(order) for order in permutations(range(len(stops))))
