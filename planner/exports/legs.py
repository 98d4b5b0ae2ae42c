"""How a leg is travelled, in words: one home for the saved page, the sheet and the PDF."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

MODE_WORDS = {
    "car": "",
    "taxi": gettext_noop("taxi"),
    "booked_car": gettext_noop("book a car"),
    "walk": gettext_noop("walk"),
}


def _step_words(step: dict) -> str:
    """A line with the time it leaves (the bus or train to catch); a taxi or car by its mode."""
    if step.get("line"):
        return f"{step['line']} {step['depart']}" if step.get("depart") else step["line"]
    return _(MODE_WORDS.get(step["mode"], step["mode"]))


def leg_summary(leg: dict) -> str:
    """Lines and modes, then driving (riding, when someone else drives: bus, train, taxi),
    parking/shuttle and waiting minutes (non-zero ones), so the parts add up to the leg."""
    minutes = _("min")
    if leg.get("mode") == "walk":  # a walk has no driving or waiting to split out
        walk = leg.get("drive_minutes") or leg.get("minutes", 0) - (leg.get("access_minutes") or 0)
        parts = [f"{_('walk')} {walk} {minutes}"]
        if leg.get("access_minutes"):
            parts.append(f"{_('parking/shuttle')} {leg['access_minutes']} {minutes}")
        return " · ".join(parts)
    steps = leg.get("steps") or []
    if steps:
        means = [_step_words(step) for step in steps]
    else:
        means = [_(MODE_WORDS[leg["mode"]])] if MODE_WORDS.get(leg.get("mode", "car")) else []
    parts = [" → ".join(means)] if means else []
    driven = leg.get("mode", "car") == "car"
    for key, label in (
        ("drive_minutes", _("drive") if driven else _("ride")),
        ("access_minutes", _("parking/shuttle")),
        ("wait_minutes", _("wait")),
    ):
        if leg.get(key):
            parts.append(f"{label} {leg[key]} {minutes}")
    return " · ".join(parts)
