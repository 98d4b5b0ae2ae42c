"""The travel-time model: how long it takes to get from one place to the next.

Distances: geodesic (geopy) for every kilometre we report; the cheap great-circle
distance (within 0.5 % of geodesic: a sphere, not the ellipsoid) for ranking and ordering.
Each pair is computed once per plan (`TravelModel` memoises by slug).
"""

import datetime as dt
import math
from dataclasses import dataclass

from geopy.distance import EARTH_RADIUS, geodesic

from . import parameters as p
from .types import PlaceInfo, Transport

# One geodesic calculator for every measurement (the WGS-84 ellipsoid): constructing a
# geopy distance object per pair costs a third of the time.
_GEODESIC = geodesic()


def great_circle_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Haversine on geopy's mean Earth radius: geopy's great_circle without its object cost."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lng2 - lng1) / 2
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS * math.asin(math.sqrt(h))


def zone_of(place: PlaceInfo) -> str:
    if place.lat < p.CITY_LAT_MAX:
        return "city"
    if place.lat >= p.REMOTE_LAT_MIN:
        return "remote"
    if place.lat >= p.MOUNTAIN_LAT_MIN or place.lng < p.MOUNTAIN_LNG_MAX:
        return "mountain"
    return "plain"


_ZONE_ORDER = ["plain", "mountain", "remote"]


def road_band(a: PlaceInfo, b: PlaceInfo) -> str:
    """The slowest kind of road a leg has to use."""
    zones = {zone_of(a), zone_of(b)}
    if "city" in zones:
        return "expressway"
    return max(zones, key=_ZONE_ORDER.index)


def access_minutes(place: PlaceInfo) -> int:
    if place.kind != "spot":
        return 0
    return p.ACCESS_MINUTES_BY_RATING.get(place.rating, p.ACCESS_MINUTES_DEFAULT)


def drive_minutes(km_straight: float, band: str) -> float:
    """Door-to-door driving minutes for a straight-line distance on a kind of road."""
    road_km = km_straight * p.CIRCUITY[band]
    return p.LEG_OVERHEAD_MINUTES + road_km / p.SPEED_KMH[band] * 60


@dataclass(frozen=True)
class LegEstimate:
    km: float  # geodesic, straight line
    minutes: int
    mode: str


class TravelModel:
    """Leg times for one plan. Knows the transport mode and the transit hubs."""

    def __init__(self, transport: Transport, hubs: dict[str, PlaceInfo] | None = None):
        self.transport = transport
        self.hubs = hubs or {}
        self._straight: dict[tuple[str, str], float] = {}
        self._exact: dict[tuple[str, str], float] = {}
        self._ordering_minutes: dict[tuple[str, str], float] = {}

    # --- distances ---------------------------------------------------------------------

    def fast_km(self, a: PlaceInfo, b: PlaceInfo) -> float:
        key = (a.slug, b.slug) if a.slug <= b.slug else (b.slug, a.slug)
        if key not in self._straight:
            self._straight[key] = great_circle_km(a.lat, a.lng, b.lat, b.lng)
        return self._straight[key]

    def exact_km(self, a: PlaceInfo, b: PlaceInfo) -> float:
        key = (a.slug, b.slug) if a.slug <= b.slug else (b.slug, a.slug)
        if key not in self._exact:
            self._exact[key] = _GEODESIC.measure(a.point, b.point)
        return self._exact[key]

    # --- times -------------------------------------------------------------------------

    def minutes(self, a: PlaceInfo, b: PlaceInfo, depart: dt.datetime | None = None) -> float:
        """Travel minutes for deciding order (cheap distance, same model), memoised."""
        key = (a.slug, b.slug)
        found = self._ordering_minutes.get(key)
        if found is None:
            found = self._ordering_minutes[key] = self._minutes(a, b, self.fast_km(a, b))
        return found

    def leg(self, a: PlaceInfo, b: PlaceInfo, depart: dt.datetime | None = None) -> LegEstimate:
        """The reported leg: geodesic km and the minutes derived from exactly that km."""
        km = self.exact_km(a, b)
        return LegEstimate(
            km=round(km, 1), minutes=round(self._minutes(a, b, km)), mode=self.mode(a, b)
        )

    def mode(self, a: PlaceInfo, b: PlaceInfo) -> str:
        if self.transport == Transport.CAR:
            return "car"
        if self._line_for(a, b):
            return f"transit:{self._line_for(a, b)['label']}+taxi"
        return "taxi"

    def _minutes(self, a: PlaceInfo, b: PlaceInfo, km: float) -> float:
        if a.slug == b.slug:
            return 0.0
        arrival_access = access_minutes(b)
        if self.transport == Transport.CAR:
            return drive_minutes(km, road_band(a, b)) + arrival_access
        return self._transit_minutes(a, b, km) + arrival_access

    def _line_for(self, a: PlaceInfo, b: PlaceInfo) -> dict | None:
        """The scheduled line serving a leg that starts or ends at a line's city terminus."""
        for end in (a, b):
            line = p.TRANSIT_LINES.get(end.slug)
            if line and line["hub"] in self.hubs:
                return line
        return None

    def _transit_minutes(self, a: PlaceInfo, b: PlaceInfo, km: float) -> float:
        line = self._line_for(a, b)
        if line is None:
            # Taxi or minibus between places inside the district.
            return p.TAXI_WAIT_MINUTES + drive_minutes(km, road_band(a, b))
        terminus, other = (a, b) if a.slug in p.TRANSIT_LINES else (b, a)
        hub = self.hubs[line["hub"]]
        if "minutes" in line:
            ride = line["minutes"]
        else:
            ride = self.exact_km(terminus, hub) * line["circuity"] / line["kmh"] * 60
        onward_km = self.exact_km(hub, other)
        onward = (
            0
            if onward_km < 0.5
            else p.TAXI_WAIT_MINUTES + drive_minutes(onward_km, road_band(hub, other))
        )
        return p.TRANSIT_WAIT_MINUTES + ride + onward

    def last_departure(
        self, origin: PlaceInfo, destination: PlaceInfo, day: dt.date
    ) -> dt.datetime | None:
        """The latest time to leave `origin` and still reach `destination`; None = no limit."""
        return None

    def transit_practical(self, place: PlaceInfo) -> bool:
        """Within reach of a hub by taxi; far mountain spots need a car."""
        if not self.hubs:
            return False
        return min(self.fast_km(place, hub) for hub in self.hubs.values()) <= (
            p.TRANSIT_PRACTICAL_KM
        )
