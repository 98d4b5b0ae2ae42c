"""Validation of the map's query parameters: one place, clear reasons."""

import math
from dataclasses import dataclass

from planner.caching.content_version import content_version
from planner.geo.towns import TOWNS_ZH
from planner.models import PLACE_MODEL_BY_KIND, PLACE_MODELS, Rating, ScenicSpot
from planner.trips.requests import InvalidRequest

KINDS = tuple(PLACE_MODEL_BY_KIND)
RATINGS = tuple(Rating.values)


@dataclass(frozen=True)
class PlaceFilters:
    kinds: tuple[str, ...] = KINDS
    month: int | None = None
    tag: str | None = None
    ratings: tuple[str, ...] = ()
    town: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lng, min_lat, max_lng, max_lat
    zoom: int | None = None  # the map's zoom: with bbox, allows aggregation when dense
    unmapped: bool = False  # also list places without a location (they have no geometry)

    def cache_key(self) -> str:
        return repr(self)


# Every distinct answer is cached for an hour, so free text would let one client fill the
# cache: tags and towns must be ones the data uses, and a bbox is widened to a grid.
BBOX_GRID_DEGREES = 0.05  # without zoom; with zoom, a quarter of a map tile
MIN_GRID_DEGREES = 0.01


def _vocabulary_now() -> dict[str, dict[str, str]]:
    tags = {tag for row in ScenicSpot.objects.published().values_list("tags", flat=True)
            for tag in (row or ()) if isinstance(tag, str)}  # fmt: skip
    towns = {town: town for town in TOWNS_ZH}
    for model in PLACE_MODELS:
        for town_zh, town_en in model.objects.published().values_list("town_zh", "town_en"):
            if town_zh:
                towns[town_zh] = town_zh
            if town_en:
                towns[town_en.casefold()] = town_en
    return {"tag": {tag: tag for tag in tags}, "town": towns}


_vocabulary: dict[int, dict[str, dict[str, str]]] = {}


def vocabulary() -> dict[str, dict[str, str]]:
    """Known tags and towns (value as typed, folded for English town names -> canonical),
    per content version and process."""
    version = content_version()
    if version not in _vocabulary:
        _vocabulary.clear()
        _vocabulary[version] = _vocabulary_now()
    return _vocabulary[version]


def _known(name: str, raw: str, errors: dict) -> str | None:
    text = raw.strip()
    known = vocabulary()[name]
    value = known.get(text) or known.get(text.casefold())
    if value is None:
        errors[name] = [f"Unknown {name} {text[:40]!r}."]
    return value


def _snap(bbox, zoom: int | None):
    """Widen the box outwards to a grid, so nearby views share one cache entry."""
    cell = BBOX_GRID_DEGREES if zoom is None else max(MIN_GRID_DEGREES, 360 / 2**zoom / 4)
    min_lng, min_lat, max_lng, max_lat = bbox

    def down(value, low):
        return max(low, round(math.floor(value / cell + 1e-9) * cell, 6))

    def up(value, high):
        return min(high, round(math.ceil(value / cell - 1e-9) * cell, 6))

    return (down(min_lng, -180), down(min_lat, -90), up(max_lng, 180), up(max_lat, 90))


def _csv(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _parse_kinds(raw: str, errors: dict) -> tuple[str, ...]:
    kinds = _csv(raw)
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown or not kinds:
        errors["kind"] = [
            f"Unknown kind {', '.join(unknown) or '(empty)'}; use any of: {', '.join(KINDS)}."
        ]
        return KINDS
    return tuple(kinds)


def _parse_month(raw: str, errors: dict) -> int | None:
    # isdecimal alone accepts other scripts' digits; int() must read it too.
    if len(raw) <= 2 and raw.isascii() and raw.isdecimal() and 1 <= int(raw) <= 12:
        return int(raw)
    errors["month"] = [f"Month must be a whole number from 1 to 12, not {raw!r}."]
    return None


def _parse_ratings(raw: str, errors: dict) -> tuple[str, ...]:
    ratings = [rating.upper() for rating in _csv(raw)]
    unknown = [rating for rating in ratings if rating not in RATINGS]
    if unknown or not ratings:
        errors["rating"] = [f"Unknown rating {raw!r}; use any of: {', '.join(RATINGS)}."]
        return ()
    return tuple(ratings)


def _parse_text(name: str, raw: str, limit: int, errors: dict) -> str:
    text = raw.strip()
    if len(text) > limit:
        errors[name] = [f"{name} is at most {limit} characters."]
    return text


def _parse_bbox(raw: str, errors: dict) -> tuple[float, float, float, float] | None:
    parts = raw.split(",")
    try:
        min_lng, min_lat, max_lng, max_lat = (float(part) for part in parts)
    except ValueError:
        errors["bbox"] = ["bbox must be four numbers: minLng,minLat,maxLng,maxLat."]
        return None
    if not (-180 <= min_lng <= 180 and -180 <= max_lng <= 180):
        errors["bbox"] = ["bbox longitudes must lie between -180 and 180."]
    elif not (-90 <= min_lat <= 90 and -90 <= max_lat <= 90):
        errors["bbox"] = ["bbox latitudes must lie between -90 and 90."]
    elif min_lng >= max_lng or min_lat >= max_lat:
        errors["bbox"] = ["bbox must be minLng,minLat,maxLng,maxLat with min below max."]
    else:
        return (min_lng, min_lat, max_lng, max_lat)
    return None


def parse_place_filters(query) -> PlaceFilters:
    """Read `kind`, `month`, `tag`, `rating`, `town`, `bbox` from a QueryDict."""
    errors: dict[str, list[str]] = {}
    if any("\x00" in value for values in query.lists() for value in values[1]):
        raise InvalidRequest({"query": ["Parameters must not contain NUL characters."]})
    known = {"kind", "month", "tag", "rating", "town", "bbox", "zoom", "unmapped"}
    unknown = sorted(set(query) - known)
    if unknown:
        errors["query"] = [
            f"Unknown parameter {', '.join(unknown)}; use {', '.join(sorted(known))}."
        ]
    values = {}
    if query.get("kind"):
        values["kinds"] = _parse_kinds(query["kind"], errors)
    if query.get("month"):
        values["month"] = _parse_month(query["month"].strip(), errors)
    for name, limit in (("tag", 40), ("town", 100)):
        if query.get(name):
            text = _parse_text(name, query[name], limit, errors)
            if name not in errors:
                values[name] = _known(name, text, errors)
    if query.get("rating"):
        values["ratings"] = _parse_ratings(query["rating"], errors)
    if query.get("bbox"):
        values["bbox"] = _parse_bbox(query["bbox"], errors)
    if query.get("zoom"):
        raw = query["zoom"].strip()
        if len(raw) <= 2 and raw.isascii() and raw.isdecimal() and 0 <= int(raw) <= 20:
            values["zoom"] = int(raw)
        else:
            errors["zoom"] = ["zoom must be a whole number from 0 to 20."]
    if query.get("unmapped"):
        if query["unmapped"] not in {"0", "1"}:
            errors["unmapped"] = ["unmapped must be 0 or 1."]
        values["unmapped"] = query["unmapped"] == "1"
    if errors:
        raise InvalidRequest(errors)
    if values.get("bbox"):
        values["bbox"] = _snap(values["bbox"], values.get("zoom"))
    return PlaceFilters(**values)
