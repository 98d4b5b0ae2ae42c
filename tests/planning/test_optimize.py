import datetime as dt
from itertools import permutations

from planner.planning import Pace, Transport, make_plan
from planner.planning.optimize import DayOrderProblem
from planner.planning.travel import TravelModel
from tests.planning.factories import (
    DONGZHIMEN,
    HONGLUO,
    HUBS,
    MUTIANYU,
    QINGLONG,
    YANQI,
    request,
    spot,
)


def problem(places, **fields):
    defaults = {
        "start": DONGZHIMEN, "end": DONGZHIMEN, "travel": TravelModel(Transport.CAR),
        "pace": Pace.NORMAL, "lunch": True, "day_start_minute": 8 * 60,
        "day": dt.date(2026, 10, 10), "day_end_minute": 21 * 60,
    }  # fmt: skip
    return DayOrderProblem(places, **{**defaults, **fields})


def grid(count):
    return [spot(f"p{i}", 40.3 + (i * 7 % 10) * 0.03, 116.5 + (i * 3 % 10) * 0.03,
                 visit_minutes=30) for i in range(count)]  # fmt: skip


def test_exact_order_is_as_cheap_as_the_best_permutation():
    places = grid(6)
    solver = problem(places)
    best = min(solver.cost(order) for order in permutations(range(6)))
    assert solver.cost(solver.solve()) == best


def test_a_closing_time_beats_a_shorter_drive():
    # Hongluo's last entry is 16:00; a long first visit elsewhere would miss it.
    slow = spot("slow", 40.47, 116.66, visit_minutes=400)
    solver = problem([slow, HONGLUO])
    closed, _travel = solver.cost(solver.solve())
    assert closed == 0
    assert [solver.places[i].slug for i in solver.solve()] == ["hongluo", "slow"]


def test_locked_stops_keep_their_position():
    places = grid(6)
    solver = problem(places, locked={4: 0, 1: 3})
    order = solver.solve()
    assert order[0] == 4 and order[3] == 1
    free_best = min(solver.cost(o) for o in permutations(range(6)) if o[0] == 4 and o[3] == 1)
    assert solver.cost(order) == free_best


def test_beyond_eight_stops_the_heuristic_improves_on_nearest_neighbour():
    places = grid(11)
    solver = problem(places, lunch=False)
    greedy = solver._nearest_neighbour()
    order = solver.solve()
    # On this grid the greedy tour crosses itself: the local search must find a shorter one.
    assert solver.cost(order) < solver.cost(greedy)
    assert sorted(order) == list(range(11))


def test_optimised_plan_fits_as_many_stops_and_is_not_longer_than_the_given_order():
    stops = [QINGLONG, HONGLUO, MUTIANYU, YANQI]
    kept = make_plan(request(stops, optimize=False, date=dt.date(2026, 7, 4)))
    optimised = make_plan(request(stops, date=dt.date(2026, 7, 4)))
    # Better means more of the chosen stops fit, then less time on the road.
    assert len(optimised.unplaced) <= len(kept.unplaced)
    if len(optimised.unplaced) == len(kept.unplaced):
        assert optimised.totals.travel_minutes <= kept.totals.travel_minutes


def test_a_whole_trip_tour_is_no_longer_than_nearest_neighbour():
    places = grid(12)
    solver = problem(places, timed=False)
    assert solver.cost(solver.solve()) <= solver.cost(solver._nearest_neighbour())
    assert sorted(solver.solve()) == list(range(12))


def test_an_order_that_misses_the_last_bus_home_does_not_fit_by_bus_but_does_by_car():
    """Out at 15:00, two hours at a place open till 22:00: home by 20:30 by car, but without
    a car the last 916快 has gone (the day builder would drop the stop; the optimiser knows)."""
    day = dt.date(2026, 11, 21)
    late = spot("open-late", 40.40, 116.60, visit_minutes=120, opens=dt.time(6),
                closes=dt.time(22))  # fmt: skip
    for transport, misfits in ((Transport.CAR, 0), (Transport.TRANSIT, 1)):
        problem = DayOrderProblem(
            [late], DONGZHIMEN, DONGZHIMEN, TravelModel(transport, HUBS), Pace.NORMAL, False,
            15 * 60, day=day, day_end_minute=21 * 60,
        )  # fmt: skip
        assert problem.cost([0])[0] == misfits, transport


def test_an_order_that_cuts_a_visit_short_costs_the_minutes_it_cuts():
    """Same travel either way round: the order that lets the early-closing temple have its
    two hours wins over the one that reaches it at 12:01 and is sent out at 13:30."""
    temple = spot("closes-at-half-one", 40.35, 116.62, visit_minutes=120, opens=dt.time(8),
                  closes=dt.time(13, 30))  # fmt: skip
    wall = spot("open-all-day", 40.43, 116.56, visit_minutes=120, opens=dt.time(7),
                closes=dt.time(18))  # fmt: skip
    problem = DayOrderProblem(
        [wall, temple], DONGZHIMEN, DONGZHIMEN, TravelModel(Transport.CAR), Pace.NORMAL, False,
        8 * 60, day=dt.date(2027, 4, 14), day_end_minute=21 * 60,
    )  # fmt: skip
    cut, whole = problem.cost([0, 1]), problem.cost([1, 0])
    assert cut[0] == whole[0] == 0 and cut[1] > whole[1]
    assert problem.solve() == [1, 0]


def test_the_order_is_judged_with_the_way_home_at_its_hour_as_the_day_is_built():
    """Sunday afternoon back into Beijing is slow: the optimiser's day ends when the built day
    does, or it keeps stops the day builder then has to drop."""
    sunday = dt.date(2026, 11, 22)
    trip = request([MUTIANYU], date=sunday, day_start=dt.time(11, 30), lunch=False)
    built = make_plan(trip).days[0]
    problem = DayOrderProblem(
        [MUTIANYU], DONGZHIMEN, DONGZHIMEN, TravelModel(Transport.CAR), Pace.NORMAL, False,
        11 * 60 + 30, day=sunday, day_end_minute=21 * 60,
    )  # fmt: skip
    back = built.back.hour * 60 + built.back.minute
    assert abs(problem.finish_minute([0]) - back) <= 1
    assert built.legs[-1].traffic == "weekend_inbound_afternoon"
