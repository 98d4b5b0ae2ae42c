"""A place's hours on one date: the period in force, weekly closing days, the stated default
when hours are unknown, and sunset for outdoor sites (astral, for the date and the place).
"""

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

from astral import Observer
from astral.sun import sunset as astral_sunset

from . import parameters as p
from .types import Kind, PlaceInfo

BEIJING = ZoneInfo("Asia/Shanghai")
# Kinds that keep opening hours; villages, stays and start points can be reached any time.
KINDS_WITH_HOURS = frozenset({Kind.SPOT, Kind.CAFE, Kind.RESTAURANT})


@dataclass(frozen=True, slots=True)
class DayHours:
    """Minutes since midnight. `closed` is a reason code when the place is shut that day."""

    opens: int | None = None
    closes: int | None = None  # the visit ends by then (sunset included for outdoor sites)
    latest: int | None = None  # the last minute a visit may begin (last entry)
    closed: str = ""  # weekly | season reason (fire_season, winter, works, event) | ""
    assumed: tuple[int, int] | None = None  # hours unknown: the stated default used
    sunset: int | None = None  # outdoor sites only


def minute_of_day(value: dt.time | None) -> int | None:
    return None if value is None else value.hour * 60 + value.minute


def hhmm(minute: float) -> str:
    minute = round(minute)
    return f"{minute // 60 % 24:02d}:{minute % 60:02d}"


@lru_cache(maxsize=4096)
def sunset_minute(lat: float, lng: float, day: dt.date) -> int:
    """Local (Beijing) sunset, minutes since midnight; cached per ~1 km and date."""
    moment = astral_sunset(Observer(latitude=lat, longitude=lng), date=day, tzinfo=BEIJING)
    return moment.hour * 60 + moment.minute


def assumed_hours(day: dt.date) -> tuple[int, int]:
    opens, closes = (
        p.ASSUMED_HOURS_WINTER if day.month in p.WINTER_MONTHS else p.ASSUMED_HOURS_SUMMER
    )
    return opens[0] * 60 + opens[1], closes[0] * 60 + closes[1]


def period_in_force(periods, day: dt.date):
    """The first period covering the day, or None. Any objects with `covers(day)` will do:
    the engine's OpeningPeriod, or the model rows the print sheet reads."""
    return next((period for period in periods if period.covers(day)), None)


def hours_source(place, period):
    """Whose opens/closes/last_entry apply: the period's when it gives hours, else the place's."""
    return period if period is not None and (period.opens or period.closes) else place


def ticket_on(place: PlaceInfo, day: dt.date) -> int | None:
    """The ticket of the period in force that day, else the place's own (spots only)."""
    period = period_in_force(place.periods, day)
    if period is not None and period.ticket_cny is not None and place.kind == Kind.SPOT:
        return period.ticket_cny
    return place.ticket_cny


def hours_on(place: PlaceInfo, day: dt.date) -> DayHours:
    """The hours a visit on `day` must respect."""
    sunset = sunset_minute(round(place.lat, 2), round(place.lng, 2), day) if place.outdoor else None
    if day.weekday() in place.closed_weekdays:
        return DayHours(closed="weekly", sunset=sunset)
    period = period_in_force(place.periods, day)
    if period is not None and period.closed:
        return DayHours(closed=period.reason or "season", sunset=sunset)
    source = hours_source(place, period)
    opens, closes = minute_of_day(source.opens), minute_of_day(source.closes)
    latest = minute_of_day(source.last_entry)
    assumed = None
    if opens is None and closes is None and place.kind in KINDS_WITH_HOURS:
        opens, closes = assumed = assumed_hours(day)
    if sunset is not None:
        closes = sunset if closes is None else min(closes, sunset)
    if latest is None or (closes is not None and latest > closes):
        latest = closes
    return DayHours(opens, closes, latest, "", assumed, sunset)


def closed_throughout(place: PlaceInfo, days) -> bool:
    """Shut on every day of the trip: the stop is left out, and that is all there is to say."""
    return all(hours_on(place, day).closed for day in days)
