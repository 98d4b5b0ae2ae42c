"""Places near a point, ranked by distance.

A bounding-box query narrows the candidates in the database; the cheap great-circle
distance ranks them (it differs from geodesic by 0.1–0.25 % at Huairou's scale, too
little to change the order); the
reported km use geodesic for the few that are shown.
"""

from geopy.distance import geodesic, great_circle

# ~0.2° of latitude ≈ 22 km: a generous radius for "nearby" in the mountains.
SEARCH_DEGREES = 0.2


def nearby(place, model, limit: int = 5) -> list[tuple[object, float]]:
    if not place.is_mapped:
        return []
    lat, lng = float(place.latitude), float(place.longitude)
    candidates = (
        model.objects.published()
        .filter(
            latitude__range=(lat - SEARCH_DEGREES, lat + SEARCH_DEGREES),
            longitude__range=(lng - SEARCH_DEGREES * 1.3, lng + SEARCH_DEGREES * 1.3),
        )
        .exclude(pk=place.pk if isinstance(place, model) else None)
    )
    origin = (lat, lng)
    ranked = sorted(
        candidates,
        key=lambda other: great_circle(origin, (float(other.latitude), float(other.longitude))).km,
    )[:limit]
    return [(other, geodesic(origin, other.coordinates).km) for other in ranked]
