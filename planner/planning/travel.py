"""The travel model: how far by road and how long from one place to the next.

By car a leg is the quickest path over the district's road graph (roads.py) at the traffic
of its departure (traffic.py), plus parking and shuttle time at big sites. Without a car it
is the chain of trunk line, local line, taxi or booked car that transit.py finds. Shown km
are road km. Each pair is computed once per plan (`TravelModel` memoises).
"""

import datetime as dt
from dataclasses import dataclass, field

from geopy.distance import geodesic

from . import parameters as p
from .roads import RoadRoute, road_network, straight_km
from .traffic import FREE_FLOW, Traffic, day_type, traffic_at
from .transit import TransitPlanner, TransitStep, load_transit
from .types import PlaceInfo, Transport

# One geodesic calculator for every straight-line measurement (the WGS-84 ellipsoid).
_GEODESIC = geodesic()
# Dongzhimen: where "leaving Beijing" and "returning" are measured from.
CITY_REFERENCE = (39.9408, 116.4353)

great_circle_km = straight_km


def access_minutes(place: PlaceInfo) -> int:
    """Parking and walk or shuttle at a big site, added on arrival."""
    if place.kind != "spot":
        return 0
    return p.ACCESS_MINUTES_BY_RATING.get(place.rating, p.ACCESS_MINUTES_DEFAULT)


def direction(a: PlaceInfo, b: PlaceInfo) -> str:
    """outbound (leaving Beijing), inbound (returning) or local."""
    gap = straight_km(*CITY_REFERENCE, *b.point) - straight_km(*CITY_REFERENCE, *a.point)
    if gap > p.TRAFFIC_DIRECTION_KM:
        return "outbound"
    if gap < -p.TRAFFIC_DIRECTION_KM:
        return "inbound"
    return "local"


@dataclass(frozen=True)
class LegEstimate:
    km: float  # road km
    minutes: int  # door to door: drive or ride + access + wait
    mode: str  # car | transit | taxi | booked_car | walk
    drive_minutes: int = 0
    access_minutes: int = 0
    wait_minutes: int = 0
    line: str = ""
    steps: tuple[TransitStep, ...] = ()
    path: tuple[tuple[float, float], ...] = ()
    traffic: str = ""  # a traffic code from parameters.TRAFFIC_FACTOR, "" = free-flowing
    missed: bool = False  # no service left at this hour (transit)
    lunch_at: float | None = None  # a lunch break taken between two of its steps (transit)


