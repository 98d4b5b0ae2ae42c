"""Where a plan's warnings show and what they say: the one home of both rules.

A plan (as JSON, fresh or saved) keeps its warnings as `{code, slug, day, params}`. When a
page, the API, the print sheet or the PDF shows a plan, `display_plan` places each warning
once — at a stop, on a day, or for the whole trip — and words it in the viewer's language.
"""

from collections.abc import Callable

from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from planner.planning.warnings import WarningCode

from .holidays_display import holiday_label
from .legs_display import day_travel, unknown_prices_text
from .words import listing


def _months(params: dict) -> str:
    return listing(params["months"])


def _cut_short(params: dict) -> str:
    if params.get("by") == "sunset":
        return _(
            "%(name)s: sunset at %(closes)s, so the visit is %(minutes)s minutes; "
            "start earlier for longer."
        )
    return _("%(name)s closes at %(closes)s: the visit is shorter.")


# What the visitor can do about a stop that fits no day (Unplaced.suggestion).
UNPLACED_TEXT: dict[str, Callable[[], str]] = {
    "add_day": lambda: _("%(name)s does not fit the days of this trip: add a day."),
    "drop_other": lambda: _("%(name)s does not fit: drop %(other)s to make room."),
    "start_earlier": lambda: _("%(name)s does not fit: start earlier (from 07:00)."),
    "closed_that_day": lambda: _("%(name)s is closed on the days of this trip."),
}

TEXT: dict[str, Callable[[dict, str], str]] = {
    WarningCode.CLOSED_ON_ARRIVAL: lambda p, name: (
        _("%(name)s: arriving %(arrive)s, after last entry or closing (%(limit)s).")
        % {"name": name, "arrive": p["arrive"], "limit": p["limit"]}
    ),
    WarningCode.VISIT_CUT_SHORT: lambda p, name: _cut_short(p) % {"name": name, **p},
    WarningCode.OUT_OF_SEASON: lambda p, name: (
        _("%(name)s is best in months %(months)s.") % {"name": name, "months": _months(p)}
    ),
    WarningCode.DAY_OVERRUN: lambda p, name: (
        _("This day ends at %(end)s, after 20:00: drop a stop, choose a faster pace or add a day.")
        % {"end": p["end"]}
    ),
    WarningCode.LONG_LEG: lambda p, name: (
        _("The way to %(name)s takes about %(minutes)s minutes: plan a rest on the way.")
        % {"name": name, "minutes": p["minutes"]}
    ),
    WarningCode.TRANSIT_IMPRACTICAL: lambda p, name: (
        _("%(name)s is far from bus and rail: without a car, take a chartered taxi or drop it.")
        % {"name": name}
    ),
    WarningCode.UNVERIFIED_DATA: lambda p, name: (
        _("%(name)s: the facts or the rating are unconfirmed; check before you go.")
        % {"name": name}
    ),
    WarningCode.NO_LODGING: lambda p, name: _(
        "No published stay of this kind was found; choose a stay yourself."
    ),
    WarningCode.HOURS_ASSUMED: lambda p, name: (
        _("%(name)s: opening hours unknown, assumed %(opens)s–%(closes)s; check before you go.")
        % {"name": name, "opens": p["opens"], "closes": p["closes"]}
    ),
    WarningCode.CLOSED_THAT_DAY: lambda p, name: (
        _("%(name)s is closed on %(date)s, so it is not planned that day.")
        % {"name": name, "date": p["date"]}
    ),
    WarningCode.SEASON_HINT: lambda p, name: (
        _("Best seen in other months: %(names)s.") % {"names": listing(p["names"])}
    ),
    WarningCode.HOLIDAY_PEAK: lambda p, name: (
        _("%(dates)s: public holiday (%(holiday)s). Go early, book ahead, expect queues.")
        % {"holiday": holiday_label(p["holiday"]), "dates": listing(p["dates"])}
    ),
    WarningCode.STAY_OVER_BUDGET: lambda p, name: (
        _(
            "%(name)s costs ¥%(price_cny)s a night, over your budget of ¥%(budget)s; nothing "
            "within it is near the route."
        )
        % {"name": name, "price_cny": p["price_cny"], "budget": p["budget"]}
    ),
    WarningCode.STAY_PRICE_UNKNOWN: lambda p, name: (
        _("%(name)s: the price is not published; ask when you book.") % {"name": name}
    ),
    WarningCode.UNPLACED: lambda p, name: (
        UNPLACED_TEXT[p["suggestion"]]() % {"name": name, "other": p.get("other_name") or ""}
    ),
    WarningCode.LAST_DEPARTURE: lambda p, name: (
        # The time is when to set off from the last stop, not when the bus or train leaves.
        _("Leave by %(time)s to catch the last bus or train home.") % {"time": p["time"]}
    ),
    WarningCode.NOT_MAPPED: lambda p, name: (
        _("%(name)s has no verified location yet, so it is not in the timetable.") % {"name": name}
    ),
}


