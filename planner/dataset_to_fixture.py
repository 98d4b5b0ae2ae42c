"""Turn the researched dataset (data/huairou.json) into a Django fixture.

Only values the dataset holds are copied; nothing is invented. Every record gets its
sources as rows (title, URL, as-of), its confidence, and the dataset's compilation date as
`last_verified` unless the record carries its own.
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
# The field of Source / Highlight that points at a record of each section.
OWNER_FIELDS = {
    "scenic_spots": "spot",
    "homestays": "homestay",
    "cafes": "cafe",
    "villages": "village",
    "points_of_interest": "poi",
    "start_points": "start",
}

# The dataset's stop kinds map to RouteStop's target fields one to one.
STOP_KINDS = {"spot", "homestay", "cafe", "village", "poi"}


def _text(value) -> str:
    return "" if value is None else str(value)


def _time(value) -> str | None:
    return f"{value}:00" if value else None


def _texts(record: dict, *keys: str) -> dict[str, str]:
    """These fields under their own names, as text ("" where the dataset has none)."""
    return {key: _text(record.get(key)) for key in keys}


def _times(record: dict, *keys: str) -> dict[str, str | None]:
    """These "HH:MM" fields under their own names, as times (None where the dataset has none)."""
    return {key: _time(record.get(key)) for key in keys}


def _span(period: dict) -> tuple[tuple[int, int], tuple[int, int]]:
    """A period's first and last (month, day), from its "MM-DD" ends."""
    first, last = (tuple(map(int, period[key].split("-"))) for key in ("from", "to"))
    return first, last


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
        **_texts(record, "name_zh", "name_en"),
        "town_zh": town_zh,
        "town_en": _text(record.get("town_en")) or towns.get(town_zh, ""),
        **_texts(record, "village_zh", "address_zh"),
        "latitude": None if record.get("lat") is None else f"{record['lat']:.6f}",
        "longitude": None if record.get("lng") is None else f"{record['lng']:.6f}",
        **_texts(record, "coord_confidence", "coord_precision", "coord_note", "phone"),
        "closed_weekdays": record.get("closed_weekdays") or [],
        **_texts(record, "hours_note_zh", "hours_note_en", "description_zh", "description_en"),
        "notes": record.get("notes") or [],
        "confidence": record.get("confidence") or "M",
        "last_verified": record.get("last_verified") or verified,
        "is_published": record.get("published", True),
    }


def _periods_summary(record: dict) -> dict[str, Any]:
    """The all-year default hours and the ticket range, from the seasonal periods."""
    periods = record.get("periods") or []
    tickets = [p["ticket_cny"] for p in periods if p.get("ticket_cny") is not None]
    if not tickets and record.get("ticket_cny") is not None:
        tickets = [record["ticket_cny"]]
    open_periods = [p for p in periods if p.get("opens") and not p.get("closed")]
    longest = max(open_periods, key=_period_days, default={})
    return {
        "price_cny_min": min(tickets, default=None),
        "price_cny_max": max(tickets, default=None),
        **_times(longest, "opens", "closes", "last_entry"),
    }


def _period_days(period: dict) -> int:
    (m1, d1), (m2, d2) = _span(period)
    return ((m2 - m1) % 12) * 31 + (d2 - d1)


def _spot(record: dict) -> dict[str, Any]:
    return {
        "rating": _text(record.get("rating")),
        "rating_confirmed": bool(record.get("rating_confirmed")),
        **_periods_summary(record),
        "price_note_zh": _text(record.get("ticket_note_zh")),
        "price_note_en": _text(record.get("ticket_note_en")),
        "price_as_of": _text(record.get("ticket_as_of")),
        "visit_minutes": record.get("visit_minutes"),
        "visit_note": _text(record.get("visit_note")),
        "outdoor": record.get("outdoor", True),
        "best_months": record.get("best_months") or [],
        "seasons": record.get("seasons") or [],
        "tags": record.get("tags") or [],
    }


def _prices(record: dict) -> dict[str, Any]:
    return {
        "price_cny_min": record.get("price_cny_min"),
        "price_cny_max": record.get("price_cny_max"),
        **_texts(record, "price_note_zh", "price_note_en", "price_as_of"),
    }


def _lodging_or_cafe(record: dict) -> dict[str, Any]:
    return {
        "type": record.get("type") or "",
        **_prices(record),
        **_texts(record, "season_note_zh", "season_note_en"),
    }


def _homestay(record: dict) -> dict[str, Any]:
    return {**_lodging_or_cafe(record), "rooms": record.get("rooms")}


