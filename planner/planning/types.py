"""The engine's inputs and outputs: frozen dataclasses, no Django.

planner/trips translates ORM records into `PlaceInfo` and the request into `PlanRequest`;
the engine returns a `Plan`, which trips/serialize.py turns into the JSON that the API, the
pages and the print sheet read (the exporters take a `Sheet` built from that JSON).
"""

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Transport(StrEnum):
    CAR = "car"
    TRANSIT = "transit"


class Pace(StrEnum):
    RELAXED = "relaxed"
    NORMAL = "normal"
    PACKED = "packed"


@dataclass(frozen=True, slots=True)
class OpeningPeriod:
    """Hours in force every year from one (month, day) to another, both inclusive (may wrap
    the year)."""

    start: tuple[int, int]
    end: tuple[int, int]
    opens: dt.time | None = None
    closes: dt.time | None = None
    last_entry: dt.time | None = None
    closed: bool = False  # closed for the season (fire season, winter, works)
    reason: str = ""  # a code: fire_season | winter | works | event | ""
    ticket_cny: int | None = None


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    """Everything the engine needs to know about one place (slots: 100,000 of them fit)."""

    slug: str
    kind: str  # spot | homestay | cafe | village | poi | start
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
    outdoor: bool = False  # ends by sunset
    lodging_kind: str = ""  # homestay | hotel | farmstay for stays; "" otherwise

    @property
    def point(self) -> tuple[float, float]:
        return (self.lat, self.lng)

    @property
    def ticket_cny(self) -> int | None:
        return self.price_cny_min if self.kind == "spot" else None


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
    day_start: dt.time = dt.time(8, 0)
    # A seasonal route's day for each stop slug; used when the trip has the route's length.
    preferred_days: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Candidates:
    """Places the engine may add: overnight stays and lunch venues.

    Build it once and reuse it across plans: its spatial grids are built on first use and
    kept (one per budget).
    """

    homestays: tuple[PlaceInfo, ...] = ()
    lunch_venues: tuple[PlaceInfo, ...] = ()
    _grids: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def homestay_grid(self, budget: int | None = None):
        from .candidates import SpatialGrid, within_budget

        key = ("homestays", budget)
        if key not in self._grids:
            self._grids[key] = SpatialGrid(within_budget(self.homestays, budget))
        return self._grids[key]

    def lunch_grid(self):
        from .candidates import SpatialGrid

        if "lunch" not in self._grids:
            self._grids["lunch"] = SpatialGrid(self.lunch_venues)
        return self._grids["lunch"]


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


@dataclass(frozen=True)
class PlannedStop:
    place: PlaceInfo
    arrive: dt.datetime
    depart: dt.datetime
    role: str = "visit"  # visit | lunch
    suggested: bool = False  # added by the engine rather than chosen by the visitor
    wait_minutes: int = 0
    note: str = ""


@dataclass(frozen=True)
class PlanWarning:
    """Something a visitor should know about a plan: a code and its parameters, no sentence.

    The display layer words it in the viewer's language (planner/trips/warnings.py).
    """

    code: str
    slug: str | None = None
    day: int | None = None
    params: dict = field(default_factory=dict, compare=False)


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
    lunch_break: dt.datetime | None = None  # a plain lunch break when no venue fits

    @property
    def km(self) -> float:
        return sum(leg.km for leg in self.legs)

    @property
    def travel_minutes(self) -> int:
        return sum(leg.minutes for leg in self.legs)


@dataclass(frozen=True)
class Totals:
    km: float
    travel_minutes: int
    tickets_cny: int
    lodging_cny: int


@dataclass(frozen=True)
class Plan:
    request: PlanRequest
    days: tuple[DayPlan, ...]
    totals: Totals
    warnings: tuple[PlanWarning, ...]
