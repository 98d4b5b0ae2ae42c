"""The engine's Plan as the JSON the API documents (and the pages and exporters reuse)."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from planner.geo import to_gcj02
from planner.planning import DayPlan, Leg, PlaceInfo, Plan, PlannedStop, Warning

WARNING_TEXT = {
    "closed_on_arrival": lambda p, name: (
        _("%(name)s: arriving %(arrive)s, after last entry or closing (%(limit)s).")
        % {"name": name, **p}
    ),
    "visit_cut_short": lambda p, name: (
        _("%(name)s closes at %(closes)s: the visit is shorter.") % {"name": name, **p}
    ),
    "out_of_season": lambda p, name: (
        _("%(name)s is best in months %(months)s.")
        % {"name": name, "months": ", ".join(map(str, p.get("months", [])))}
    ),
    "day_overrun": lambda p, name: (
        _("This day ends at %(end)s, after 20:00: drop a stop, choose a faster pace or add a day.")
        % p
    ),
    "long_leg": lambda p, name: (
        _("The way to %(name)s takes about %(minutes)s minutes.") % {"name": name, **p}
    ),
    "transit_impractical": lambda p, name: (
        _("%(name)s is far from bus and rail: without a car, take a chartered taxi or drop it.")
        % {"name": name}
    ),
    "unverified_data": lambda p, name: (
        _("%(name)s: the facts or the rating are unconfirmed; check before you go.")
        % {"name": name}
    ),
    "no_lodging": lambda p, name: _(
        "No published homestay with a known price fits the budget; raise it or choose a stay."
    ),
    "not_mapped": lambda p, name: (
        _("%(name)s has no verified location yet, so it is not in the timetable.") % {"name": name}
    ),
}


def display_name(place: PlaceInfo, language: str) -> str:
    if language.startswith("zh"):
        return place.name_zh or place.name_en
    return place.name_en or place.name_zh


def place_url(place: PlaceInfo) -> str | None:
    try:
        return reverse(f"planner:{place.kind}-detail", args=[place.slug])
    except NoReverseMatch:
        return None


def place_json(place: PlaceInfo) -> dict:
    gcj_lat, gcj_lng = to_gcj02(place.lat, place.lng)
    return {
        "slug": place.slug,
        "kind": place.kind,
        "name_zh": place.name_zh,
        "name_en": place.name_en,
        "lat": round(place.lat, 6),
        "lng": round(place.lng, 6),
        "gcj02": [round(gcj_lng, 6), round(gcj_lat, 6)],
        "url": place_url(place) if place.slug != "custom-start" else None,
    }


def stop_json(stop: PlannedStop) -> dict:
    return {
        **place_json(stop.place),
        "arrive": stop.arrive.strftime("%H:%M"),
        "depart": stop.depart.strftime("%H:%M"),
        "ticket_cny": stop.place.ticket_cny,
        "suggested": stop.suggested,
        "role": stop.role,
        "wait_minutes": stop.wait_minutes,
        "lunch_here": stop.note == "lunch",
    }


def leg_json(leg: Leg) -> dict:
    return {
        "from": leg.origin.slug,
        "to": leg.destination.slug,
        "km": leg.km,
        "minutes": leg.minutes,
        "mode": leg.mode,
        "drive_minutes": leg.drive_minutes,
        "access_minutes": leg.access_minutes,
        "wait_minutes": leg.wait_minutes,
        "line": leg.line,
        "traffic": leg.traffic,
        "steps": [step_json(step) for step in leg.steps],
        "path": [list(point) for point in leg.path],
    }


def step_json(step) -> dict:
    return {
        "mode": step.mode,
        "line": step.line,
        "from": step.origin,
        "to": step.destination,
        "depart": step.depart or None,
        "arrive": step.arrive or None,
        "minutes": step.minutes,
        "wait_minutes": step.wait_minutes,
        "km": step.km,
    }


def lodging_json(place: PlaceInfo | None) -> dict | None:
    if place is None:
        return None
    return {
        **place_json(place),
        "price_cny_min": place.price_cny_min,
        "price_cny_max": place.price_cny_max,
    }


def day_json(day: DayPlan) -> dict:
    return {
        "number": day.number,
        "date": day.date.isoformat(),
        "start": place_json(day.start),
        "end": place_json(day.end),
        "stops": [stop_json(stop) for stop in day.stops],
        "legs": [leg_json(leg) for leg in day.legs],
        "overnight": lodging_json(day.overnight),
        "overnight_alternatives": [lodging_json(p) for p in day.overnight_alternatives],
        "lunch_break": day.lunch_break.strftime("%H:%M") if day.lunch_break else None,
        "km": round(day.km, 1),
        "travel_minutes": day.travel_minutes,
    }


def warning_json(warning: Warning, names: dict[str, str], language: str) -> dict:
    name = names.get(warning.slug or "", warning.slug or "")
    render = WARNING_TEXT.get(warning.code)
    message = render(warning.params, name) if render else warning.message
    return {"code": warning.code, "slug": warning.slug, "day": warning.day, "message": message}


def plan_json(plan: Plan, unmapped=(), language: str = "zh-hans") -> dict:
    places = [plan.request.start, *plan.request.stops]
    places += [stop.place for day in plan.days for stop in day.stops]
    places += [day.overnight for day in plan.days if day.overnight]
    names = {place.slug: display_name(place, language) for place in places}
    warnings = [warning_json(w, names, language) for w in plan.warnings]
    for place in unmapped:
        names[place.slug] = place.name
        missing = Warning(code="not_mapped", message="", slug=place.slug)
        warnings.append(warning_json(missing, names, language))
    totals = plan.totals
    return {
        "days": [day_json(day) for day in plan.days],
        "totals": {
            "km": totals.km,
            "travel_minutes": totals.travel_minutes,
            "tickets_cny": totals.tickets_cny,
            "lodging_cny": totals.lodging_cny,
        },
        "warnings": warnings,
    }