def _english(language: str) -> bool:
    return not language.startswith("zh")


def place_name(place: dict, language: str) -> str:
    """A place's name in the viewer's language (the other one when it has only one)."""
    names = (place.get("name_en"), place.get("name_zh"))
    first, second = names if _english(language) else reversed(names)
    return first or second or place.get("slug") or ""


def _plan_places(plan: dict) -> dict[str, dict]:
    places = {}
    for day in plan["days"]:
        for place in [day["start"], day["end"], *day["stops"], day.get("overnight")]:
            if place:
                places.setdefault(place["slug"], place)
    for place in plan.get("unplaced", ()):
        places.setdefault(place["slug"], place)
    return places


def _named(params: dict, places: dict[str, dict], language: str) -> dict:
    """Params that name other places (`slugs`, `other`) get those names in `language`."""
    named = dict(params)
    if "slugs" in params:
        named["names"] = [
            place_name(places.get(slug, {"slug": slug}), language) for slug in params["slugs"]
        ]
    if params.get("other"):
        named["other_name"] = place_name(places.get(params["other"], {"slug": ""}), language)
    return named


def warning_text(warning: dict, places: dict[str, dict], language: str) -> str:
    """The warning's sentence in `language`; plans saved before codes had params keep theirs."""
    slug = warning.get("slug") or ""
    params = _named(warning.get("params") or {}, places, language)
    place = places.get(slug) or {"slug": slug, **params}
    render = TEXT.get(warning["code"])
    nameless = slug and not (place.get("name_zh") or place.get("name_en"))
    try:
        if render is not None and not (nameless and warning.get("message")):
            return render(params, place_name(place, language))
    except (KeyError, TypeError):
        pass
    return warning.get("message") or warning["code"]


def placement(warning: dict, stops_by_day: dict[int, set[str]]) -> tuple[int | None, str | None]:
    """(day, stop slug) where a warning shows: (d, s) at a stop, (d, None) on a day, else general.

    A warning about a place shows at that place's stop (on its own day if it names one); a
    warning for a day that is not about one of its stops shows on the day; the rest — no
    lodging, places not on the map, stops the plan dropped — show for the whole trip.
    """
    day, slug = warning.get("day"), warning.get("slug")
    if day in stops_by_day:
        return (day, slug) if slug in stops_by_day[day] else (day, None)
    for number, slugs in stops_by_day.items():
        if slug and slug in slugs:
            return number, slug
    return None, None


def display_plan(plan: dict, language: str | None = None) -> dict:
    """A copy of `plan` with each warning worded and placed.

    Adds `message` and `shown_at` ({day, slug}) to every entry of `warnings`, a `warnings`
    list of {code, message} to every day and stop, and `general_warnings` to the plan; each
    day also gets how its legs are travelled and its return time (trips/legs_display.py).
    """
    language = language or get_language() or "zh-hans"
    with translation.override(language):
        return _placed_and_worded(plan, language)


def _placed_and_worded(plan: dict, language: str) -> dict:
    places = _plan_places(plan)
    stops_by_day = {day["number"]: {stop["slug"] for stop in day["stops"]} for day in plan["days"]}
    days = [
        {**travelled, "warnings": [], "stops": [{**s, "warnings": []} for s in travelled["stops"]]}
        for travelled in map(day_travel, plan["days"])
    ]
    shown = {day["number"]: day for day in days}
    warnings, general = [], []
    for warning in plan["warnings"]:
        message = warning_text(warning, places, language)
        day, slug = placement(warning, stops_by_day)
        entry = {**warning, "message": message, "shown_at": {"day": day, "slug": slug}}
        warnings.append(entry)
        brief = {"code": warning["code"], "message": message}
        if day is None:
            general.append(brief)
        elif slug is None:
            shown[day]["warnings"].append(brief)
        else:
            stop = next(s for s in shown[day]["stops"] if s["slug"] == slug)
            stop["warnings"].append(brief)
    totals = {**plan["totals"], "unknown_prices_text": unknown_prices_text(plan["totals"])}
    return {**plan, "days": days, "totals": totals, "warnings": warnings,
            "general_warnings": general}  # fmt: skip


def stored_warning(warning) -> dict:
    """An engine PlanWarning as a saved plan keeps it: no sentence, only code and params."""
    return {
        "code": str(warning.code),
        "slug": warning.slug,
        "day": warning.day,
        "params": dict(warning.params),
    }
