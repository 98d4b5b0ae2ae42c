"""What a local guide checks in a real plan, kept as behaviour (see bench/guide_read.py)."""

import datetime as dt

from planner.planning import Candidates, OpeningPeriod, Role, make_plan
from tests.planning.factories import HONGLUO, MUTIANYU, YANQI, homestay, request, spot

NEAR_YANQI = homestay("near-yanqi", 40.41, 116.68, price_cny_min=600)


def lunches(day):
    return [
        stop.lunch_at or stop.arrive
        for stop in day.stops
        if stop.lunch_at or stop.role in (Role.LUNCH, Role.LUNCH_BREAK)
    ]


def plan_by_day(*days, stays=()):
    """A plan of these stops, each kept to its day (the first list is day 1), among these stays."""
    stops = [place for day in days for place in day]
    preferred = {place.slug: number for number, day in enumerate(days, start=1) for place in day}
    trip = request(stops, days=len(days), preferred_days=preferred)
    return make_plan(trip, Candidates(homestays=tuple(stays)))


def test_a_day_that_reaches_its_stay_at_midday_still_has_lunch_at_lunchtime():
    plan = plan_by_day([HONGLUO], [MUTIANYU], stays=[NEAR_YANQI])
    day1 = plan.days[0]
    assert day1.back.time() > dt.time(11, 0)  # the day is out at lunchtime

    (lunch_at,) = lunches(day1)
    assert dt.time(11, 0) <= lunch_at.time() <= dt.time(13, 0)
    assert lunch_at <= day1.back


def test_a_forest_park_shut_for_the_fire_season_gets_one_warning_not_three():
    fire = OpeningPeriod((11, 1), (3, 15), closed=True, reason="fire_season")
    forest = spot("forest", 40.6, 116.6, periods=(fire,), outdoor=True, best_months=(5, 10))
    plan = make_plan(request([forest, HONGLUO], days=2, date=dt.date(2026, 12, 5)))

    about_the_forest = [w.code for w in plan.warnings if w.slug == "forest" or (
        "forest" in w.params.get("slugs", ()))]  # fmt: skip
    assert about_the_forest == ["unplaced"]
    assert [(u.slug, u.reason) for u in plan.unplaced] == [("forest", "closed")]


def test_the_morning_after_starts_from_the_stay_actually_chosen_not_yesterdays_last_stop():
    # Day 1 ends at Yanqi Lake; the only stay is by Mutianyu. From there a guide visits
    # Mutianyu first and Hongluo on the way home, not Hongluo and then back to Mutianyu.
    by_mutianyu = homestay("by-mutianyu", 40.428, 116.56, price_cny_min=800)
    plan = plan_by_day([YANQI], [HONGLUO, MUTIANYU], stays=[by_mutianyu])
    day2 = plan.days[1]
    assert day2.start.slug == "by-mutianyu"
    assert [s.place.slug for s in day2.stops if s.role == Role.VISIT] == ["mutianyu", "hongluo"]


def test_the_second_night_stays_where_the_first_was_unless_another_saves_real_road():
    # Three days around Mutianyu: two stays 1.5 km apart. A guide keeps the family in one
    # place for both nights instead of moving them next door.
    # `first-stay` lies on the way Yanqi -> Mutianyu, `next-door` (under a km off) on the way
    # Mutianyu -> Hongluo: each is the least detour for one night.
    first = homestay("first-stay", 40.4280, 116.5800, price_cny_min=800)
    next_door = homestay("next-door", 40.4230, 116.5740, price_cny_min=800)
    plan = plan_by_day([YANQI], [MUTIANYU], [HONGLUO], stays=[first, next_door])
    nights = [day.overnight.slug for day in plan.days if day.overnight is not None]
    assert nights == ["first-stay", "first-stay"]


def test_a_stay_far_off_tomorrows_way_is_not_kept_for_the_second_night():
    north_1 = spot("north-1", 40.90, 116.62)
    north_2 = spot("north-2", 40.92, 116.60)
    by_yanqi = homestay("by-yanqi", 40.41, 116.68, price_cny_min=600)
    up_north = homestay("up-north", 40.91, 116.61, price_cny_min=600)
    plan = plan_by_day([YANQI], [north_1], [north_2], stays=[by_yanqi, up_north])
    assert plan.days[1].overnight.slug == "up-north"


def test_on_every_seasonal_route_a_chosen_restaurant_is_where_lunch_is_eaten():
    # The routes as bench/guide_read.py plans them (all seasons, by car and by bus, 1-3 days):
    # a guide never has lunch elsewhere and then stops at the restaurant the visitor chose.
    from planner.planning import Kind, PlanRequest, Transport
    from planner.planning.schedule import serves_lunch

    guide = _guide_read()
    places, routes = guide.load()
    hubs = {slug: places[slug] for slug in ("huairou-town", "yanqihu-station")}
    candidates = Candidates(
        homestays=tuple(p for p in places.values() if p.kind == Kind.HOMESTAY),
        lunch_venues=tuple(p for p in places.values() if p.kind == Kind.CAFE),
    )
    checked = 0
    for season, date in guide.SEASONS.items():
        stops = [places[slug] for _day, slug in routes.get(season, []) if slug in places]
        stops = [s for s in stops if s.kind not in (Kind.HOMESTAY, Kind.START)]
        preferred = {slug: day for day, slug in routes.get(season, [])}
        for transport in Transport:
            for days in (1, 2, 3):
                plan = make_plan(PlanRequest(
                    start=places["dongzhimen"], date=date, stops=tuple(stops), days=days,
                    transport=transport, preferred_days=preferred,
                ), candidates, hubs)  # fmt: skip
                for day in plan.days:
                    for stop in day.stops:
                        if stop.role == Role.VISIT and serves_lunch(stop.place):
                            checked += 1
                            where = (season, transport, days, day.number, stop.place.slug)
                            assert stop.lunch_at is not None, where
    assert checked >= 6


def _guide_read():
    """bench/guide_read.py: the committed fixtures as the engine's places and routes."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "bench" / "guide_read.py"
    spec = importlib.util.spec_from_file_location("guide_read", path)
    guide = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(guide)
    return guide


def test_a_bus_day_keeps_the_wall_and_the_village_beside_it_rather_than_end_early():
    """The autumn route in one day by bus on a National Day Saturday: the day must be judged
    with the morning's holiday traffic and the last bus home, or the plan drops Mutianyu and
    Beigou (2.6 km apart) and comes home at 17:15 with the last bus at 18:19."""
    from planner.planning import Kind, PlanRequest, Transport

    guide = _guide_read()
    places, routes = guide.load()
    stops = [places[slug] for _day, slug in routes["autumn"] if slug in places]
    stops = [s for s in stops if s.kind not in (Kind.HOMESTAY, Kind.START)]
    candidates = Candidates(
        homestays=tuple(p for p in places.values() if p.kind == Kind.HOMESTAY),
        lunch_venues=tuple(p for p in places.values() if p.kind == Kind.CAFE),
    )
    hubs = {slug: places[slug] for slug in ("huairou-town", "yanqihu-station")}
    request = PlanRequest(start=places["dongzhimen"], date=guide.SEASONS["autumn"],
                          stops=tuple(stops), transport=Transport.TRANSIT)  # fmt: skip
    plan = make_plan(request, candidates, hubs)
    visits = {stop.place.slug for stop in plan.days[0].stops if stop.role == Role.VISIT}
    assert {"mutianyu-great-wall", "beigou"} <= visits
