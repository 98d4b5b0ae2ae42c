"""Validation of plan and itinerary request bodies: every problem named, field by field."""

import datetime as dt
import json
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from planner.geo.extent import BEIJING_EXTENT, inside
from planner.models import SeasonalRoute
from planner.planning import Kind, Pace, PlaceInfo, PlanRequest, Transport
from planner.planning import parameters as engine_parameters
from planner.planning.calendar import coming_saturday
from planner.planning.types import LodgingKind
from planner.trips.adapter import find_homestay, find_start, find_stops, place_info
from planner.untrusted import json_problem

MAX_BODY_BYTES = 32 * 1024
MAX_STOPS = 15
MAX_DAYS = engine_parameters.MAX_TRIP_DAYS
MAX_TITLE = 120
MAX_SLUG = 80
MAX_YEARS_AHEAD = 10
# A start given as coordinates: it has no page of its own.
CUSTOM_START_SLUG = "custom-start"
FIELDS = {
    "start", "date", "days", "transport", "pace", "stops", "route", "homestay",
    "budget_per_night", "optimize", "locked", "lunch", "title", "version",
    "day_start", "day_end", "lodging_kind",
}  # fmt: skip
EARLIEST_DAY_START = dt.time(*engine_parameters.EARLIEST_DAY_START)
LATEST_DAY_START = dt.time(*engine_parameters.LATEST_DAY_START)
EARLIEST_DAY_END = dt.time(*engine_parameters.EARLIEST_DAY_END)
LATEST_DAY_END = dt.time(*engine_parameters.LATEST_DAY_END)
# What each field is called in a message a visitor may read (the key stays the JSON field).
LABELS = {
    "start": gettext_lazy("The start point"),
    "date": gettext_lazy("The first day"),
    "days": gettext_lazy("The number of days"),
    "transport": gettext_lazy("The way of travel"),
    "pace": gettext_lazy("The pace"),
    "stops": gettext_lazy("The places"),
    "locked": gettext_lazy("The places kept in place"),
    "optimize": gettext_lazy("“Optimise order”"),
    "lunch": gettext_lazy("“Plan lunch”"),
    "budget_per_night": gettext_lazy("The budget per night"),
    "title": gettext_lazy("The title"),
    "day_start": gettext_lazy("The time to leave"),
    "day_end": gettext_lazy("The time to be back"),
    "lodging_kind": gettext_lazy("The kind of stay"),
}


def too_many_stops(count: int) -> str:
    return _("A plan holds at most %(limit)s stops; this one has %(n)s.") % {
        "limit": MAX_STOPS, "n": count,
    }  # fmt: skip


class InvalidRequest(Exception):
    """Bad input from a client: answered with 400 and the reasons, field by field."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.errors = errors


@dataclass
class ValidatedPlan:
    request: PlanRequest
    title: str = ""
    unmapped: list[object] = field(default_factory=list)  # stops we cannot place on a map
    normalized: dict = field(default_factory=dict)


def parse_body(body: bytes) -> dict:
    if len(body) > MAX_BODY_BYTES:
        raise InvalidRequest({"body": [f"The request body is larger than {MAX_BODY_BYTES} bytes."]})
    try:
        data = json.loads(body.decode("utf-8") or "null")
    except UnicodeDecodeError:
        raise InvalidRequest({"body": ["The request body is not valid JSON (UTF-8)."]}) from None
    except RecursionError:
        raise InvalidRequest({"body": ["The request body is nested too deeply."]}) from None
    except ValueError:  # JSONDecodeError, or an integer past Python's 4,300-digit limit
        raise InvalidRequest({"body": ["The request body is not valid JSON."]}) from None
    if not isinstance(data, dict):
        raise InvalidRequest({"body": ["The request body must be a JSON object."]})
    problem = json_problem(data)
    if problem:
        raise InvalidRequest({"body": [problem]})
    return data


class _Checker:
    def __init__(self, data: dict):
        self.data = data
        self.errors: dict[str, list[str]] = {}

    def error(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)

    def invalid(self, name: str, message: str, **values) -> None:
        """`message` names the field by its label (%(field)s) in the visitor's language."""
        self.error(name, message % {"field": LABELS[name], **values})

    def choice(self, name, options, default):
        value = self.data.get(name, default)
        if value not in options:
            self.invalid(name, _("%(field)s must be one of: %(options)s."),
                         options=", ".join(option or '""' for option in options))  # fmt: skip
            return default
        return value

    def boolean(self, name, default):
        value = self.data.get(name, default)
        if not isinstance(value, bool):
            self.invalid(name, _("%(field)s must be true or false."))
            return default
        return value

    def integer(self, name, default, low, high):
        value = self.data.get(name, default)
        if value is None and default is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.invalid(name, _("%(field)s must be a whole number from %(low)s to %(high)s."),
                         low=low, high=high)  # fmt: skip
            return default
        return value

    def slug_list(self, name, limit):
        value = self.data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.invalid(name, _("%(field)s must be a list of place slugs (strings)."))
            return []
        if len(value) > limit:
            self.error(name, too_many_stops(len(value)))
            return value[:limit]
        too_long = [item for item in value if len(item) > MAX_SLUG or not item]
        if too_long:
            self.error(name, _("Place slugs must have 1 to %(n)s characters.") % {"n": MAX_SLUG})
            return []
        repeated = sorted({item for item in value if value.count(item) > 1})
        if repeated:
            self.error(
                name, _("Listed more than once: %(slugs)s.") % {"slugs": ", ".join(repeated)}
            )
        return list(dict.fromkeys(value))

    def clock(self, name, default: dt.time, low: dt.time, high: dt.time) -> dt.time:
        value = self.data.get(name)
        if value is None:
            return default
        try:
            if not isinstance(value, str) or len(value) != 5:
                raise ValueError
            parsed = dt.time.fromisoformat(value)
        except ValueError:
            parsed = None
        if parsed is None or not low <= parsed <= high:
            message = _("%(field)s must be a time such as 09:30, from %(low)s to %(high)s.")
            self.invalid(name, message, low=f"{low:%H:%M}", high=f"{high:%H:%M}")
            return default
        return parsed

    def text(self, name, limit):
        value = self.data.get(name, "")
        if not isinstance(value, str) or len(value) > limit:
            self.invalid(name, _("%(field)s must be text of at most %(n)s characters."), n=limit)
            return ""
        return value.strip()


