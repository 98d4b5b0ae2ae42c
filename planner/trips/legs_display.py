"""What every surface shows for a day's travel, worded once at display time: how each leg is
travelled (planner/exports/legs.py), when the day ends back at the start or at the stay, and
what lunch during a visit is called."""

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from planner.exports.legs import leg_summary


def _return_time(day: dict) -> str | None:
    """When the day's last leg arrives: the engine's `back` when it gives one."""
    if day.get("back"):
        return day["back"]
    if not day.get("stops") or not day.get("legs"):
        return None
    depart = dt.datetime.combine(dt.date.today(), dt.time.fromisoformat(day["stops"][-1]["depart"]))
    return (depart + dt.timedelta(minutes=day["legs"][-1]["minutes"])).strftime("%H:%M")


def return_words(day: dict, return_at: str | None) -> str:
    """ "Back at 18:40" at the start; "At the stay by 16:13" on a day that ends at a stay."""
    if not return_at:
        return ""
    if day.get("overnight"):
        return _("At the stay by %(time)s") % {"time": return_at}
    return _("Back at %(time)s") % {"time": return_at}


# Kinds that serve lunch, for plans saved before stops said so (`lunch_venue`).
LUNCH_VENUE_KINDS = {"cafe", "restaurant"}


def is_lunch_venue(stop: dict) -> bool:
    """A café or restaurant: lunch there is the visit itself."""
    return stop.get("lunch_venue", stop.get("kind") in LUNCH_VENUE_KINDS)


def lunch_label(stop: dict) -> str:
    """Lunch taken during a visit: "lunch" at a café or restaurant, else "lunch at the site"."""
    if not stop.get("lunch_here"):
        return ""
    return _("lunch") if is_lunch_venue(stop) else _("lunch at the site")


def unknown_prices_text(totals: dict) -> str:
    """ "2 prices unknown, not counted" (plural forms), or "" when every price is known."""
    unknown = sum((totals.get("unknown_prices") or {}).values())
    if not unknown:
        return ""
    return ngettext(
        "%(n)s price unknown, not counted", "%(n)s prices unknown, not counted", unknown
    ) % {"n": unknown}


def stop_notes(stop: dict) -> list[str]:
    """The short notes under a stop on the builder and the saved page (joined by " · ")."""
    notes = []
    if stop.get("role") == "lunch":
        notes.append(_("Lunch"))
    if stop.get("role") == "lunch_break":
        notes.append(_("Lunch break"))
    if stop.get("suggested"):
        notes.append(_("suggested"))
    if label := lunch_label(stop):
        notes.append(f"{label} {stop['lunch_at']}" if stop.get("lunch_at") else label)
    if stop.get("sunset"):
        notes.append(f"{_('sunset')} {stop['sunset']}")
    if stop.get("wait_minutes", 0) > 0:
        notes.append(_("waits %(n)s min for opening") % {"n": stop["wait_minutes"]})
    if stop.get("ticket_cny"):
        notes.append(f"¥{stop['ticket_cny']}")
    return notes


def day_travel(day: dict) -> dict:
    """The day with `how` on each leg, `return_at` and `return_words`, and each stop's
    `lunch_label` and `notes`, in the active language."""
    legs = [{**leg, "how": leg_summary(leg)} for leg in day.get("legs", [])]
    stops = [
        {**stop, "lunch_label": lunch_label(stop), "notes": stop_notes(stop)}
        for stop in day.get("stops", [])
    ]
    return_at = _return_time(day)
    return {**day, "legs": legs, "stops": stops, "return_at": return_at,
            "return_words": return_words(day, return_at)}  # fmt: skip
