"""Least-detour search on the spatial grid agrees with checking every candidate."""

import random

import pytest

from planner.planning import Transport
from planner.planning import candidates as search
from planner.planning.candidates import SpatialGrid, by_detour
from planner.planning.travel import TravelModel
from tests.planning.factories import HONGLUO, MUTIANYU, QINGLONG, YANQI, cafe, homestay, spot

LEGS = [(HONGLUO, MUTIANYU), (YANQI, QINGLONG), (MUTIANYU, QINGLONG), (HONGLUO, HONGLUO)]


def scattered(count: int, seed: int = 7):
    rng = random.Random(seed)
    return [homestay(f"h{i:05d}", rng.uniform(40.25, 41.05), rng.uniform(116.3, 116.95))
            for i in range(count)]  # fmt: skip


def brute_force(places, before, after, travel, keep):
    direct = travel.fast_km(before, after)
    detours = [(p, travel.fast_km(before, p) + travel.fast_km(p, after) - direct) for p in places]
    return sorted(detours, key=lambda pair: (pair[1], pair[0].slug))[:keep]


@pytest.mark.parametrize("before, after", LEGS)
@pytest.mark.parametrize("keep", [1, 3])
def test_least_detour_matches_brute_force_and_stops_early(before, after, keep, monkeypatch):
    places = scattered(3000)
    grid = SpatialGrid(places)
    scanned: list[int] = []
    near_segment = SpatialGrid.near_segment

    def spy(self, a, b, margin_km):
        found = near_segment(self, a, b, margin_km)
        scanned.append(len(found))
        return found

    monkeypatch.setattr(search.SpatialGrid, "near_segment", spy)
    travel = TravelModel(Transport.CAR)
    found = by_detour(grid, before, after, travel, keep)
    expected = brute_force(places, before, after, TravelModel(Transport.CAR), keep)
    assert [p.slug for p, _ in found] == [p.slug for p, _ in expected]
    assert [round(km, 6) for _, km in found] == [round(km, 6) for _, km in expected]
    # The corridor stopped widening before it had read every candidate.
    assert scanned[-1] < len(places)


def test_candidates_sharing_a_slug_and_a_spot_are_ranked_without_comparing_places():
    # Slugs are unique per kind only: a café and a restaurant may be one venue recorded twice.
    twins = [
        cafe("the-schoolhouse", 40.425, 116.565),
        spot("the-schoolhouse", 40.425, 116.565, kind="poi", category="restaurant"),
    ]
    travel = TravelModel(Transport.CAR)

    found = by_detour(SpatialGrid(twins), HONGLUO, MUTIANYU, travel, keep=2)

    assert [place.slug for place, _km in found] == ["the-schoolhouse", "the-schoolhouse"]
