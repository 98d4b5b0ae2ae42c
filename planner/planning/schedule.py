"""Time on one day: arrivals, opening hours, visits and lunch, minute by minute.

`leg_step` and `visit_step` are the single rules both the optimiser and the final schedule
use, so the order chosen is judged by the same clock that later prints the times. Lunch is
eaten between 11:00 and 14:00 whenever the day is out then: at a café or restaurant, during
a visit that spans the last moment to start it, or as a break before or on a leg that would
otherwise arrive too late.
"""

import datetime as dt
import math
from dataclasses import dataclass
from typing import NamedTuple

from . import parameters as p
from .hours import hours_on, minute_of_day
from .types import Kind, Pace, PlaceInfo

LUNCH_EARLIEST = p.LUNCH_EARLIEST[0] * 60 + p.LUNCH_EARLIEST[1]
LUNCH_LATEST = p.LUNCH_LATEST[0] * 60 + p.LUNCH_LATEST[1]  # lunch is over by then
LUNCH_PREFERRED = p.LUNCH_PREFERRED[0] * 60 + p.LUNCH_PREFERRED[1]
LUNCH_KINDS = {Kind.CAFE, Kind.RESTAURANT}
LUNCH_POI_CATEGORIES = {"restaurant", "food-corridor", "food-valley"}

__all__ = ["minute_of_day"]


def visit_minutes(place: PlaceInfo, pace: Pace) -> int:
    base = place.visit_minutes or p.DEFAULT_VISIT_MINUTES.get(
        place.kind, p.DEFAULT_VISIT_MINUTES_OTHER
    )
    return round(base * p.PACE_FACTOR[pace])


def lunch_minutes(pace: Pace) -> int:
    return p.LUNCH_MINUTES[pace]


def last_lunch_start(pace: Pace) -> int:
    return LUNCH_LATEST - lunch_minutes(pace)


def serves_lunch(place: PlaceInfo) -> bool:
    return place.kind in LUNCH_KINDS or place.category in LUNCH_POI_CATEGORIES


@dataclass(frozen=True, slots=True)
class TimeRules:
    """A place's timing on one date, precomputed once per plan."""

    opens: int | None
    closes: int | None
    latest: int | None
    closed: str
    stay: int
    shortest: int  # a visit cut below this is not worth making
    serves_lunch: bool
    lunch_minutes: int
    assumed: tuple[int, int] | None = None  # (opens, closes) assumed: hours unknown
    sunset: int | None = None


def time_rules(place: PlaceInfo, pace: Pace, day: dt.date) -> TimeRules:
    hours = hours_on(place, day)
    stay = visit_minutes(place, pace)
    return TimeRules(
        opens=hours.opens,
        closes=hours.closes,
        latest=hours.latest,
        closed=hours.closed,
        stay=stay,
        shortest=math.ceil(stay * p.SHORTEST_VISIT_SHARE),
        serves_lunch=serves_lunch(place),
        lunch_minutes=lunch_minutes(pace),
        assumed=hours.assumed,
        sunset=hours.sunset,
    )


class Visit(NamedTuple):
    arrive: float
    start: float  # after any wait for opening (and lunch eaten while waiting)
    depart: float
    late: bool  # closed that day, or too late to begin or to finish a worthwhile visit
    cut_short: bool  # closing time or sunset cuts the visit
    lunch_at: float | None  # lunch eaten here, from this minute
    lost: float = 0.0  # minutes of the visit that closing or sunset cuts


