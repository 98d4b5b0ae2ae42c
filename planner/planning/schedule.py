"""Time on one day: arrivals, opening windows, visits, lunch, and the warnings they raise.

`step` is the single rule both the optimiser and the final schedule use, so the order
chosen is judged by the same clock that later prints the times.
"""

import datetime as dt
from dataclasses import dataclass

from . import parameters as p
from .types import Pace, PlaceInfo

LUNCH_EARLIEST = p.LUNCH_EARLIEST[0] * 60 + p.LUNCH_EARLIEST[1]
LUNCH_LATEST = p.LUNCH_LATEST[0] * 60 + p.LUNCH_LATEST[1]
DAY_END = p.DAY_END_WARNING[0] * 60 + p.DAY_END_WARNING[1]
LUNCH_KINDS = {"cafe"}
LUNCH_POI_CATEGORIES = {"restaurant", "food-corridor", "food-valley"}


def minute_of_day(value: dt.time | None) -> int | None:
    return None if value is None else value.hour * 60 + value.minute


def visit_minutes(place: PlaceInfo, pace: Pace) -> int:
    base = place.visit_minutes or p.DEFAULT_VISIT_MINUTES.get(place.kind, 60)
    return round(base * p.PACE_FACTOR[pace])


def lunch_minutes(pace: Pace) -> int:
    return p.LUNCH_MINUTES[pace]


def serves_lunch(place: PlaceInfo) -> bool:
    return place.kind in LUNCH_KINDS or place.category in LUNCH_POI_CATEGORIES


def latest_start(place: PlaceInfo) -> int | None:
    """The last minute a visit can begin: last entry, else closing time."""
    return minute_of_day(place.last_entry or place.closes)


@dataclass(frozen=True)
class Clock:
    """Where the day stands: minutes since midnight and whether lunch has been had."""

    minute: float
    lunch_done: bool


@dataclass(frozen=True)
class TimeRules:
    """A place's timing, precomputed once per plan: opening, last start, closing, stay."""

    opens: int | None
    latest: int | None
    closes: int | None
    stay: int
    serves_lunch: bool
    lunch_minutes: int


def time_rules(place: PlaceInfo, pace: Pace) -> TimeRules:
    return TimeRules(
        opens=minute_of_day(place.opens),
        latest=latest_start(place),
        closes=minute_of_day(place.closes),
        stay=visit_minutes(place, pace),
        serves_lunch=serves_lunch(place),
        lunch_minutes=lunch_minutes(pace),
    )


@dataclass(frozen=True)
class Visit:
    arrive: float
    start: float  # after any wait for opening
    depart: float
    late: bool  # arrived after last entry / closing
    cut_short: bool  # closing time cuts the visit
    lunch_here: bool


def step(rules: TimeRules, minute: float, lunch_done: bool, travel_minutes: float) -> tuple:
    """Arrive after `travel_minutes`, wait for opening, stay, eat here if it is lunchtime.

    Returns (arrive, start, depart, late, cut_short, lunch_here) as plain values: the
    optimiser calls this tens of thousands of times per plan.
    """
    arrive = minute + travel_minutes
    start = arrive if rules.opens is None or arrive >= rules.opens else rules.opens
    late = rules.latest is not None and start > rules.latest
    stay = rules.stay
    lunch_here = False
    if not lunch_done:
        if rules.serves_lunch and start + stay >= LUNCH_EARLIEST and start <= LUNCH_LATEST:
            stay = max(stay, rules.lunch_minutes)
            lunch_here = True
        elif start < LUNCH_LATEST < start + stay:
            # The lunch window passes during a long visit: eat at the site.
            stay += rules.lunch_minutes
            lunch_here = True
    depart = start + stay
    cut_short = rules.closes is not None and not late and depart > rules.closes
    if cut_short:
        depart = max(start, rules.closes)
    return arrive, start, depart, late, cut_short, lunch_here


def visit(clock: Clock, place: PlaceInfo, travel_minutes: float, pace: Pace) -> Visit:
    return Visit(*step(time_rules(place, pace), clock.minute, clock.lunch_done, travel_minutes))


def needs_lunch_break(clock: Clock) -> bool:
    return not clock.lunch_done and clock.minute >= LUNCH_EARLIEST


def advance_minutes(
    rules: TimeRules, minute: float, lunch_done: bool, travel_minutes: float, lunch: bool
) -> tuple[float, bool, bool]:
    """One step of the day for the optimiser: (minute, lunch_done, closed on arrival).

    A lunch break is taken before leaving once the window has opened (the final schedule
    may place it at a café instead; that shifts times by minutes, not the order's merit).
    """
    if lunch and not lunch_done and minute >= LUNCH_EARLIEST:
        minute += rules.lunch_minutes
        lunch_done = True
    _arrive, _start, depart, late, _cut, lunch_here = step(
        rules, minute, lunch_done, travel_minutes
    )
    return depart, lunch_done or lunch_here or not lunch, late


def to_datetime(day: dt.date, minute: float) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=round(minute))
