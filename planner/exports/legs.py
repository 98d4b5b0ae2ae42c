"""How a leg is travelled, in words: one home for the saved page, the sheet and the PDF."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

MODE_WORDS = {
    "car": "",
    "taxi": gettext_noop("taxi"),
    "booked_car": gettext_noop("book a car"),
    "walk": gettext_noop("walk"),
}


def leg_summary(leg: dict) -> str:
    """Lines and modes, then driving, parking/shuttle and waiting minutes (non-zero ones)."""
    if leg.get("mode") == "walk":  # a walk has no driving, parking or waiting to split out
        return f"{_('walk')} {leg.get('drive_minutes') or leg.get('minutes', 0)} {_('min')}"
    steps = leg.get("steps") or []
    if steps:
        means = [step["line"] or _(MODE_WORDS.get(step["mode"], step["mode"])) for step in steps]
    else:
        means = [_(MODE_WORDS[leg["mode"]])] if MODE_WORDS.get(leg.get("mode", "car")) else []
    parts = [" → ".join(means)] if means else []
    for key, label in (
        ("drive_minutes", _("drive")),
        ("access_minutes", _("parking/shuttle")),
        ("wait_minutes", _("wait")),
    ):
        if leg.get(key):
            parts.append(f"{label} {leg[key]} {_('min')}")
    return " · ".join(parts)
