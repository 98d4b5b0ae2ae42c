"""Choosing among many candidates (2,000 or 100,000 homestays, cafés) by least detour.

A grid of ~1 km cells answers "which candidates lie near this leg?" without scanning them
all: only cells within a corridor around the leg are read. The corridor widens until no
candidate outside it could beat the ones found: a point at least m km from the leg A→B
adds at least 2·√(m² + (L/2)²) − L km. An equirectangular distance (well under 0.5 % off
here) ranks inside the corridor; the best few are re-ranked with the plan's great-circle
distances, so the choice does not hang on the approximation.
"""

import math
import weakref
from collections import defaultdict
from collections.abc import Iterable

from .travel import TravelModel
from .types import Candidates, LodgingKind, PlaceInfo

EARTH_RADIUS_KM = 6371.0088
CELL_DEGREES = 0.01
KM_PER_DEGREE_LAT = 111.2
PRE_RANKED = 12


def approx_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    mean_lat = math.radians((a[0] + b[0]) / 2)
    dx = math.radians(b[1] - a[1]) * math.cos(mean_lat)
    dy = math.radians(b[0] - a[0])
    return EARTH_RADIUS_KM * math.hypot(dx, dy)


class SpatialGrid:
    """Places bucketed by ~1 km cell, for corridor lookups along a leg."""

    def __init__(self, places: Iterable[PlaceInfo]):
        self.cells: dict[tuple[int, int], list[PlaceInfo]] = defaultdict(list)
        self.count = 0
        for place in places:
            self.cells[self._cell(place.lat, place.lng)].append(place)
            self.count += 1

    @staticmethod
    def _cell(lat: float, lng: float) -> tuple[int, int]:
        return (math.floor(lat / CELL_DEGREES), math.floor(lng / CELL_DEGREES))

    def contains(self, place: PlaceInfo) -> bool:
        """Whether this grid holds `place` (same kind and slug): one cell is read."""
        cell = self.cells.get(self._cell(place.lat, place.lng), ())
        return any(p.slug == place.slug and p.kind == place.kind for p in cell)

    def near_segment(self, a: PlaceInfo, b: PlaceInfo, margin_km: float) -> list[PlaceInfo]:
        """Places in cells whose centre lies within `margin_km` (+ half a cell) of a→b."""
        cos_lat = max(0.2, math.cos(math.radians((a.lat + b.lat) / 2)))
        pad_lat = margin_km / KM_PER_DEGREE_LAT + CELL_DEGREES
        pad_lng = pad_lat / cos_lat
        low_lat, low_lng = self._cell(min(a.lat, b.lat) - pad_lat, min(a.lng, b.lng) - pad_lng)
        high_lat, high_lng = self._cell(max(a.lat, b.lat) + pad_lat, max(a.lng, b.lng) + pad_lng)
        reach = margin_km + CELL_DEGREES * KM_PER_DEGREE_LAT  # half a cell's diagonal, rounded up
        # Local kilometre coordinates: x east, y north, with a at the origin.
        bx, by = (b.lng - a.lng) * KM_PER_DEGREE_LAT * cos_lat, (b.lat - a.lat) * KM_PER_DEGREE_LAT
        length_sq = bx * bx + by * by
        found = []
        for lat_cell in range(low_lat, high_lat + 1):
            y = ((lat_cell + 0.5) * CELL_DEGREES - a.lat) * KM_PER_DEGREE_LAT
            for lng_cell in range(low_lng, high_lng + 1):
                places = self.cells.get((lat_cell, lng_cell))
                if not places:
                    continue
                x = ((lng_cell + 0.5) * CELL_DEGREES - a.lng) * KM_PER_DEGREE_LAT * cos_lat
                t = 0.0 if length_sq == 0 else max(0.0, min(1.0, (x * bx + y * by) / length_sq))
                if math.hypot(x - t * bx, y - t * by) <= reach:
                    found.extend(places)
        return found


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
    margin = 1.0
    while True:
        found = grid.near_segment(before, after, margin)
        # Ranked by detour, then slug; never by the place itself (a café and a restaurant may
        # share a slug, and places do not order): a full tie keeps the grid's order.
        rough = sorted(
            (
                (approx_km(before.point, p.point) + approx_km(p.point, after.point) - direct, p)
                for p in found
            ),
            key=lambda pair: (pair[0], pair[1].slug),
        )[:want]
        complete = len(found) == grid.count
        if complete or (len(rough) >= want and rough[-1][0] <= _detour_floor(margin, direct)):
            break
        margin *= 2
    exact_direct = travel.fast_km(before, after)
    ranked = sorted(
        (
            (place, travel.fast_km(before, place) + travel.fast_km(place, after) - exact_direct)
            for _detour, place in rough
        ),
        key=lambda pair: (pair[1], pair[0].slug),
    )
    return ranked[:keep]


def within_budget(homestays: Iterable[PlaceInfo], budget: int | None) -> list[PlaceInfo]:
    """With a budget, only stays whose known price fits it; unknown prices cannot be promised."""
    if budget is None:
        return list(homestays)
    return [h for h in homestays if h.price_cny_min is not None and h.price_cny_min <= budget]


def of_lodging_kind(homestays: Iterable[PlaceInfo], kind: str) -> list[PlaceInfo]:
    """Stays of the kind asked for; a record without a kind is a homestay (its model's kind)."""
    if not kind:
        return list(homestays)
    return [h for h in homestays if (h.lodging_kind or LodgingKind.HOMESTAY) == kind]


class CandidateGrids:
    """The spatial grids of one `Candidates`, built on first use (one per budget and kind)."""

    def __init__(self, candidates: Candidates):
        self.candidates = candidates
        self._grids: dict[tuple, SpatialGrid] = {}

    def _grid(self, key: tuple, places) -> SpatialGrid:
        grid = self._grids.get(key)
        if grid is None:
            # Built whole, then stored in one assignment: a concurrent plan never sees half.
            grid = SpatialGrid(places())
            self._grids[key] = grid
        return grid

    def homestays(self, budget: int | None = None, kind: str = "") -> SpatialGrid:
        return self._grid(
            ("homestays", budget, kind),
            lambda: within_budget(of_lodging_kind(self.candidates.homestays, kind), budget),
        )

    def lunch(self) -> SpatialGrid:
        return self._grid(("lunch",), lambda: self.candidates.lunch_venues)


_GRIDS: dict[int, CandidateGrids] = {}


def grids_for(candidates: Candidates) -> CandidateGrids:
    """The grids kept for this very `Candidates` object (freed with it)."""
    key = id(candidates)
    found = _GRIDS.get(key)
    if found is None or found.candidates is not candidates:
        found = CandidateGrids(candidates)
        _GRIDS[key] = found
        weakref.finalize(candidates, _GRIDS.pop, key, None)
    return found
