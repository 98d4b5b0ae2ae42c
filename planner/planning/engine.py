"""make_plan: a request and its candidates in, a day-by-day Plan out."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations

from .candidates import by_detour
from .day import DayBuilder
from .optimize import DayOrderProblem
from .schedule import minute_of_day
from .travel import TravelModel
from .types import (
    Candidates,
    DayPlan,
    PlaceInfo,
    Plan,
    PlanRequest,
    PlanWarning,
    Totals,
    Transport,
)
from .warnings import WarningCode, place_warnings

OVERNIGHT_ALTERNATIVES = 3


def make_plan(
    request: PlanRequest,
    candidates: Candidates | None = None,
    hubs: dict[str, PlaceInfo] | None = None,
) -> Plan:
    candidates = candidates or Candidates()
    travel = TravelModel(request.transport, hubs if request.transport == Transport.TRANSIT else {})
    warnings = list(place_warnings(request, travel))
    groups = split_into_days(request, travel)
    homestays = candidates.homestay_grid(request.budget_per_night)
    if request.days > 1 and request.homestay is None and not homestays.count:
        warnings.append(
            PlanWarning(
                WarningCode.NO_LODGING, params={"budget_per_night": request.budget_per_night}
            )
        )
    days: list[DayPlan] = []
    day_start = request.start
    for number, group in enumerate(groups, start=1):
        is_last = number == len(groups)
        next_first = _first_of(groups[number]) if not is_last else None
        provisional_end = next_first or request.start
        order = order_day(request, travel, group, day_start, provisional_end)
        overnight, alternatives = None, ()
        if not is_last:
            overnight, alternatives = choose_overnight(
                request, travel, homestays, order[-1] if order else day_start, next_first
            )
        end = overnight or (request.start if is_last else provisional_end)
        builder = DayBuilder(
            number,
            request.date + dt.timedelta(days=number - 1),
            day_start,
            end,
            travel,
            request.pace,
            request.lunch,
            request.day_start,
            candidates.lunch_grid(),
        )
        days.append(builder.build(order, overnight, alternatives))
        warnings.extend(builder.warnings)
        day_start = end
    return Plan(
        request=request,
        days=tuple(days),
        totals=totals_of(days),
        warnings=tuple(_with_days(warnings, days)),
    )


def _with_days(warnings, days):
    """Place-level warnings learn the day their stop ended up on."""
    day_of = {stop.place.slug: day.number for day in days for stop in day.stops}
    for warning in warnings:
        if warning.day is None and warning.slug in day_of:
            yield replace(warning, day=day_of[warning.slug])
        else:
            yield warning


def _first_of(group: Sequence[PlaceInfo]) -> PlaceInfo | None:
    return group[0] if group else None


def day_problem(request, travel, group, start, end, locked=None) -> DayOrderProblem:
    """One day's ordering problem with the request's pace, lunch and start time."""
    return DayOrderProblem(
        group, start, end, travel, request.pace, request.lunch,
        minute_of_day(request.day_start), locked,
    )  # fmt: skip


def order_day(request, travel, group, start, end) -> list[PlaceInfo]:
    if not request.optimize or len(group) <= 1:
        return list(group)
    locked = {i: i for i, place in enumerate(group) if place.slug in request.locked}
    problem = day_problem(request, travel, group, start, end, locked)
    return [group[i] for i in problem.solve()]


def choose_overnight(request, travel, homestays, last_stop, next_first):
    """The stay with the least detour between tonight's last stop and tomorrow's first."""
    if request.homestay is not None:
        return request.homestay, ()
    ranked = by_detour(
        homestays, last_stop, next_first or last_stop, travel, keep=OVERNIGHT_ALTERNATIVES + 1
    )
    if not ranked:
        return None, ()
    return ranked[0][0], tuple(place for place, _ in ranked[1:])


def split_into_days(request: PlanRequest, travel: TravelModel) -> list[list[PlaceInfo]]:
    """Stops per day. A route's own days when the trip matches it; else cut one tour."""
    stops = list(request.stops)
    if request.days == 1:
        return [stops]
    preferred = request.preferred_days
    if (
        preferred
        and all(s.slug in preferred for s in stops)
        and max(preferred[s.slug] for s in stops) <= request.days
    ):
        groups = [[] for _ in range(request.days)]
        for stop in stops:
            groups[preferred[stop.slug] - 1].append(stop)
        return groups
    tour = stops
    if request.optimize and len(stops) > 1:
        locked = {i: i for i, place in enumerate(stops) if place.slug in request.locked}
        problem = DayOrderProblem(
            stops,
            request.start,
            request.start,
            travel,
            request.pace,
            False,
            minute_of_day(request.day_start),
            locked,
            timed=False,
        )
        tour = [stops[i] for i in problem.solve()]
    return best_split(tour, request, travel)


def best_split(tour: list[PlaceInfo], request: PlanRequest, travel) -> list[list[PlaceInfo]]:
    """Cut the tour into contiguous days: fewest closed places, least overrun, least travel."""
    count, days = len(tour), request.days
    if count == 0:
        return [[] for _ in range(days)]
    cut_sets = list(combinations(range(1, count), days - 1)) if count >= days else []
    if not cut_sets:
        return [[stop] for stop in tour] + [[] for _ in range(days - count)]
    best, best_score = None, None
    for cuts in cut_sets:
        bounds = (0, *cuts, count)
        groups = [tour[bounds[i] : bounds[i + 1]] for i in range(days)]
        score = _split_score(groups, request, travel)
        if best_score is None or score < best_score:
            best, best_score = groups, score
    return best


def _split_score(groups, request, travel) -> tuple:
    closed = overrun = total = 0.0
    start = request.start
    for index, group in enumerate(groups):
        end = groups[index + 1][0] if index + 1 < len(groups) else request.start
        problem = day_problem(request, travel, group, start, end)
        order = list(range(len(group)))
        day_closed, day_travel = problem.cost(order)
        finish = problem.finish_minute(order)
        closed += day_closed
        overrun += max(0.0, finish - 18 * 60)
        total += day_travel
        start = group[-1]
    return (closed, round(overrun), total)


def totals_of(days: Sequence[DayPlan]) -> Totals:
    tickets = sum(
        stop.place.ticket_cny or 0 for day in days for stop in day.stops if stop.role == "visit"
    )
    lodging = sum(day.overnight.price_cny_min or 0 for day in days if day.overnight)
    return Totals(
        km=round(sum(leg.km for day in days for leg in day.legs), 1),
        travel_minutes=sum(leg.minutes for day in days for leg in day.legs),
        tickets_cny=tickets,
        lodging_cny=lodging,
    )