def _village(record: dict) -> dict[str, Any]:
    return {"related": record.get("related") or []}


def _poi(record: dict) -> dict[str, Any]:
    parent = record.get("parent_spot")
    return {
        "category": _text(record.get("category")),
        "parent_spot": [parent] if parent else None,
        **_prices(record),
        **_times(record, "opens", "closes"),
    }


def _start_point(record: dict) -> dict[str, Any]:
    return {
        "type": record["kind"],
        "lines": record.get("lines") or [],
        "connections": record.get("connections") or [],
        "price_cny_min": record.get("fare_cny"),
        "price_cny_max": record.get("fare_cny"),
        "price_note_zh": _text(record.get("fare_note_zh")),
        "price_note_en": _text(record.get("fare_note_en")),
        "price_as_of": _text(record.get("fare_as_of")),
        **_times(record, "first_departure", "last_departure"),
    }


SECTION_FIELDS = {
    "scenic_spots": _spot,
    "homestays": _homestay,
    "cafes": _lodging_or_cafe,
    "villages": _village,
    "points_of_interest": _poi,
    "start_points": _start_point,
}


def _source_objects(owner: str, slug: str, sources: list[dict]) -> list[dict]:
    return [
        {
            "model": "planner.source",
            "fields": {
                owner: [slug],
                "position": position,
                "title": source["title"],
                **_texts(source, "url", "as_of", "supports"),
                "editor_ref": _text(source.get("ref")),
            },
        }
        for position, source in enumerate(sources, start=1)
    ]


def _highlight_objects(owner: str, slug: str, highlights: list[dict]) -> list[dict]:
    objects = []
    for position, item in enumerate(highlights, start=1):
        source = item.get("source") or {}
        objects.append(
            {
                "model": "planner.highlight",
                "fields": {
                    owner: [slug],
                    "position": position,
                    "months": item.get("months") or [],
                    "text_zh": item["text_zh"],
                    "text_en": item["text_en"],
                    "source_title": _text(source.get("title")),
                    "source_url": _text(source.get("url")),
                    "source_as_of": _text(source.get("as_of")),
                },
            }
        )
    return objects


def _period_objects(slug: str, periods: list[dict]) -> list[dict]:
    objects = []
    for position, period in enumerate(periods, start=1):
        (start_month, start_day), (end_month, end_day) = _span(period)
        objects.append(
            {
                "model": "planner.openingperiod",
                "fields": {
                    "spot": [slug],
                    "position": position,
                    "start_month": start_month,
                    "start_day": start_day,
                    "end_month": end_month,
                    "end_day": end_day,
                    **_times(period, "opens", "closes", "last_entry"),
                    "closed": bool(period.get("closed")),
                    "reason": _text(period.get("reason")),
                    "ticket_cny": period.get("ticket_cny"),
                    **_texts(period, "note_zh", "note_en"),
                },
            }
        )
    return objects


def _route_objects(route: dict, verified: str) -> list[dict]:
    objects = [
        {
            "model": "planner.seasonalroute",
            "fields": {
                "slug": route["slug"],
                "title_zh": route["title_zh"],
                **_texts(route, "title_en", "theme_zh", "theme_en", "theme_confidence"),
                "months": route.get("months") or [],
                "days": route.get("days") or 1,
                **_texts(route, "summary_zh", "summary_en"),
                "notes": route.get("notes") or [],
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
                    **_texts(stop, "note_zh", "note_en"),
                    "is_optional": bool(stop.get("optional")),
                    "alternatives": stop.get("alternatives") or [],
                },
            }
        )
    sources = [route["theme_source"], *route.get("sources", [])]
    return objects + _source_objects("route", route["slug"], sources)


def build_fixture(data: dict) -> list[dict]:
    """The whole dataset as a natural-key fixture (no primary keys, so loading is idempotent)."""
    verified = data["meta"]["generated"]
    towns = _town_names(data)
    records, rows = [], []
    for section, model in SECTION_MODELS.items():
        extra, owner = SECTION_FIELDS[section], OWNER_FIELDS[section]
        for record in data[section]:
            fields = {**_common(record, towns, verified), **extra(record)}
            records.append({"model": model, "fields": fields})
            rows += _source_objects(owner, record["slug"], record.get("sources") or [])
            rows += _highlight_objects(owner, record["slug"], record.get("highlights") or [])
            if section == "scenic_spots":
                rows += _period_objects(record["slug"], record.get("periods") or [])
    for route in data["seasonal_routes"]:
        records.extend(_route_objects(route, verified))
    return records + rows
