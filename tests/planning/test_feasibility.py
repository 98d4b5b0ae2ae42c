"""Plans a local guide would sign: closures, assumed hours, sunset, holidays, the night."""

import datetime as dt

from planner.planning import Candidates, OpeningPeriod, Pace, Role, make_plan
from tests.planning.factories import HONGLUO, LABAGOU, SHENGQUAN, YANQI, homestay, request, spot

XIANGSHUIHU = spot("xiangshuihu", 40.4514, 116.453, visit_minutes=150, outdoor=True)
BAIQUAN = spot("baiquan", 40.4858, 116.6367, visit_minutes=120, outdoor=True)
ERGUOTOU = spot("erguotou", 40.3263, 116.6652, visit_minutes=60)
SATURDAY = dt.date(2026, 10, 17)


def codes(plan):
    return {(w.code, w.slug, w.day) for w in plan.warnings}


def test_the_issue_day_never_runs_past_the_window_or_midnight():
    stops = [SHENGQUAN, LABAGOU, XIANGSHUIHU, BAIQUAN, ERGUOTOU]
    plan = make_plan(request(stops, pace=Pace.RELAXED, date=SATURDAY))
    day = plan.days[0]
    assert day.back.date() == SATURDAY and day.back.time() <= dt.time(21, 0)
    for stop in day.stops:
        assert stop.depart.date() == SATURDAY
        if stop.sunset:
            assert stop.depart.time() <= stop.sunset or stop.lunch_at
    kept = {s.place.slug for s in day.stops if s.role == Role.VISIT}
    assert kept | {u.slug for u in plan.unplaced} == {p.slug for p in stops}
    assert plan.unplaced


def test_a_weekly_closing_day_moves_the_stop_to_the_other_day():
    closed_saturdays = spot("museum", 40.33, 116.63, visit_minutes=60, closed_weekdays=(5,),
                            opens=dt.time(9, 0), closes=dt.time(17, 0))  # fmt: skip
    plan = make_plan(request([closed_saturdays, HONGLUO, YANQI], days=2, date=SATURDAY))
    day_of = {s.place.slug: d.number for d in plan.days for s in d.stops}
    assert day_of["museum"] == 2
    assert ("closed_that_day", "museum", 1) in codes(plan)


def test_a_site_closed_for_the_season_is_set_aside_not_scheduled():
    fire = OpeningPeriod((11, 1), (3, 31), closed=True, reason="fire_season")
    forest = spot("forest", 40.6, 116.6, periods=(fire,), outdoor=True)
    plan = make_plan(request([forest, HONGLUO], date=dt.date(2026, 11, 28)))
    assert [(u.slug, u.reason, u.suggestion) for u in plan.unplaced] == [
        ("forest", "closed", "closed_that_day")
    ]
    assert [(w.code, w.params["reason"]) for w in plan.warnings if w.slug == "forest"] == [
        ("unplaced", "closed")
    ]


def test_the_period_in_force_gives_the_hours():
    summer = OpeningPeriod((4, 1), (10, 31), opens=dt.time(10, 0), closes=dt.time(18, 0))
    park = spot("park", 40.33, 116.63, periods=(summer,), opens=dt.time(8, 0),
                closes=dt.time(16, 0))  # fmt: skip
    july = make_plan(request([park], date=dt.date(2026, 7, 4), lunch=False)).days[0].stops[0]
    december = make_plan(request([park], date=dt.date(2026, 12, 5), lunch=False)).days[0]
    assert july.arrive.time() == dt.time(10, 0)
    assert december.stops[0].arrive.time() < dt.time(10, 0)


def test_unknown_hours_assume_the_stated_default_and_say_so():
    for date, closes in ((dt.date(2026, 12, 5), "17:00"), (dt.date(2026, 7, 4), "18:00")):
        plan = make_plan(request([YANQI], date=date))
        warning = next(w for w in plan.warnings if w.code == "hours_assumed")
        assert warning.slug == "yanqi" and warning.params == {"opens": "08:00", "closes": closes}
        assert plan.days[0].stops[0].hours_assumed


def test_outdoor_sites_end_by_sunset_and_show_it():
    wall = spot("wall", 40.4514, 116.453, visit_minutes=180, outdoor=True,
                opens=dt.time(7, 0), closes=dt.time(20, 0))  # fmt: skip
    plan = make_plan(request([HONGLUO, wall], date=dt.date(2026, 12, 19), optimize=False))
    stop = next(s for s in plan.days[0].stops if s.place.slug == "wall")
    assert dt.time(16, 40) <= stop.sunset <= dt.time(17, 0)  # mid-December, Huairou
    assert stop.depart.time() <= stop.sunset


