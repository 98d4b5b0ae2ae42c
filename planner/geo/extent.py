"""Where places and trips may lie: Huairou's extent and, for custom start points, Beijing's."""

# Huairou's rough extent (district boundary plus a small margin).
HUAIROU_EXTENT = {"lat_min": 40.2, "lat_max": 41.1, "lng_min": 116.2, "lng_max": 117.0}
# The Beijing municipality, generously: custom start points must lie inside it.
BEIJING_EXTENT = {"lat_min": 39.4, "lat_max": 41.1, "lng_min": 115.4, "lng_max": 117.6}


def inside(extent: dict, latitude, longitude) -> bool:
    lat, lng = float(latitude), float(longitude)
    return (
        extent["lat_min"] <= lat <= extent["lat_max"]
        and extent["lng_min"] <= lng <= extent["lng_max"]
    )


def is_inside_huairou(latitude, longitude) -> bool:
    return inside(HUAIROU_EXTENT, latitude, longitude)
