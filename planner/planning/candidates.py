"""Choosing among many candidates (2,000+ homestays, hundreds of cafés) by least detour.

A grid of ~5 km cells answers "which candidates lie near this leg?" without scanning them
all. The search widens until no candidate outside the searched box could beat the ones
found: a point at least m km from the leg A→B adds at least 2·√(m² + (L/2)²) − L km. An
equirectangular distance (well under 0.5 % off here) ranks inside the box; the best few are
re-ranked with the plan's great-circle distances, so the choice does not hang on it.
"""

import math
from collections import defaultdict
from collections.abc import Iterable

from .travel import TravelModel
from .types import PlaceInfo

EARTH_RADIUS_KM = 6371.0088
CELL_DEGREES = 0.05
KM_PER_DEGREE_LAT = 111.2
PRE_RANKED = 12


def approx_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    mean_lat = math.radians((a[0] + b[0]) / 2)
    dx = math.radians(b[1] - a[1]) * math.cos(mean_lat)
    dy = math.radians(b[0] - a[0])
    return EARTH_RADIUS_KM * math.hypot(dx, dy)


class SpatialGrid:
    """Places bucketed by cell, for nearby lookups."""

    def __init__(self, places: Iterable[PlaceInfo]):
        self.cells: dict[tuple[int, int], list[PlaceInfo]] = defaultdict(list)
        self.count = 0
        for place in places:
            self.cells[self._cell(place.lat, place.lng)].append(place)
            self.count += 1

    @staticmethod
    def _cell(lat: float, lng: float) -> tuple[int, int]:
        return (math.floor(lat / CELL_DEGREES), math.floor(lng / CELL_DEGREES))

    def within(self, south: float, west: float, north: float, east: float) -> list[PlaceInfo]:
        low_lat, low_lng = self._cell(south, west)
        high_lat, high_lng = self._cell(north, east)
        if (high_lat - low_lat + 1) * (high_lng - low_lng + 1) > len(self.cells):
            cells = (
                places
                for (lat, lng), places in self.cells.items()
                if low_lat <= lat <= high_lat and low_lng <= lng <= high_lng
            )
        else:
            cells = (
                self.cells.get((lat, lng), ())
                for lat in range(low_lat, high_lat + 1)
                for lng in range(low_lng, high_lng + 1)
            )
        return [place for places in cells for place in places]


def _detour_floor(margin_km: float, leg_km: float) -> float:
    return 2 * math.sqrt(margin_km**2 + (leg_km / 2) ** 2) - leg_km


def by_detour(
    grid: SpatialGrid,
    before: PlaceInfo,
    after: PlaceInfo,
    travel: TravelModel,
    keep: int,
) -> list[tuple[PlaceInfo, float]]:
    """The `keep` candidates with the least extra km on the way before → after."""
    if grid.count == 0:
        return []
    direct = approx_km(before.point, after.point)
    want = min(grid.count, max(keep, PRE_RANKED))
    margin = 5.0
    while True:
        pad_lat = margin / KM_PER_DEGREE_LAT
        pad_lng = pad_lat / max(0.2, math.cos(math.radians(before.lat)))
        found = grid.within(
            min(before.lat, after.lat) - pad_lat,
            min(before.lng, after.lng) - pad_lng,
            max(before.lat, after.lat) + pad_lat,
            max(before.lng, after.lng) + pad_lng,
        )
        rough = sorted(
            (approx_km(before.point, p.point) + approx_km(p.point, after.point) - direct, p.slug, p)
            for p in found
        )[:want]
        complete = len(found) == grid.count
        if complete or (len(rough) >= want and rough[-1][0] <= _detour_floor(margin, direct)):
            break
        margin *= 2
    exact_direct = travel.fast_km(before, after)
    ranked = sorted(
        (
            (place, travel.fast_km(before, place) + travel.fast_km(place, after) - exact_direct)
            for _detour, _slug, place in rough
        ),
        key=lambda pair: (pair[1], pair[0].slug),
    )
    return ranked[:keep]


def within_budget(homestays: Iterable[PlaceInfo], budget: int | None) -> list[PlaceInfo]:
    """With a budget, only stays whose known price fits it; unknown prices cannot be promised."""
    if budget is None:
        return list(homestays)
    return [h for h in homestays if h.price_cny_min is not None and h.price_cny_min <= budget]
