"""Warning codes, and the warnings about the places and dates themselves, whatever the order.

The engine says codes and parameters; planner/trips/warnings_display.py words them.
"""

import datetime as dt
from collections.abc import Iterable, Iterator
from enum import StrEnum

from .calendar import DayType, day_type, holiday_name
from .hours import closed_throughout
from .seasons import in_season
from .travel import TravelModel
from .types import PlanRequest, PlanWarning, Transport


class WarningCode(StrEnum):
    """Every warning the engine (or the trip layer) can give; trips/warnings_display words it."""

    HOURS_ASSUMED = "hours_assumed"  # opens, closes: hours unknown, the default is assumed
    CLOSED_THAT_DAY = "closed_that_day"  # reason, date: not scheduled on a day it is shut
    VISIT_CUT_SHORT = "visit_cut_short"  # closes, minutes, by (closing / sunset)
    SEASON_HINT = "season_hint"  # slugs, months (one list per slug): best in other months
    HOLIDAY_PEAK = "holiday_peak"  # holiday, dates, advice: go early, book, expect queues
    LONG_LEG = "long_leg"  # minutes, origin
    TRANSIT_IMPRACTICAL = "transit_impractical"
    UNVERIFIED_DATA = "unverified_data"  # rating when only the rating is unconfirmed
    NO_LODGING = "no_lodging"  # budget, lodging_kind
    STAY_OVER_BUDGET = "stay_over_budget"  # price_cny, budget
    STAY_PRICE_UNKNOWN = "stay_price_unknown"
    UNPLACED = "unplaced"  # reason, suggestion, other: the stop fits no day
    NOT_MAPPED = "not_mapped"  # no verified location: not in the timetable
    LAST_DEPARTURE = "last_departure"  # time, origin: the last bus or train home
    # No longer emitted (a plan never schedules a late visit or a day past its end); still
    # worded for itineraries saved before.
    CLOSED_ON_ARRIVAL = "closed_on_arrival"
    OUT_OF_SEASON = "out_of_season"
    DAY_OVERRUN = "day_overrun"


HOLIDAY_ADVICE = ["go_early", "book_ahead", "expect_queues"]


def trip_dates(request: PlanRequest) -> list[dt.date]:
    return [request.date + dt.timedelta(days=offset) for offset in range(request.days)]


def season_hint(request: PlanRequest) -> PlanWarning | None:
    """One gentle hint for the stops best seen in other months (never one per stop).

    A seasonal route's own stops are not hinted: its editors chose them for its season; nor
    are stops shut on every day of the trip (their closure says more).
    """
    dates = trip_dates(request)
    months = {day.month for day in dates}
    off = [
        place
        for place in request.stops
        if place.slug not in request.preferred_days
        and not closed_throughout(place, dates)
        and all(in_season(place.best_months, place.seasons, month) is False for month in months)
    ]
    if not off:
        return None
    return PlanWarning(
        WarningCode.SEASON_HINT,
        params={
            "slugs": [place.slug for place in off],
            "months": [sorted(place.best_months) for place in off],
        },
    )


def holiday_warnings(request: PlanRequest) -> Iterator[PlanWarning]:
    """One warning per public holiday the trip falls in (not one per day of it)."""
    dates_of: dict[str, list[str]] = {}
    for day in trip_dates(request):
        if day_type(day) == DayType.HOLIDAY:
            dates_of.setdefault(holiday_name(day), []).append(day.isoformat())
    for holiday, dates in dates_of.items():
        yield PlanWarning(
            WarningCode.HOLIDAY_PEAK,
            params={"holiday": holiday, "dates": dates, "advice": HOLIDAY_ADVICE},
        )


def place_warnings(request: PlanRequest, travel: TravelModel) -> Iterator[PlanWarning]:
    hint = season_hint(request)
    if hint is not None:
        yield hint
    yield from holiday_warnings(request)
    for place in request.stops:
        if place.confidence == "L":
            yield PlanWarning(WarningCode.UNVERIFIED_DATA, place.slug)
        elif place.rating and not place.rating_confirmed:
            yield PlanWarning(
                WarningCode.UNVERIFIED_DATA, place.slug, params={"rating": place.rating}
            )
        if request.transport == Transport.TRANSIT and not travel.transit_practical(place):
            yield PlanWarning(WarningCode.TRANSIT_IMPRACTICAL, place.slug)


def merged(warnings: Iterable[PlanWarning]) -> list[PlanWarning]:
    """One warning per code and place (and per day for day-wide ones): repeats say nothing new."""
    seen: set[tuple] = set()
    result = []
    for warning in warnings:
        key = (warning.code, warning.slug, warning.day if warning.slug is None else None)
        if key not in seen:
            seen.add(key)
            result.append(warning)
    return result
