import datetime as dt

from planner.planning import Candidates, make_plan
from tests.planning.factories import (
    HONGLUO,
    LABAGOU,
    MUTIANYU,
    QINGLONG,
    SHENGQUAN,
    YANQI,
    homestay,
    request,
)

NEAR_YANQI = homestay("near-yanqi", 40.41, 116.68, price_cny_min=600)
NEAR_MUTIANYU = homestay("near-mutianyu", 40.42, 116.548, price_cny_min=1800)
FAR_WEST = homestay("far-west", 40.45, 116.30, price_cny_min=300)
UNPRICED = homestay("unpriced", 40.40, 116.66)
STAYS = Candidates(homestays=(NEAR_YANQI, NEAR_MUTIANYU, FAR_WEST, UNPRICED))


def test_two_days_split_the_stops_and_chain_through_the_overnight_stay():
    plan = make_plan(request([MUTIANYU, HONGLUO, YANQI, QINGLONG, SHENGQUAN], days=2), STAYS)
    day1, day2 = plan.days
    assert day1.date == dt.date(2026, 10, 10) and day2.date == dt.date(2026, 10, 11)
    assert day1.stops and day2.stops
    assert day1.overnight is not None and day1.end == day1.overnight == day2.start
    assert day2.overnight is None and day2.end.slug == "dongzhimen"
    slugs = [s.place.slug for d in plan.days for s in d.stops if s.role == "visit"]
    assert sorted(slugs) == sorted(["mutianyu", "hongluo", "yanqi", "qinglong", "shengquan"])


def test_overnight_is_the_stay_with_least_detour_and_alternatives_follow():
    plan = make_plan(request([YANQI, QINGLONG], days=2, optimize=False), STAYS)
    night = plan.days[0]
    assert night.overnight.slug in {"near-yanqi", "unpriced"}
    assert "far-west" not in {night.overnight.slug} | {
        a.slug for a in night.overnight_alternatives[:1]
    }
    assert len(night.overnight_alternatives) == 3


def test_budget_keeps_only_stays_with_a_known_price_that_fits():
    plan = make_plan(request([YANQI, QINGLONG], days=2, budget_per_night=700), STAYS)
    chosen = {plan.days[0].overnight.slug} | {a.slug for a in plan.days[0].overnight_alternatives}
    assert chosen == {"near-yanqi", "far-west"}
    assert plan.totals.lodging_cny == plan.days[0].overnight.price_cny_min


def test_a_stay_over_budget_is_offered_only_when_none_fits_and_is_flagged():
    plan = make_plan(request([YANQI, QINGLONG], days=2, budget_per_night=100), STAYS)
    stay = plan.days[0].overnight
    flagged = {(w.code, w.slug, w.day) for w in plan.warnings}
    assert ("stay_over_budget", stay.slug, 1) in flagged or (
        "stay_price_unknown", stay.slug, 1) in flagged  # fmt: skip


def test_no_stay_at_all_is_said():
    plan = make_plan(request([YANQI, QINGLONG], days=2), Candidates())
    assert "no_lodging" in {w.code for w in plan.warnings}
    assert plan.days[0].overnight is None


def test_a_chosen_homestay_is_used_every_night():
    plan = make_plan(request([YANQI, QINGLONG, HONGLUO], days=3, homestay=NEAR_MUTIANYU), STAYS)
    assert [d.overnight.slug for d in plan.days[:2]] == ["near-mutianyu", "near-mutianyu"]


def test_a_route_keeps_its_own_days():
    plan = make_plan(
        request([LABAGOU, HONGLUO], days=2, preferred_days={"labagou": 1, "hongluo": 2}), STAYS
    )
    assert [[s.place.slug for s in d.stops if s.role == "visit"] for d in plan.days] == [
        ["labagou"],
        ["hongluo"],
    ]


def test_days_do_not_drive_back_and_forth():
    xiangshuihu = spot_at("xiangshuihu", 40.4514, 116.453)
    baiquan = spot_at("baiquan", 40.4858, 116.6367)
    stops = [SHENGQUAN, LABAGOU, xiangshuihu, baiquan, HONGLUO, MUTIANYU]
    plan = make_plan(request(stops, days=2, date=dt.date(2026, 10, 17)), STAYS)
    for day in plan.days:
        lats = [day.start.lat] + [s.place.lat for s in day.stops] + [day.end.lat]
        moves = [b - a for a, b in zip(lats, lats[1:], strict=False) if abs(b - a) > 0.05]
        turns = sum(1 for a, b in zip(moves, moves[1:], strict=False) if (a > 0) != (b > 0))
        assert turns <= 1, [s.place.slug for s in day.stops]
    placed = {s.place.slug for d in plan.days for s in d.stops} | {u.slug for u in plan.unplaced}
    assert placed >= {p.slug for p in stops}


def spot_at(slug, lat, lng):
    from tests.planning.factories import spot

    return spot(slug, lat, lng, visit_minutes=120, outdoor=True)


def test_with_optimising_off_the_visitors_order_runs_across_the_days():
    """The builder says "your order is kept": the days cut the list, they do not reorder it."""
    stops = [MUTIANYU, YANQI, HONGLUO]
    plan = make_plan(request(stops, days=2, optimize=False, date=dt.date(2027, 5, 15)), STAYS)
    visits = [s.place.slug for d in plan.days for s in d.stops if s.role == "visit"]
    assert visits == ["mutianyu", "yanqi", "hongluo"]
    assert all(any(s.role == "visit" for s in day.stops) for day in plan.days)


def test_the_split_into_days_knows_the_first_mornings_traffic():
    """National Day's first morning: Dongzhimen → Mutianyu takes 189 min, not 107. Judged at
    free-flow, the split put two far stops on day 1 and the day builder dropped one."""
    stops = [YANQI, HONGLUO, MUTIANYU, QINGLONG]
    trip = request(stops, days=2, date=dt.date(2026, 10, 1), day_start=dt.time(9))
    plan = make_plan(trip, Candidates())
    assert plan.unplaced == ()
    assert all(day.stops for day in plan.days)


def test_scoring_a_split_counts_a_day_that_misses_the_last_bus_home():
    from planner.planning import Transport
    from planner.planning.travel import TravelModel
    from planner.planning.trip import Trip, TripCosts
    from tests.planning.factories import HUBS, spot

    late = spot("open-late", 40.40, 116.60, visit_minutes=300, opens=dt.time(6),
                closes=dt.time(22))  # fmt: skip
    for transport, misfits in ((Transport.CAR, 0), (Transport.TRANSIT, 1)):
        asked = request([late], date=dt.date(2026, 11, 21), day_start=dt.time(12),
                        transport=transport, lunch=False)  # fmt: skip
        trip = Trip(asked, TravelModel(transport, HUBS))
        assert TripCosts(trip, [late]).day(0, [0], None, None)[0] == misfits, transport