def today() -> dt.date:
    """Today in Huairou."""
    return timezone.localdate()


def now() -> dt.datetime:
    """The time in Huairou now."""
    return timezone.localtime()


def earliest_first_day() -> dt.date:
    """The earliest first day a plan may have (computed or saved): today while a day can
    still start (until the latest leaving time), else tomorrow."""
    current, day = now(), today()
    if current.date() == day and current.time() > LATEST_DAY_START:
        return day + dt.timedelta(days=1)
    return day


def latest_first_day() -> dt.date:
    return today() + dt.timedelta(days=MAX_YEARS_AHEAD * 365)


def _parse_date(checker: _Checker) -> dt.date:
    """The first day: today or later (a plan for a day gone by can be neither shown nor
    saved; nor a day that can no longer start), at most MAX_YEARS_AHEAD years ahead."""
    value = checker.data.get("date")
    if value is None:
        return coming_saturday(earliest_first_day())
    try:
        if not isinstance(value, str):
            raise ValueError
        date = dt.date.fromisoformat(value)
    except ValueError:
        checker.invalid("date", _("%(field)s must be a date written like 2026-12-05."))
        return coming_saturday(earliest_first_day())
    if date < today():
        checker.error("date", _("The first day is in the past: choose today or a later date."))
    elif date < earliest_first_day():
        message = _("It is too late to start a day out today: choose tomorrow or a later date.")
        checker.error("date", message)
    elif date > latest_first_day():
        message = _("%(field)s can be at most %(years)s years ahead (until %(latest)s).")
        checker.invalid("date", message, years=MAX_YEARS_AHEAD, latest=latest_first_day())
    return date


def _parse_start(checker: _Checker) -> PlaceInfo | None:
    value = checker.data.get("start", "dongzhimen")
    if isinstance(value, str):
        start = find_start(value) if len(value) <= MAX_SLUG else None
        if start is None:
            checker.error(
                "start", _("Unknown start point “%(slug)s”.") % {"slug": value[:MAX_SLUG]}
            )
            return None
        return place_info(start)
    if isinstance(value, dict):
        lat, lng, name = value.get("lat"), value.get("lng"), value.get("name", "")
        numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (lat, lng))
        if not numbers:
            checker.error("start", _("A custom start needs numeric lat and lng."))
            return None
        if not inside(BEIJING_EXTENT, lat, lng):
            checker.error("start", _("A custom start must lie in Beijing (WGS-84 lat/lng)."))
            return None
        if not isinstance(name, str) or len(name) > 100:
            checker.error("start", _("The start's name must be text of at most 100 characters."))
            return None
        label = name.strip() or "Start"
        return PlaceInfo(slug=CUSTOM_START_SLUG, kind=Kind.START, name_zh=label, name_en=label,
                         lat=float(lat), lng=float(lng))  # fmt: skip
    checker.invalid("start", _("%(field)s must be a start-point slug or {lat, lng, name}."))
    return None


def _route_stops(checker: _Checker) -> tuple[str, list[str], dict[str, int]]:
    slug = checker.data.get("route")
    if slug is None:
        return "", [], {}
    route = (
        SeasonalRoute.objects.filter(slug=slug, is_published=True).first()
        if isinstance(slug, str)
        else None
    )
    if route is None:
        checker.error("route", _("Unknown seasonal route “%(slug)s”.") % {"slug": str(slug)[:20]})
        return "", [], {}
    # A place an editor has since unpublished drops out of the route, rather than making a
    # seasonal route unplannable ("Unknown place") and its print sheet answer 500.
    stops = [stop for stop in route.stops.with_places() if stop.target.is_published]
    slugs = [stop.target.slug for stop in stops if not stop.is_optional]
    return route.slug, slugs, {stop.target.slug: stop.day for stop in stops}