def test_a_public_holiday_gives_one_peak_warning_with_advice():
    plan = make_plan(request([HONGLUO], date=dt.date(2026, 10, 1)))
    peaks = [w for w in plan.warnings if w.code == "holiday_peak"]
    assert len(peaks) == 1 and peaks[0].params["dates"] == ["2026-10-01"]
    assert peaks[0].params["advice"] == ["go_early", "book_ahead", "expect_queues"]


def test_a_hotel_is_not_offered_as_a_homestay():
    hotel = homestay("hotel", 40.40, 116.67, price_cny_min=900, lodging_kind="hotel")
    farm = homestay("farm", 40.45, 116.60, price_cny_min=400)
    stays = Candidates(homestays=(hotel, farm))
    plan = make_plan(request([YANQI, HONGLUO], days=2, lodging_kind="homestay"), stays)
    assert plan.days[0].overnight.slug == "farm"
    assert "hotel" not in {p.slug for p in plan.days[0].overnight_alternatives}


def test_unknown_prices_are_counted_not_taken_as_zero():
    unpriced = homestay("unpriced", 40.40, 116.66)
    priced_spot = spot("priced", 40.33, 116.63, price_cny_min=40, visit_minutes=60)
    plan = make_plan(request([priced_spot, YANQI], days=2), Candidates(homestays=(unpriced,)))
    assert plan.totals.tickets_cny == 40
    assert plan.totals.unknown_ticket_prices == 1
    assert plan.totals.unknown_lodging_prices == 1
    assert ("stay_price_unknown", "unpriced", 1) in codes(plan)


def test_a_route_without_stops_over_two_days_still_plans():
    plan = make_plan(request([], days=2, preferred_days={"labagou": 1, "hongluo": 2}))
    assert len(plan.days) == 2 and not plan.unplaced


def test_twelve_stops_in_one_day_keep_the_window_and_set_the_rest_aside():
    stops = [spot(f"p{i}", 40.3 + i * 0.02, 116.5 + (i % 4) * 0.05, visit_minutes=90)
             for i in range(12)]  # fmt: skip
    plan = make_plan(request(stops))
    assert plan.days[0].back.time() <= dt.time(21, 0)
    scheduled = [s for s in plan.days[0].stops if s.role == Role.VISIT]
    assert len(scheduled) + len(plan.unplaced) == 12


def test_a_seasonal_route_does_not_hint_its_own_stops_in_its_own_season():
    winter_temple = spot("temple", 40.37, 116.62, best_months=(1, 2, 5, 10, 11))
    route = request([winter_temple], date=dt.date(2026, 12, 19), preferred_days={"temple": 1})
    assert "season_hint" not in {w.code for w in make_plan(route).warnings}
    chosen = request([winter_temple], date=dt.date(2026, 12, 19))
    assert "season_hint" in {w.code for w in make_plan(chosen).warnings}


def test_without_a_car_the_day_ends_by_the_last_departure_home(monkeypatch):
    from planner.planning.travel import TravelModel

    def plan_with_last_bus(at: dt.time):
        def last_bus(self, origin, destination, day):
            return dt.datetime.combine(day, at)

        monkeypatch.setattr(TravelModel, "last_departure", last_bus)
        return make_plan(request([HONGLUO, YANQI], transport="transit"))

    for last in (dt.time(14, 30), dt.time(16, 30)):
        plan = plan_with_last_bus(last)
        day = plan.days[0]
        leaving = day.back - dt.timedelta(minutes=day.legs[-1].minutes)
        assert leaving.time() <= last and plan.unplaced
        said = [w.params["time"] for w in plan.warnings if w.code == "last_departure"]
        # Said only when the plan leaves within the hour before it (else it is noise).
        close = (dt.datetime.combine(day.date, last) - leaving) <= dt.timedelta(hours=1)
        assert said == ([last.strftime("%H:%M")] if close else [])
    assert close is False


def test_the_ticket_is_the_one_of_the_season_of_the_trip():
    low = OpeningPeriod((11, 16), (3, 31), opens=dt.time(8, 0), closes=dt.time(17, 0),
                        ticket_cny=40)  # fmt: skip
    wall = spot("wall", 40.43, 116.56, price_cny_min=45, periods=(low,), visit_minutes=60)
    assert make_plan(request([wall], date=dt.date(2026, 12, 19))).totals.tickets_cny == 40
    assert make_plan(request([wall], date=dt.date(2026, 7, 4))).totals.tickets_cny == 45
