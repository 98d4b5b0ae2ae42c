"""Turn the researched dataset (../shared/data/huairou.json) into a Django fixture.

Only values the dataset holds are copied; nothing is invented. Every record gets
the dataset's sources, confidence, and its compilation date as `last_verified`.
"""

from typing import Any

SECTION_MODELS = {
    "scenic_spots": "planner.scenicspot",
    "homestays": "planner.homestay",
    "cafes": "planner.villagecafe",
    "villages": "planner.village",
    "points_of_interest": "planner.pointofinterest",
    "start_points": "planner.startpoint",
}

# The dataset's stop kinds map to RouteStop's target fields one to one.
STOP_KINDS = {"spot", "homestay", "cafe", "village", "poi"}


def _text(value) -> str:
    return "" if value is None else str(value)


def _time(value) -> str | None:
    return f"{value}:00" if value else None


def _town_names(data: dict) -> dict[str, str]:
    """Chinese → English town names, learned from the records that carry both."""
    names = {}
    for section in ("scenic_spots", "villages"):
        for record in data[section]:
            if record.get("town_zh") and record.get("town_en"):
                names[record["town_zh"]] = record["town_en"]
    return names


def _common(record: dict, towns: dict[str, str], verified: str) -> dict[str, Any]:
    town_zh = _text(record.get("town_zh"))
    return {
        "slug": record["slug"],
        "name_zh": _text(record.get("name_zh")),
        "name_en": _text(record.get("name_en")),
        "town_zh": town_zh,
        "town_en": _text(record.get("town_en")) or towns.get(town_zh, ""),
        "village_zh": _text(record.get("village_zh")),
        "address_zh": _text(record.get("address_zh")),
        "latitude": None if record.get("lat") is None else f"{record['lat']:.6f}",
        "longitude": None if record.get("lng") is None else f"{record['lng']:.6f}",
        "coord_confidence": _text(record.get("coord_confidence")),
        "coord_note": _text(record.get("coord_note")),
        "phone": _text(record.get("phone")),
        "description_zh": _text(record.get("description_zh")),
        "description_en": _text(record.get("description_en")),
        "notes": record.get("notes") or [],
        "sources": record.get("sources") or [],
        "confidence": record.get("confidence") or "M",
        "last_verified": verified,
        "is_published": True,
    }


def _spot(record: dict) -> dict[str, Any]:
    return {
        "rating": _text(record.get("rating")),
        "rating_confirmed": bool(record.get("rating_confirmed")),
        "price_cny_min": record.get("ticket_cny"),
        "price_cny_max": record.get("ticket_cny"),
        "price_note": _text(record.get("ticket_note")),
        "price_as_of": _text(record.get("ticket_as_of")),
        "opens": _time(record.get("opens")),
        "closes": _time(record.get("closes")),
        "last_entry": _time(record.get("last_entry")),
        "hours_note": _text(record.get("hours_note")),
        "visit_minutes": record.get("visit_minutes"),
        "visit_note": _text(record.get("visit_note")),
        "best_months": record.get("best_months") or [],
        "seasons": record.get("seasons") or [],
        "tags": record.get("tags") or [],
        "highlights": record.get("highlights") or [],
    }


def _lodging_or_cafe(record: dict) -> dict[str, Any]:
    return {
        "type": record.get("type") or "",
        "price_cny_min": record.get("price_cny_min"),
        "price_cny_max": record.get("price_cny_max"),
        "price_note": _text(record.get("price_note")),
        "price_as_of": _text(record.get("price_as_of")),
        "season_note": _text(record.get("season_note")),
        "hours_note": _text(record.get("hours_note")),
    }


def _homestay(record: dict) -> dict[str, Any]:
    return {**_lodging_or_cafe(record), "rooms": record.get("rooms")}


def _village(record: dict) -> dict[str, Any]:
    return {"facts": record.get("facts") or [], "related": record.get("related") or []}


def _poi(record: dict) -> dict[str, Any]:
    parent = record.get("parent_spot")
    return {
        "category": _text(record.get("category")),
        "parent_spot": [parent] if parent else None,
        "facts": record.get("facts") or [],
    }


def _start_point(record: dict) -> dict[str, Any]:
    return {
        "type": record["kind"],
        "lines": record.get("lines") or [],
        "connections": record.get("connections") or [],
        "price_cny_min": record.get("fare_cny"),
        "price_cny_max": record.get("fare_cny"),
        "price_note": _text(record.get("fare_note")),
        "price_as_of": _text(record.get("fare_as_of")),
        "first_departure": _time(record.get("first_departure")),
        "last_departure": _time(record.get("last_departure")),
        "facts": record.get("facts") or [],
    }


SECTION_FIELDS = {
    "scenic_spots": _spot,
    "homestays": _homestay,
    "cafes": _lodging_or_cafe,
    "villages": _village,
    "points_of_interest": _poi,
    "start_points": _start_point,
}


def _route_objects(route: dict, verified: str) -> list[dict]:
    objects = [
        {
            "model": "planner.seasonalroute",
            "fields": {
                "slug": route["slug"],
                "title_zh": route["title_zh"],
                "title_en": _text(route.get("title_en")),
                "theme_zh": _text(route.get("theme_zh")),
                "theme_source": _text(route.get("theme_source")),
                "theme_confidence": _text(route.get("theme_confidence")),
                "months": route.get("months") or [],
                "days": route.get("days") or 1,
                "status": _text(route.get("status")),
                "based_on": _text(route.get("based_on")),
                "sources": route.get("sources") or [],
                "last_verified": verified,
                "is_published": True,
            },
        }
    ]
    for position, stop in enumerate(route["stops"], start=1):
        if stop["kind"] not in STOP_KINDS:
            raise ValueError(f"route {route['slug']}: unknown stop kind {stop['kind']!r}")
        objects.append(
            {
                "model": "planner.routestop",
                "fields": {
                    "route": [route["slug"]],
                    "position": position,
                    "day": stop.get("day") or 1,
                    stop["kind"]: [stop["slug"]],
                    "note_zh": _text(stop.get("note_zh")),
                    "note_en": _text(stop.get("note_en")),
                    "is_optional": bool(stop.get("optional")),
                    "alternatives": stop.get("alternatives") or [],
                },
            }
        )
    return objects


def build_fixture(data: dict) -> list[dict]:
    """The whole dataset as a natural-key fixture (no primary keys, so loading is idempotent)."""
    verified = data["meta"]["generated"]
    towns = _town_names(data)
    objects = []
    for section, model in SECTION_MODELS.items():
        extra = SECTION_FIELDS[section]
        for record in data[section]:
            fields = {**_common(record, towns, verified), **extra(record)}
            objects.append({"model": model, "fields": fields})
    for route in data["seasonal_routes"]:
        objects.extend(_route_objects(route, verified))
    return objects
