"""What every surface shows for a day's travel, worded once at display time: how each leg is
travelled (planner/exports/legs.py) and when the day ends back at the start or the stay."""

import datetime as dt

from planner.exports.legs import leg_summary


def _return_time(day: dict) -> str | None:
    """When the day's last leg arrives: the engine's `back` when it gives one."""
    if day.get("back"):
        return day["back"]
    if not day.get("stops") or not day.get("legs"):
        return None
    depart = dt.datetime.combine(dt.date.today(), dt.time.fromisoformat(day["stops"][-1]["depart"]))
    return (depart + dt.timedelta(minutes=day["legs"][-1]["minutes"])).strftime("%H:%M")


def day_travel(day: dict) -> dict:
    """The day with `how` on each leg and `return_at`, in the active language."""
    legs = [{**leg, "how": leg_summary(leg)} for leg in day.get("legs", [])]
    return {**day, "legs": legs, "return_at": _return_time(day)}