def validate_plan(data: dict) -> ValidatedPlan:
    checker = _Checker(data)
    unknown = sorted(set(data) - FIELDS)
    if unknown:
        checker.error("body", _("Unknown field %(names)s.") % {"names": ", ".join(unknown)})
    start = _parse_start(checker)
    date = _parse_date(checker)
    days = checker.integer("days", 1, 1, MAX_DAYS)
    transport = checker.choice("transport", [t.value for t in Transport], "car")
    pace = checker.choice("pace", [p.value for p in Pace], "normal")
    stop_slugs = checker.slug_list("stops", MAX_STOPS)
    locked = checker.slug_list("locked", MAX_STOPS)
    optimize = checker.boolean("optimize", True)
    lunch = checker.boolean("lunch", True)
    budget = checker.integer("budget_per_night", None, 1, 100_000)
    title = checker.text("title", MAX_TITLE)
    day_start = checker.clock(
        "day_start", dt.time(*engine_parameters.DEFAULT_DAY_START), EARLIEST_DAY_START,
        LATEST_DAY_START,
    )  # fmt: skip
    day_end = checker.clock(
        "day_end", dt.time(*engine_parameters.DEFAULT_DAY_END), EARLIEST_DAY_END, LATEST_DAY_END
    )
    lodging_kind = checker.choice("lodging_kind", ["", *[k.value for k in LodgingKind]], "")
    route_slug, route_slugs, route_days = _route_stops(checker)
    if route_slug and "stops" not in data:
        stop_slugs = route_slugs
    found = find_stops(stop_slugs)
    unknown_stops = [slug for slug in stop_slugs if slug not in found]
    if unknown_stops:
        checker.error("stops", _("Unknown place: %(slugs)s.") % {"slugs": ", ".join(unknown_stops)})
    stray = [slug for slug in locked if slug not in stop_slugs]
    if stray:
        message = _("Places kept in place must be among the stops: %(slugs)s.")
        checker.error("locked", message % {"slugs": ", ".join(stray)})
    homestay = None
    if data.get("homestay") is not None:
        value = data["homestay"]
        place = find_homestay(value) if isinstance(value, str) and len(value) <= MAX_SLUG else None
        if place is None or not place.is_mapped:
            message = _("Unknown or unmapped homestay “%(slug)s”.")
            checker.error("homestay", message % {"slug": str(value)[:MAX_SLUG]})
        else:
            homestay = place_info(place)
    if checker.errors:
        raise InvalidRequest(checker.errors)
    places = [found[slug] for slug in stop_slugs]
    mapped = [place for place in places if place.is_mapped]
    before = {place.slug for place in mapped}
    if days > 1:
        # On a multi-day trip a homestay among the stops is where the visitor sleeps; the
        # night's stay is slept at, not visited, whether chosen as such or listed as a stop
        # (a saved plan comes back to the builder with both).
        stays = [place for place in mapped if place.kind == "homestay"]
        if homestay is None and stays:
            homestay = place_info(stays[0])
        if homestay is not None:
            mapped = [place for place in mapped if place.slug != homestay.slug]
    elif route_slug and "stops" not in data:
        # A one-day trip has no night: the route's stay is left out, not visited at dusk.
        mapped = [place for place in mapped if place.kind != "homestay"]
    # The request as planned: a stay is the night (`homestay`), not one of the stops.
    left_out = before - {place.slug for place in mapped}
    stop_slugs = [slug for slug in stop_slugs if slug not in left_out]
    request = PlanRequest(
        start=start,
        date=date,
        stops=tuple(place_info(place) for place in mapped),
        days=days,
        transport=Transport(transport),
        pace=Pace(pace),
        optimize=optimize,
        locked=frozenset(locked),
        lunch=lunch,
        homestay=homestay,
        budget_per_night=budget,
        preferred_days=route_days if route_slug else {},
        day_start=day_start,
        day_end=day_end,
        lodging_kind=lodging_kind,
    )
    normalized = {
        "start": data.get("start", "dongzhimen"),
        "date": date.isoformat(),
        "days": days,
        "transport": transport,
        "pace": pace,
        "stops": stop_slugs,
        "route": route_slug or None,
        "homestay": homestay.slug if homestay else None,
        "budget_per_night": budget,
        "optimize": optimize,
        "locked": locked,
        "lunch": lunch,
        "day_start": day_start.strftime("%H:%M"),
        "day_end": day_end.strftime("%H:%M"),
        "lodging_kind": lodging_kind,
    }
    return ValidatedPlan(
        request=request,
        title=title,
        unmapped=[place for place in places if not place.is_mapped],
        normalized=normalized,
    )
