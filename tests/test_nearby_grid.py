import random

from geopy.distance import geodesic

from planner.geo.nearby import SEARCH_DEGREES, NearbyGrid


def test_the_grid_finds_the_same_nearest_places_as_a_full_scan():
    rng = random.Random(15)
    points = [(pk, 40.3 + rng.random() * 0.6, 116.3 + rng.random() * 0.8) for pk in range(1500)]
    grid = NearbyGrid(points)
    for _ in range(15):
        lat, lng = 40.35 + rng.random() * 0.5, 116.35 + rng.random() * 0.7
        within = [
            (geodesic((lat, lng), (p_lat, p_lng)).km, pk)
            for pk, p_lat, p_lng in points
            if abs(p_lat - lat) <= SEARCH_DEGREES
        ]
        expected = [pk for _km, pk in sorted(within)[:5]]
        # The grid ranks by an equirectangular km; nearby() re-ranks a few more by geodesic.
        found = grid.nearest(lat, lng, 8)
        by_pk = {pk: (p_lat, p_lng) for pk, p_lat, p_lng in points}
        reranked = sorted(found, key=lambda pk: geodesic((lat, lng), by_pk[pk]).km)
        assert reranked[:5] == expected


def test_far_away_places_are_not_nearby():
    grid = NearbyGrid([(1, 40.4, 116.6), (2, 41.5, 117.9)])
    assert grid.nearest(40.41, 116.61, 5) == [1]
