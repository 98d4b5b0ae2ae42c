"""Published places and routes as GeoJSON (RFC 7946: [longitude, latitude], WGS-84).

Each feature also carries its GCJ-02 position (`gcj02`) so the map can draw it on Amap
tiles without running the conversion in the browser. One query per kind of place (and one for
the spots' seasonal periods), whatever the number of places.

A spot's `opens`/`closes`/`last_entry` are the hours in force on `day` (today in Huairou
unless given): the seasonal period's, as the place page and the planner read them
(planning/hours.py). Answers are therefore cached per day as well as per content version.
"""

import datetime as dt
from collections import defaultdict
from typing import NamedTuple

from django.db.models import Avg, Count, F, FloatField, Q
from django.db.models.functions import Cast, Floor
from django.urls import reverse

from planner.api.place_filters import PlaceFilters
from planner.models import PLACE_MODEL_BY_KIND, OpeningPeriod
from planner.planning.hours import hours_source, period_in_force
from planner.planning.seasons import in_season

from .coordinates import to_gcj02

COMMON_FIELDS = (
    "slug",
    "name_zh",
    "name_en",
    "town_zh",
    "town_en",
    "latitude",
    "longitude",
    "tags",
    "best_months",
    "seasons",
    "opens",
    "closes",
    "last_entry",
    "price_cny_min",
    "price_cny_max",
    "confidence",
    "is_illustrative",
    "coord_precision",
)
KIND_FIELDS = {"spot": ("rating", "rating_confirmed", "visit_minutes"), "homestay": ("type",)}
# More places than this in view (with a zoom given) come back as per-cell counts, which keeps
# every response small (≤ 200 KB) whether the district lists 2,000 places or 100,000.
MAX_FEATURES = 300
# Cell size at zoom z: a quarter of a 256-pixel tile, about 64 pixels on screen.
CELLS_PER_TILE = 4


def _hhmm(value) -> str | None:
    return value.strftime("%H:%M") if value else None


class _OwnHours(NamedTuple):
    opens: dt.time | None
    closes: dt.time | None
    last_entry: dt.time | None


def _hours_today(row: dict, periods, day: dt.date | None) -> dict:
    """opens/closes/last_entry in force on `day` (the period's, else the place's own), and
    `closed_today` when a seasonal closure is in force."""
    period = period_in_force(periods, day) if periods and day else None
    if period is not None and period.closed:
        return {"opens": None, "closes": None, "last_entry": None, "closed_today": True}
    source = hours_source(_OwnHours(row["opens"], row["closes"], row["last_entry"]), period)
    return {
        "opens": _hhmm(source.opens),
        "closes": _hhmm(source.closes),
        "last_entry": _hhmm(source.last_entry),
        "closed_today": False,
    }


def _periods_by_slug(slugs) -> dict[str, list]:
    """The seasonal periods of these spots, in one query."""
    periods = defaultdict(list)
    rows = OpeningPeriod.objects.filter(spot__slug__in=list(slugs)).select_related("spot")
    for period in rows.order_by("spot_id", *OpeningPeriod._meta.ordering):
        periods[period.spot.slug].append(period)
    return periods


def _spot_matches(row: dict, filters: PlaceFilters) -> bool:
    """month, tag and rating describe scenic spots: they narrow spots only."""
    if filters.month and not in_season(row["best_months"], row["seasons"], filters.month):
        return False
    return not (filters.tag and filters.tag not in (row["tags"] or ()))


def _queryset(kind: str, filters: PlaceFilters):
    model = PLACE_MODEL_BY_KIND[kind]
    queryset = model.objects.published()
    if filters.bbox:
        min_lng, min_lat, max_lng, max_lat = filters.bbox
        in_view = Q(
            latitude__gte=min_lat,
            latitude__lte=max_lat,
            longitude__gte=min_lng,
            longitude__lte=max_lng,
        )
        queryset = queryset.filter(in_view | Q(latitude__isnull=True) if filters.unmapped
                                   else in_view)  # fmt: skip
    if filters.town:
        queryset = queryset.filter(Q(town_zh=filters.town) | Q(town_en__iexact=filters.town))
    if kind == "spot" and filters.ratings:
        queryset = queryset.filter(rating__in=filters.ratings)
    return queryset


def _rows(kind: str, filters: PlaceFilters):
    queryset = _queryset(kind, filters)
    rows = queryset.order_by("slug").values(*COMMON_FIELDS, *KIND_FIELDS.get(kind, ()))
    if kind == "spot" and (filters.month or filters.tag):
        return [row for row in rows if _spot_matches(row, filters)]
    return rows


