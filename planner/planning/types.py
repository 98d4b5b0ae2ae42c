"""The engine's inputs and outputs: frozen dataclasses, no Django.

Views and the API translate ORM records into `PlaceInfo` and the request into
`PlanRequest`; the engine returns a `Plan`, which the API, the pages and the exporters
(PDF, GPX, KML, ICS) all consume.
"""

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

# The engine's public types, re-exported by the package (planner/planning/__init__.py).
__all__ = [
    "Candidates",
    "DayPlan",
    "Kind",
    "Leg",
    "LodgingKind",
    "OpeningPeriod",
    "Pace",
    "PlaceInfo",
    "Plan",
    "PlanRequest",
    "PlanWarning",
    "PlannedStop",
    "Role",
    "Totals",
    "Transport",
    "Unplaced",
]


class Transport(StrEnum):
    CAR = "car"
    TRANSIT = "transit"


class Pace(StrEnum):
    RELAXED = "relaxed"
    NORMAL = "normal"
    PACKED = "packed"


class Kind(StrEnum):
    """What a place is. A hotel or farmstay is a HOMESTAY with its `lodging_kind`."""

    SPOT = "spot"
    HOMESTAY = "homestay"
    CAFE = "cafe"
    RESTAURANT = "restaurant"
    VILLAGE = "village"
    POI = "poi"
    START = "start"


class LodgingKind(StrEnum):
    HOMESTAY = "homestay"
    HOTEL = "hotel"
    FARMSTAY = "farmstay"


@dataclass(frozen=True, slots=True)
class OpeningPeriod:
    """Hours in force every year from one (month, day) to another, both inclusive.

    A period may wrap the year (e.g. 1 Nov to 15 Mar).
    """

    start: tuple[int, int]
    end: tuple[int, int]
    opens: dt.time | None = None
    closes: dt.time | None = None
    last_entry: dt.time | None = None
    closed: bool = False  # closed for the season (fire season, winter, works)
    reason: str = ""  # a code: fire_season | winter | works | event | ""
    ticket_cny: int | None = None

    def covers(self, day: dt.date) -> bool:
        return in_yearly_span(day, self.start, self.end)


def in_yearly_span(day: dt.date, start: tuple[int, int], end: tuple[int, int]) -> bool:
    """True when the day's (month, day) lies from `start` to `end`, both included; the span
    may wrap the new year. The one test of "this period is in force", for engine and models."""
    key = (day.month, day.day)
    if start <= end:
        return start <= key <= end
    return key >= start or key <= end


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    """Everything the engine needs to know about one place (slots: 100,000 of them fit)."""

    slug: str
    kind: Kind
    name_zh: str
    name_en: str
    lat: float
    lng: float
    opens: dt.time | None = None
    closes: dt.time | None = None
    last_entry: dt.time | None = None
    visit_minutes: int | None = None
    price_cny_min: int | None = None
    price_cny_max: int | None = None
    best_months: tuple[int, ...] = ()
    seasons: tuple[str, ...] = ()
    rating: str = ""
    rating_confirmed: bool = True
    confidence: str = "M"
    address_zh: str = ""
    phone: str = ""
    town_zh: str = ""
    category: str = ""
    is_illustrative: bool = False
    periods: tuple[OpeningPeriod, ...] = ()
    closed_weekdays: tuple[int, ...] = ()  # Monday = 0
    outdoor: bool = False  # the visit ends by sunset
    lodging_kind: str = ""  # homestay | hotel | farmstay for stays; "" otherwise

    @property
    def point(self) -> tuple[float, float]:
        return (self.lat, self.lng)

    @property
    def ticket_cny(self) -> int | None:
        return self.price_cny_min if self.kind == Kind.SPOT else None


@dataclass(frozen=True)
class PlanRequest:
    start: PlaceInfo
    date: dt.date
    stops: tuple[PlaceInfo, ...]
    days: int = 1
    transport: Transport = Transport.CAR
    pace: Pace = Pace.NORMAL
    optimize: bool = True
    locked: frozenset[str] = frozenset()
    lunch: bool = True
    homestay: PlaceInfo | None = None
    budget_per_night: int | None = None
    day_start: dt.time = dt.time(8, 0)  # leave the start or the night's stay
    day_end: dt.time = dt.time(21, 0)  # back at the start or the night's stay by then
    lodging_kind: str = ""  # "" = any kind of stay
    # A seasonal route's day for each stop slug; used when the trip has the route's length.
    preferred_days: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Candidates:
    """Places the engine may add: overnight stays and lunch venues.

    Build it once and reuse it across plans: `candidates.grids_for` keeps their spatial
    grids (one per budget and kind of stay) for as long as this object lives.
    """

    homestays: tuple[PlaceInfo, ...] = ()
    lunch_venues: tuple[PlaceInfo, ...] = ()