def visit_step(rules: TimeRules, arrive: float, lunch_pending: bool) -> Visit:
    start = arrive if rules.opens is None or arrive >= rules.opens else rules.opens
    late = bool(rules.closed) or (rules.latest is not None and start > rules.latest)
    if rules.closes is not None and start + rules.shortest > rules.closes:
        late = True
    end = start + rules.stay
    lunch_at = None
    if lunch_pending:
        last_start = LUNCH_LATEST - rules.lunch_minutes
        if rules.serves_lunch and arrive <= last_start and end >= LUNCH_EARLIEST:
            lunch_at = max(start, LUNCH_EARLIEST)
            if lunch_at > last_start:  # a café opening after lunchtime: eat while waiting
                lunch_at = max(arrive, LUNCH_EARLIEST)
            end = max(end, lunch_at + rules.lunch_minutes)
        elif arrive <= last_start < end:
            # The last moment to start lunch passes here: eat here (while waiting or visiting).
            lunch_at = max(arrive, LUNCH_EARLIEST)
            if lunch_at < start:
                start = max(start, lunch_at + rules.lunch_minutes)
                end = start + rules.stay
            else:
                lunch_at = max(lunch_at, min(LUNCH_PREFERRED, last_start))
                end += rules.lunch_minutes
    cut_short, planned = False, end
    if rules.closes is not None and not late and end > rules.closes:
        cut_short = True
        end = rules.closes
        if lunch_at is not None:
            end = max(end, lunch_at + rules.lunch_minutes)
    return Visit(arrive, start, end, late, cut_short, lunch_at, planned - end)


class LegTime(NamedTuple):
    arrive: float
    lunch_at: float | None  # a break before the leg or on it
    leaves: float  # when the leg sets off: after lunch at the stop one leaves, else `minute`
    on_the_way: bool = False  # lunch is a break during the leg (leaving the day's start)


def leg_step(
    minute: float, travel: float, lunch_pending: bool, lunch: int, at_start: bool = False
) -> LegTime:
    """Travel `travel` minutes from `minute`; lunch first if arriving would be too late for it.

    Lunch is then a break at the stop one leaves (from 11:00 if it is earlier); leaving the
    day's start or stay, it is a break on the way.
    """
    last_start = LUNCH_LATEST - lunch
    if lunch_pending and minute <= last_start < minute + travel:
        if minute >= LUNCH_EARLIEST:
            return LegTime(minute + lunch + travel, minute, minute + lunch)
        if at_start:
            at = min(last_start, max(LUNCH_EARLIEST, minute + travel / 2 - lunch / 2))
            return LegTime(minute + travel + lunch, at, minute, on_the_way=True)
        return LegTime(LUNCH_EARLIEST + lunch + travel, LUNCH_EARLIEST, LUNCH_EARLIEST + lunch)
    return LegTime(minute + travel, None, minute)


def lunch_needed(lunch: bool, day_start: float, pace: Pace) -> bool:
    """Lunch is pending from the start of a day that begins before its last moment."""
    return lunch and day_start <= last_lunch_start(pace)


class Step(NamedTuple):
    depart: float
    pending: bool  # lunch still to eat
    late: bool  # not feasible
    lunch_here: bool  # lunch eaten at this stop (not on the way to it)
    lost: float = 0.0  # minutes of the visit cut by closing or sunset


def advance(
    rules: TimeRules, minute: float, pending: bool, travel: float, at_start: bool = False
) -> Step:
    """One stop for the optimiser: the leg to it, then the visit."""
    if pending:
        timing = leg_step(minute, travel, True, rules.lunch_minutes, at_start)
        arrive, pending = timing.arrive, timing.lunch_at is None
    else:
        arrive = minute + travel  # leg_step's answer when lunch is done
    outcome = visit_step(rules, arrive, pending)
    lunch_here = pending and outcome.lunch_at is not None
    return Step(outcome.depart, pending and not lunch_here, outcome.late, lunch_here, outcome.lost)


def visit_penalty(rules: TimeRules, lunch_in_day: bool, step: Step) -> float:
    """What an order costs beyond its travel, in minutes, at one stop: the minutes of the
    visit that closing or sunset cuts (a guide would rather come earlier); and a café or
    restaurant the visitor chose, passed by while lunch is eaten elsewhere (before, or on the
    way to it), costs what a lunch detour may: a guide eats there."""
    missed = lunch_in_day and rules.serves_lunch and not step.lunch_here
    return step.lost + (p.LUNCH_MAX_DETOUR_MINUTES if missed else 0.0)


def to_datetime(day: dt.date, minute: float) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=round(minute))
