"""The words draft.js (the plan kept in the browser) says on every page."""

import json

from django import template
from django.urls import reverse
from django.utils.html import json_script
from django.utils.translation import gettext as _

from planner.trips.requests import MAX_STOPS

register = template.Library()


def draft_text() -> dict[str, str | int]:
    return {
        "added": _("Added %(name)s to your plan (%(n)s stops)."),
        "already": _("%(name)s is already in your plan."),
        "open": _("Open the plan"),
        "count": _("%(n)s stops in your plan"),
        "copied": _("Link copied."),
        "copy_failed": _("Copy this link:"),
        "builder_url": reverse("planner:plan"),
        "max_stops": MAX_STOPS,
        "full": _("A plan holds at most %(n)s stops: remove one before adding another.")
        % {"n": MAX_STOPS},
    }


@register.simple_tag
def draft_script():
    """The draft's words as a JSON script element (read by draft.js)."""
    return json_script(json.loads(json.dumps(draft_text())), "draft-text")