@dataclass(frozen=True)
class Leg:
    origin: PlaceInfo
    destination: PlaceInfo
    km: float  # road km
    minutes: int  # door to door = drive or ride + access + wait
    mode: str
    drive_minutes: int = 0
    access_minutes: int = 0
    wait_minutes: int = 0
    line: str = ""
    steps: tuple = ()
    path: tuple[tuple[float, float], ...] = ()
    traffic: str = ""  # a traffic code (parameters.TRAFFIC_FACTOR), "" = free-flowing


class Role(StrEnum):
    """Why a stop is in the day: a visit, lunch at a venue, or a lunch break where one is."""

    VISIT = "visit"
    LUNCH = "lunch"
    LUNCH_BREAK = "lunch_break"


@dataclass(frozen=True)
class PlannedStop:
    """One entry of a day, in time order. A LUNCH_BREAK has no leg of its own: it pauses the
    way to the next place (or the stay at `place`)."""

    place: PlaceInfo
    arrive: dt.datetime
    depart: dt.datetime
    role: Role = Role.VISIT
    suggested: bool = False  # added by the engine rather than chosen by the visitor
    wait_minutes: int = 0
    note: str = ""  # "lunch": lunch is taken during this visit, from `lunch_at`
    lunch_at: dt.datetime | None = None
    sunset: dt.time | None = None  # outdoor sites: sunset that day, for the visitor to see
    hours_assumed: bool = False  # opening hours unknown: the stated default was used
    ticket_cny: int | None = None  # the ticket that day (the season's), visits to spots only


@dataclass(frozen=True)
class PlanWarning:
    """Something a visitor should know about a plan: a code and its parameters, no sentence.

    The display layer words it in the viewer's language (planner/trips/warnings_display.py).
    """

    code: str
    slug: str | None = None
    day: int | None = None
    params: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Unplaced:
    """A stop that fits no day: why (a code), and what the visitor could do (a code)."""

    place: PlaceInfo
    reason: str  # closed | no_time | after_dark | unmapped
    suggestion: str  # add_day | drop_other | start_earlier | closed_that_day
    other: str | None = None  # with drop_other: the stop whose place it could take

    @property
    def slug(self) -> str:
        return self.place.slug


@dataclass(frozen=True)
class DayPlan:
    number: int
    date: dt.date
    start: PlaceInfo
    end: PlaceInfo
    stops: tuple[PlannedStop, ...]
    legs: tuple[Leg, ...]
    overnight: PlaceInfo | None = None
    overnight_alternatives: tuple[PlaceInfo, ...] = ()
    leave: dt.datetime | None = None
    back: dt.datetime | None = None  # arrival at `end`

    @property
    def km(self) -> float:
        return sum(leg.km for leg in self.legs)

    @property
    def travel_minutes(self) -> int:
        return sum(leg.minutes for leg in self.legs)

    @property
    def lunch_break(self) -> dt.datetime | None:
        """When a plain lunch break (no venue, no visit) begins, if the day has one."""
        for stop in self.stops:
            if stop.role == Role.LUNCH_BREAK:
                return stop.arrive
        return None


@dataclass(frozen=True)
class Totals:
    km: float
    travel_minutes: int
    tickets_cny: int
    lodging_cny: int
    unknown_ticket_prices: int = 0  # visits whose ticket price is not known (not counted as 0)
    unknown_lodging_prices: int = 0

    @property
    def unknown_prices(self) -> int:
        return self.unknown_ticket_prices + self.unknown_lodging_prices


@dataclass(frozen=True)
class Plan:
    request: PlanRequest
    days: tuple[DayPlan, ...]
    totals: Totals
    warnings: tuple[PlanWarning, ...]
    unplaced: tuple[Unplaced, ...] = ()
