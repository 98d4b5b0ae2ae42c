"""make_plan: a request and its candidates in, a day-by-day Plan out."""

from collections.abc import Sequence

from .candidates import grids_for
from .day import DayBuilder
from .days import Reason, Suggestion, assign, closed_days, order_from_stay
from .hours import closed_throughout
from .lodging import choose_overnight, stay_warnings
from .travel import TravelModel
from .trip import Trip
from .types import (
    Candidates,
    DayPlan,
    Kind,
    PlaceInfo,
    Plan,
    PlanRequest,
    PlanWarning,
    Role,
    Totals,
    Transport,
    Unplaced,
)
from .warnings import WarningCode, merged, place_warnings


def make_plan(
    request: PlanRequest,
    candidates: Candidates | None = None,
    hubs: dict[str, PlaceInfo] | None = None,
) -> Plan:
    grids = grids_for(candidates or Candidates())
    travel = TravelModel(request.transport, hubs if request.transport == Transport.TRANSIT else {})
    warnings = list(place_warnings(request, travel))
    trip = Trip(request, travel)
    warnings += closure_warnings(trip)
    groups, unplaced = assign(trip, list(request.stops))
    within_budget = grids.homestays(request.budget_per_night, request.lodging_kind)
    any_price = grids.homestays(None, request.lodging_kind)
    if request.days > 1 and request.homestay is None and not any_price.count:
        warnings.append(
            PlanWarning(
                WarningCode.NO_LODGING,
                params={"budget": request.budget_per_night, "lodging_kind": request.lodging_kind},
            )
        )
    days: list[DayPlan] = []
    day_start = request.start
    carried: list[PlaceInfo] = []  # set aside by a day that ran short: a later day may have room
    for number, group in enumerate(groups, start=1):
        if carried:
            group = groups[number - 1] = [*group, *carried]
        if days and days[-1].overnight is not None:
            stay = days[-1].overnight
            group = groups[number - 1] = order_from_stay(trip, groups, number - 1, stay)
        is_last = number == len(groups)
        next_first = _first_of(groups[number:])
        overnight, alternatives = None, ()
        if not is_last:
            last_stop = group[-1] if group else day_start
            last_night = days[-1].overnight if days else None
            overnight, alternatives = choose_overnight(
                request, travel, within_budget, any_price, last_stop, next_first, last_night
            )
            if overnight is not None:
                warnings += stay_warnings(request, number, overnight)
        end = overnight or (request.start if is_last else next_first or day_start)
        day, builder, dropped = build_day(trip, grids, number, group, day_start, end)
        days.append(replace_overnight(day, overnight, alternatives))
        warnings += builder.warnings
        carried = [] if is_last else [item.place for item in dropped]
        unplaced += dropped if is_last else []
        day_start = end
    warnings += unplaced_warnings(unplaced)
    return Plan(
        request=request,
        days=tuple(days),
        totals=totals_of(days),
        warnings=tuple(merged(_with_days(warnings, days))),
        unplaced=tuple(unplaced),
    )


def build_day(trip: Trip, grids, number, group, start, end):
    """The day's schedule; if a lunch detour pushes a stop out, lunch becomes a plain break;
    a stop that still does not fit is set aside (never scheduled late)."""
    order, dropped = list(group), []
    while True:
        for venues in (grids.lunch(), None):
            builder = DayBuilder(
                number, trip.dates[number - 1], start, end, trip.travel, trip.request.pace,
                trip.request.lunch, trip.day_start, trip.day_end, venues,
            )  # fmt: skip
            day = builder.build(order)
            if not builder.late and not builder.overrun:
                return day, builder, dropped
        if not order:
            return day, builder, dropped
        late = set(builder.late)
        victim = next((s for s in reversed(order) if s.slug in late), order[-1])
        order.remove(victim)
        dropped.append(Unplaced(victim, Reason.NO_TIME, Suggestion.ADD_DAY))


def replace_overnight(day: DayPlan, overnight, alternatives) -> DayPlan:
    from dataclasses import replace

    return replace(day, overnight=overnight, overnight_alternatives=tuple(alternatives))


def closure_warnings(trip: Trip) -> list[PlanWarning]:
    found = []
    for place in trip.request.stops:
        if closed_throughout(place, trip.dates):
            continue  # left out: its unplaced warning says it is closed on the trip's days
        for number, reason in closed_days(trip, place).items():
            found.append(
                PlanWarning(
                    WarningCode.CLOSED_THAT_DAY,
                    place.slug,
                    number,
                    params={"reason": reason, "date": trip.dates[number - 1].isoformat()},
                )
            )
    return found


def unplaced_warnings(unplaced: Sequence[Unplaced]) -> list[PlanWarning]:
    return [
        PlanWarning(
            WarningCode.UNPLACED,
            item.slug,
            params={"reason": item.reason, "suggestion": item.suggestion, "other": item.other},
        )
        for item in unplaced
    ]


def _with_days(warnings, days):
    """Place-level warnings learn the day their stop ended up on."""
    from dataclasses import replace

    day_of = {stop.place.slug: day.number for day in days for stop in day.stops}
    for warning in warnings:
        if warning.day is None and warning.slug in day_of:
            yield replace(warning, day=day_of[warning.slug])
        else:
            yield warning


def _first_of(groups: Sequence[Sequence[PlaceInfo]]) -> PlaceInfo | None:
    for group in groups:
        if group:
            return group[0]
    return None


def totals_of(days: Sequence[DayPlan]) -> Totals:
    visits = [
        stop for day in days for stop in day.stops
        if stop.role == Role.VISIT and stop.place.kind == Kind.SPOT
    ]  # fmt: skip
    stays = [day.overnight for day in days if day.overnight]
    return Totals(
        km=round(sum(leg.km for day in days for leg in day.legs), 1),
        travel_minutes=sum(leg.minutes for day in days for leg in day.legs),
        tickets_cny=sum(stop.ticket_cny or 0 for stop in visits),
        lodging_cny=sum(stay.price_cny_min or 0 for stay in stays),
        unknown_ticket_prices=sum(stop.ticket_cny is None for stop in visits),
        unknown_lodging_prices=sum(stay.price_cny_min is None for stay in stays),
    )