def _feature(kind: str, row: dict, url_pattern: str, periods=(), day=None) -> dict:
    properties = {
        "slug": row["slug"],
        "kind": kind,
        "name_zh": row["name_zh"],
        "name_en": row["name_en"],
        "town_zh": row["town_zh"],
        "town_en": row["town_en"],
        "tags": row["tags"] or [],
        "best_months": row["best_months"] or [],
        **_hours_today(row, periods, day),
        "price_cny_min": row["price_cny_min"],
        "price_cny_max": row["price_cny_max"],
        "confidence": row["confidence"],
        "illustrative": row["is_illustrative"],
        "rating": row.get("rating") or None,
        "rating_confirmed": row.get("rating_confirmed"),
        "lodging_kind": row.get("type") or None,
        # Shown as "approximate location": a village or town centre, or a rough point.
        "location_approximate": row["coord_precision"] != "exact",
        "url": url_pattern.replace("__slug__", row["slug"]),
    }
    geometry = None
    if row["latitude"] is not None:
        lat, lng = float(row["latitude"]), float(row["longitude"])
        geometry = {"type": "Point", "coordinates": [round(lng, 6), round(lat, 6)]}
        gcj_lat, gcj_lng = to_gcj02(lat, lng)
        properties["gcj02"] = [round(gcj_lng, 6), round(gcj_lat, 6)]
    return {
        "type": "Feature",
        "id": f"{kind}:{row['slug']}",
        "geometry": geometry,
        "properties": properties,
    }


def _clusters(kind: str, filters: PlaceFilters) -> list[dict]:
    """One feature per grid cell: how many places of this kind, at their mean position."""
    cell = 360 / (2**filters.zoom) / CELLS_PER_TILE
    rows = (
        _queryset(kind, filters)
        .filter(latitude__isnull=False)
        .annotate(
            cx=Floor(Cast(F("longitude"), FloatField()) / cell),
            cy=Floor(Cast(F("latitude"), FloatField()) / cell),
        )
        .values("cx", "cy")
        .annotate(
            count=Count("id"),
            lat=Avg(Cast(F("latitude"), FloatField())),
            lng=Avg(Cast(F("longitude"), FloatField())),
        )  # fmt: skip
        .order_by("cy", "cx")
    )
    features = []
    for row in rows:
        lat, lng = float(row["lat"]), float(row["lng"])
        gcj_lat, gcj_lng = to_gcj02(lat, lng)
        features.append(
            {
                "type": "Feature",
                "id": f"cluster:{kind}:{int(row['cx'])}:{int(row['cy'])}",
                "geometry": {"type": "Point", "coordinates": [round(lng, 5), round(lat, 5)]},
                "properties": {
                    "kind": kind,
                    "cluster": True,
                    "count": row["count"],
                    "gcj02": [round(gcj_lng, 5), round(gcj_lat, 5)],
                },  # fmt: skip
            }
        )
    return features


def places_feature_collection(filters: PlaceFilters, day: dt.date | None = None) -> dict:
    aggregate: set[str] = set()
    if filters.zoom is not None and filters.bbox:
        counts = {kind: _queryset(kind, filters).count() for kind in filters.kinds}
        if sum(counts.values()) > MAX_FEATURES:
            # Scenic spots stay individual (there are few, and they are what people look for).
            aggregate = {kind for kind, count in counts.items() if kind != "spot" and count > 50}
    features = []
    for kind in filters.kinds:
        if kind in aggregate:
            features.extend(_clusters(kind, filters))
            continue
        url_pattern = reverse(f"planner:{kind}-detail", args=["__slug__"])
        rows = list(_rows(kind, filters))
        periods = _periods_by_slug(row["slug"] for row in rows) if kind == "spot" else {}
        features.extend(
            _feature(kind, row, url_pattern, periods.get(row["slug"], ()), day) for row in rows
        )
    return {"type": "FeatureCollection", "aggregated": bool(aggregate), "features": features}


def route_feature_collection(route, stops, day: dt.date | None = None) -> dict:
    """A seasonal route: a Point per stop and a LineString per day through its mapped stops."""
    features, lines = [], {}
    last_point = None
    for stop in stops:
        place = stop.target
        feature = place_feature(place, day)
        feature["id"] = f"stop:{stop.position}"
        feature["properties"].update(
            {
                "position": stop.position,
                "day": stop.day,
                "note_zh": stop.note_zh,
                "note_en": stop.note_en,
                "optional": stop.is_optional,
            }
        )
        features.append(feature)
        if feature["geometry"]:
            point = feature["geometry"]["coordinates"]
            # A day's line starts where the previous day ended (the night's stay).
            if stop.day not in lines and last_point is not None:
                lines[stop.day] = [last_point]
            lines.setdefault(stop.day, []).append(point)
            last_point = point
    for day, coordinates in sorted(lines.items()):
        if len(coordinates) >= 2:
            features.append(
                {
                    "type": "Feature",
                    "id": f"day:{day}",
                    "geometry": {"type": "LineString", "coordinates": coordinates},
                    "properties": {"kind": "route-line", "day": day, "route": route.slug},
                }
            )
    return {"type": "FeatureCollection", "features": features}


def place_feature(place, day: dt.date | None = None) -> dict:
    """One place; a spot's hours are those in force on `day` (periods best prefetched)."""
    periods = list(place.periods.all()) if place.kind == "spot" and day else ()
    return _feature(place.kind, _place_row(place), place.get_absolute_url(), periods, day)


def _place_row(place) -> dict:
    row = {field: getattr(place, field) for field in COMMON_FIELDS}
    for field in KIND_FIELDS.get(place.kind, ()):
        row[field] = getattr(place, field)
    return row