@dataclass
class TravelModel:
    """Leg times for one plan. Knows the transport mode; loads the road data once."""

    transport: Transport
    hubs: dict[str, PlaceInfo] = field(default_factory=dict)

    def __post_init__(self):
        self.network = road_network()
        self.transit: TransitPlanner = load_transit(self.network)
        self._exact: dict[tuple[str, str], float] = {}
        self._straight: dict[tuple[str, str], float] = {}
        self._minutes: dict[tuple, float] = {}
        self._legs: dict[tuple, LegEstimate] = {}
        self._leave_by: dict[tuple, int | None] = {}

    # --- straight-line distances (ranking only) ------------------------------------------

    def fast_km(self, a: PlaceInfo, b: PlaceInfo) -> float:
        key = (a.slug, b.slug) if a.slug <= b.slug else (b.slug, a.slug)
        if key not in self._straight:
            self._straight[key] = straight_km(a.lat, a.lng, b.lat, b.lng)
        return self._straight[key]

    def exact_km(self, a: PlaceInfo, b: PlaceInfo) -> float:
        key = (a.slug, b.slug) if a.slug <= b.slug else (b.slug, a.slug)
        if key not in self._exact:
            self._exact[key] = _GEODESIC.measure(a.point, b.point)
        return self._exact[key]

    # --- legs ----------------------------------------------------------------------------

    def minutes(self, a: PlaceInfo, b: PlaceInfo, depart: dt.datetime | None = None) -> float:
        """Door-to-door minutes for deciding order, memoised (by date and hour)."""
        key = (a.slug, b.slug) if depart is None else (a.slug, b.slug, depart.date(), depart.hour)
        found = self._minutes.get(key)
        if found is None:
            found = self._minutes[key] = self._fast_minutes(a, b, depart)
        return found

    def _fast_minutes(self, a: PlaceInfo, b: PlaceInfo, depart: dt.datetime | None) -> float:
        """The leg's minutes without building its path (same model, fewer objects)."""
        if self.transport == Transport.TRANSIT or a.slug == b.slug:
            return float(self.leg(a, b, depart).minutes)
        factors = traffic_at(depart, direction(a, b)).factors() if depart else {}
        drive = self.network.quickest(a.point, b.point, factors)[0]
        return float(round(drive + p.LEG_OVERHEAD_MINUTES) + access_minutes(b))

    def leg(
        self, a: PlaceInfo, b: PlaceInfo, depart: dt.datetime | None = None, pause=None
    ) -> LegEstimate:
        """The reported leg: road km, driving/riding, access and waiting minutes.

        `pause` = (earliest, latest, minutes): lunch on the way. Without a car it is taken
        where one changes vehicle (`lunch_at`), and the steps after it are timed after it; a
        car stops anywhere, so the car's leg is the same.
        """
        transit = self.transport == Transport.TRANSIT
        key = (a.slug, b.slug, depart if transit else _slot(depart), pause if transit else None)
        found = self._legs.get(key)
        if found is None:
            found = self._legs[key] = self._leg(a, b, depart, pause)
        return found

    def _leg(self, a: PlaceInfo, b: PlaceInfo, depart: dt.datetime | None, pause) -> LegEstimate:
        if a.slug == b.slug or (a.lat == b.lat and a.lng == b.lng):
            return LegEstimate(0.0, 0, "walk" if self.transport == Transport.TRANSIT else "car")
        if self.transport == Transport.TRANSIT:
            return self._transit_leg(a, b, depart, pause)
        traffic = traffic_at(depart, direction(a, b))
        route = self.drive(a, b, traffic)
        drive = round(route.minutes + p.LEG_OVERHEAD_MINUTES)
        access = access_minutes(b)
        return LegEstimate(
            km=round(route.km, 1), minutes=drive + access, mode="car", drive_minutes=drive,
            access_minutes=access, path=_rounded(route.path), traffic=traffic.code,
        )  # fmt: skip

    def drive(self, a: PlaceInfo, b: PlaceInfo, traffic: Traffic = FREE_FLOW) -> RoadRoute:
        return self.network.route(a.point, b.point, traffic.factors())

    def _transit_leg(
        self, a: PlaceInfo, b: PlaceInfo, depart: dt.datetime | None, pause=None
    ) -> LegEstimate:
        kind = timetable_day_kind(depart)
        start = None if depart is None else depart.hour * 60 + depart.minute
        best, traffic = None, traffic_at(depart, direction(a, b))
        for chain in self.transit.segments(a, b, kind, traffic.factor):
            steps, arrive, missed, lunch_at = self.transit.timed(chain, start, pause)
            total = sum(s.minutes + s.wait_minutes for s in steps)
            if pause is not None and lunch_at is None:
                arrive += pause[2]  # lunch is still eaten on the way, just not between steps
            rank = (missed, total if start is None else arrive)
            if best is None or rank < best[0]:
                best = (rank, chain, steps, missed, lunch_at)
        if best is None:
            # No way without a car: say so with a booked car over the road (transit_practical
            # flags the place), never pretend a bus goes there.
            route = self.drive(a, b)
            step = TransitStep("booked_car", "", a.slug, b.slug, "", "", round(route.minutes),
                               0, round(route.km, 1))  # fmt: skip
            best = (None, [], [step], False, None)
        _, chain, steps, missed, lunch_at = best
        access = access_minutes(b)
        ride = sum(s.minutes for s in steps)
        wait = sum(s.wait_minutes for s in steps)
        lines = [s.line for s in steps if s.line]
        modes = [s.mode for s in steps if s.mode != "walk"] or ["walk"]
        path = tuple(point for segment in chain for point in segment.path) or (a.point, b.point)
        return LegEstimate(
            km=round(sum(s.km for s in steps), 1), minutes=ride + wait + access,
            mode="transit" if lines else modes[0], drive_minutes=ride, access_minutes=access,
            wait_minutes=wait, line=" + ".join(lines), steps=tuple(steps),
            path=_rounded(path), missed=missed, traffic=traffic.code, lunch_at=lunch_at,
        )  # fmt: skip

    # --- constraints -----------------------------------------------------------------------

    def last_departure(
        self, origin: PlaceInfo, destination: PlaceInfo, day: dt.date
    ) -> dt.datetime | None:
        """The latest time to leave `origin` and still reach `destination` (None = no limit)."""
        if self.transport == Transport.CAR:
            return None
        latest = None
        for chain in self.transit.segments(origin, destination, _day_kind_of(day)):
            start = self.transit.latest_start(chain)
            if start is not None and any(s.departures is not None for s in chain):
                latest = start if latest is None else max(latest, start)
        if latest is None:
            return None
        return dt.datetime.combine(day, dt.time(0)) + dt.timedelta(minutes=int(latest))

    def leave_by(self, origin: PlaceInfo, destination: PlaceInfo, day: dt.date) -> int | None:
        """The last minute of `day` to leave `origin` and still reach `destination` by its
        bus or train: None when nothing on the way runs to a timetable that day (or the last
        connection leaves after midnight), 0 when it would have to leave the day before."""
        key = (origin.slug, destination.slug, day)
        if key not in self._leave_by:
            last = self.last_departure(origin, destination, day)
            if last is None or last.date() > day:
                self._leave_by[key] = None
            elif last.date() < day:
                self._leave_by[key] = 0
            else:
                self._leave_by[key] = last.hour * 60 + last.minute
        return self._leave_by[key]

    def transit_practical(self, place: PlaceInfo) -> bool:
        """Reachable without one's own car: a line, a hailed taxi or a booked car nearby."""
        return self.transit.practical(place)


def _slot(depart: dt.datetime | None):
    """What the car minutes depend on: the day and the hour."""
    return None if depart is None else (depart.date(), depart.hour)


def timetable_day_kind(depart: dt.datetime | None) -> str:
    return "weekend" if depart is None else _day_kind_of(depart.date())


def _day_kind_of(day: dt.date) -> str:
    kind = day_type(day)
    return "holiday" if kind == "holiday" else "weekend" if kind == "weekend" else "workday"


def _rounded(path) -> tuple[tuple[float, float], ...]:
    return tuple((round(lat, 5), round(lng, 5)) for lat, lng in path)
