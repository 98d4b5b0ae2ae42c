"""Properties that hold for any plan (hypothesis generates the trips)."""

import datetime as dt
from itertools import permutations

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.planning import Candidates, Pace, Transport, make_plan
from planner.planning.optimize import DayOrderProblem
from planner.planning.schedule import latest_start
from planner.planning.travel import TravelModel
from tests.planning.factories import DONGZHIMEN, HUBS, cafe, homestay, request, spot

times = st.integers(min_value=6 * 60, max_value=18 * 60).map(lambda m: dt.time(m // 60, m % 60))


@st.composite
def places(draw, max_size=7):
    count = draw(st.integers(min_value=0, max_value=max_size))
    result = []
    for index in range(count):
        opens = draw(st.none() | times)
        closes = None
        if opens is not None:
            closes = draw(st.sampled_from([dt.time(16, 0), dt.time(17, 30), dt.time(19, 0)]))
            if closes <= opens:
                opens = None
                closes = None
        result.append(
            spot(
                f"s{index}",
                draw(st.floats(min_value=40.25, max_value=41.0)),
                draw(st.floats(min_value=116.25, max_value=116.95)),
                visit_minutes=draw(st.integers(min_value=20, max_value=240)),
                opens=opens,
                closes=closes,
            )
        )
    return result


stays = Candidates(
    homestays=(homestay("h1", 40.42, 116.55, price_cny_min=500), homestay("h2", 40.6, 116.7)),
    lunch_venues=(cafe("c1", 40.40, 116.62), cafe("c2", 40.47, 116.52)),
)
trips = st.builds(
    lambda stops, days, transport, pace, optimize: request(
        stops, days=days, transport=transport, pace=pace, optimize=optimize
    ),
    places(max_size=9),
    st.integers(min_value=1, max_value=3),
    st.sampled_from(list(Transport)),
    st.sampled_from(list(Pace)),
    st.booleans(),
)


@settings(max_examples=60, deadline=None)
@given(trips)
def test_legs_chain_from_start_to_end_and_sum_to_the_totals(trip):
    plan = make_plan(trip, stays, HUBS)
    for day in plan.days:
        chain = [day.start] + [s.place for s in day.stops] + [day.end]
        assert [leg.origin for leg in day.legs] == chain[:-1]
        assert [leg.destination for leg in day.legs] == chain[1:]
    assert plan.days[0].start == DONGZHIMEN and plan.days[-1].end == DONGZHIMEN
    legs = [leg for day in plan.days for leg in day.legs]
    assert plan.totals.travel_minutes == sum(leg.minutes for leg in legs)
    assert abs(plan.totals.km - sum(leg.km for leg in legs)) < 0.05


@settings(max_examples=60, deadline=None)
@given(trips)
def test_every_stop_is_within_its_opening_window_or_warned(trip):
    plan = make_plan(trip, stays, HUBS)
    warned = {(w.code, w.slug) for w in plan.warnings}
    for day in plan.days:
        for stop in day.stops:
            place = stop.place
            if place.opens is None:
                continue
            minute = stop.arrive.hour * 60 + stop.arrive.minute
            inside = place.opens <= stop.arrive.time() and minute <= latest_start(place)
            assert inside or ("closed_on_arrival", place.slug) in warned


@settings(max_examples=40, deadline=None)
@given(places(max_size=7), st.booleans())
def test_optimised_single_day_costs_no_more_than_any_permutation(stops, lunch):
    solver = DayOrderProblem(
        stops, DONGZHIMEN, DONGZHIMEN, TravelModel(Transport.CAR), Pace.NORMAL, lunch, 8 * 60
    )
    chosen = solver.cost(solver.solve())
    assert all(chosen <= solver.cost(order) for order in permutations(range(len(stops))))


@settings(max_examples=40, deadline=None)
@given(trips)
def test_no_stop_is_ever_dropped(trip):
    plan = make_plan(trip, stays, HUBS)
    visited = [s.place.slug for d in plan.days for s in d.stops if not s.suggested]
    assert sorted(visited) == sorted(p.slug for p in trip.stops)
