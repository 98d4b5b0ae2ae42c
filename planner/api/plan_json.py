"""The engine's Plan as the JSON the API documents (and the pages and exporters reuse)."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from planner.geo import to_gcj02
from planner.planning import DayPlan, Leg, PlaceInfo, Plan, PlannedStop, PlanWarning, Unplaced


def _names(p, key="slugs"):
    return ", ".join(p.get("names", p.get(key, [])))


def _cut_short(params: dict) -> str:
    if params.get("by") == "sunset":
        return _(
            "%(name)s: sunset at %(closes)s, so the visit is %(minutes)s minutes; "
            "start earlier for longer."
        )
    return _("%(name)s closes at %(closes)s: the visit is shorter.")


UNPLACED_TEXT = {
    "add_day": lambda p: _("%(name)s does not fit the days of this trip: add a day.") % p,
    "drop_other": lambda p: _("%(name)s does not fit: drop %(other)s to make room.") % p,
    "start_earlier": lambda p: _("%(name)s does not fit: start earlier (from 07:00).") % p,
    "closed_that_day": lambda p: _("%(name)s is closed on the days of this trip.") % p,
}

WARNING_TEXT = {
    "hours_assumed": lambda p, name: (
        _("%(name)s: opening hours unknown, assumed %(opens)s–%(closes)s; check before you go.")
        % {"name": name, **p}
    ),
    "closed_that_day": lambda p, name: (
        _("%(name)s is closed on %(date)s, so it is not planned that day.") % {"name": name, **p}
    ),
    "visit_cut_short": lambda p, name: _cut_short(p) % {"name": name, **p},
    "season_hint": lambda p, name: (
        _("Best seen in other months: %(names)s.") % {"names": _names(p)}
    ),
    "holiday_peak": lambda p, name: (
        _("%(dates)s: public holiday (%(holiday)s). Go early, book ahead, expect queues.")
        % {"holiday": p.get("holiday"), "dates": ", ".join(p.get("dates", []))}
    ),
    "long_leg": lambda p, name: (
        _("The way to %(name)s takes about %(minutes)s minutes: plan a rest on the way.")
        % {"name": name, **p}
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
        "No published stay of this kind was found; choose a stay yourself."
    ),
    "stay_over_budget": lambda p, name: (
        _(
            "%(name)s costs ¥%(price_cny)s a night, over your budget of ¥%(budget)s; nothing "
            "within it is near the route."
        )
        % {"name": name, **p}
    ),
    "stay_price_unknown": lambda p, name: (
        _("%(name)s: the price is not published; ask when you book.") % {"name": name}
    ),
    "unplaced": lambda p, name: UNPLACED_TEXT.get(p.get("suggestion"), UNPLACED_TEXT["add_day"])(
        {"name": name, "other": p.get("other_name") or ""}
    ),
    "last_departure": lambda p, name: _("The last connection home leaves at %(time)s.") % p,
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
        "lunch_at": stop.lunch_at.strftime("%H:%M") if stop.lunch_at else None,
        "lunch_on_the_way": stop.note == "on_the_way",
        "sunset": stop.sunset.strftime("%H:%M") if stop.sunset else None,
        "hours_assumed": stop.hours_assumed,
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
    }


def lodging_json(place: PlaceInfo | None) -> dict | None:
    if place is None:
        return None
    return {
        **place_json(place),
        "price_cny_min": place.price_cny_min,
        "price_cny_max": place.price_cny_max,
        "lodging_kind": place.lodging_kind or "homestay",
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
        "leave": day.leave.strftime("%H:%M") if day.leave else None,
        "back": day.back.strftime("%H:%M") if day.back else None,
        "km": round(day.km, 1),
        "travel_minutes": day.travel_minutes,
    }


def warning_json(warning: PlanWarning, names: dict[str, str], language: str) -> dict:
    name = names.get(warning.slug or "", warning.slug or "")
    params = dict(warning.params)
    if params.get("other"):
        params["other_name"] = names.get(params["other"], params["other"])
    if "slugs" in params:
        params["names"] = [names.get(slug, slug) for slug in params["slugs"]]
    render = WARNING_TEXT.get(warning.code)
    return {
        "code": str(warning.code),
        "slug": warning.slug,
        "day": warning.day,
        "params": warning.params,
        "message": render(params, name) if render else str(warning.code),
    }


def unplaced_json(item: Unplaced, language: str) -> dict:
    return {
        **place_json(item.place),
        "name": display_name(item.place, language),
        "reason": item.reason,
        "suggestion": item.suggestion,
        "other": item.other,
    }


def plan_json(plan: Plan, unmapped=(), language: str = "zh-hans") -> dict:
    places = [plan.request.start, *plan.request.stops]
    places += [stop.place for day in plan.days for stop in day.stops]
    places += [day.overnight for day in plan.days if day.overnight]
    names = {place.slug: display_name(place, language) for place in places}
    warnings = [warning_json(w, names, language) for w in plan.warnings]
    for place in unmapped:
        names[place.slug] = place.name
        missing = PlanWarning(code="not_mapped", slug=place.slug)
        warnings.append(warning_json(missing, names, language))
    totals = plan.totals
    return {
        "days": [day_json(day) for day in plan.days],
        "totals": {
            "km": totals.km,
            "travel_minutes": totals.travel_minutes,
            "tickets_cny": totals.tickets_cny,
            "lodging_cny": totals.lodging_cny,
            "unknown_prices": {
                "tickets": totals.unknown_ticket_prices,
                "lodging": totals.unknown_lodging_prices,
            },
        },
        "warnings": warnings,
        "unplaced": [unplaced_json(item, language) for item in plan.unplaced],
    }
