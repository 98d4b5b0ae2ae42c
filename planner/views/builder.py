import re

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from planner.caching.ratelimit import rate_limited
from planner.converters import TokenConverter
from planner.geo.map_config import map_context
from planner.models import Itinerary, SeasonalRoute, StartPoint
from planner.planning.calendar import coming_saturday
from planner.trips.itineraries import owned_tokens, remembered_keys
from planner.trips.warnings import display_plan

from .sheets import itinerary_downloads


def builder_text() -> dict[str, str]:
    return {
        "planning": _("Planning…"),
        "planned": _("Plan updated."),
        "failed": _("The plan could not be computed."),
        "offline": _("No connection: your stops are kept; try again when online."),
        "saved": _("Saved. Share this link:"),
        "conflict": _(
            "Someone saved this itinerary after you opened it. Reload to see their version; "
            "your changes are still here."
        ),
        "empty": _("Add places from the map or the search box, or start from a seasonal route."),
        "up": _("Move up"),
        "down": _("Move down"),
        "remove": _("Remove"),
        "lock": _("Keep in place"),
        "unlock": _("Let the planner move it"),
        "locked": _("kept in place"),
        "day": _("Day %(n)s"),
        "overnight": _("Overnight"),
        "no_overnight": _("No homestay found for this night."),
        "lunch": _("Lunch"),
        "lunch_break": _("Lunch break"),
        "lunch_here": _("lunch at the site"),
        "suggested": _("suggested"),
        "wait": _("waits %(n)s min for opening"),
        "km": _("km"),
        "min": _("min"),
        "totals": _("Totals"),
        "travel": _("travel"),
        "tickets": _("tickets"),
        "lodging": _("lodging"),
        "order_kept": _("Your order is kept. Tick “Optimise order” to let the planner reorder."),
        "add": _("Add to plan"),
        "added": _("Added"),
        "start": _("Start"),
        "back": _("Back to"),
        "swap": _("Stay at"),
        "no_results": _("No place matches."),
        "details": _("Details and sources"),
        "copy": _("You are editing a copy: saving makes a new itinerary with its own link."),
        "forbidden": _("Only the browser that saved this itinerary can change it."),
    }


def _token(value: str) -> str:
    """A share token from the query string; anything that cannot be one is not found."""
    if value and not re.fullmatch(TokenConverter.regex, value):
        raise Http404
    return value


@never_cache
def builder(request):
    edit_token = _token(request.GET.get("edit", ""))
    source_token = _token(request.GET.get("from", "")) or edit_token
    initial = {"date": coming_saturday().isoformat()}
    version = None
    edit_key = ""
    if source_token:
        saved = get_object_or_404(Itinerary, token=source_token)
        initial = {**saved.request, "title": saved.title}
        if edit_token:
            # The key comes from this browser (cookie here, or localStorage in builder.js);
            # without one the page edits a copy.
            version = saved.version
            edit_key = remembered_keys(request).get(edit_token, "")
    config = {
        "initial": initial,
        "add": request.GET.get("add", ""),
        "route": request.GET.get("route", ""),
        "edit_token": edit_token,
        "edit_key": edit_key,
        "version": version,
        "text": builder_text(),
    }
    context = {
        "config": config,
        "start_points": StartPoint.objects.published().mapped(),
        "routes": SeasonalRoute.objects.filter(is_published=True),
        "my_itineraries": Itinerary.objects.filter(token__in=owned_tokens(request)),
        **map_context(),
    }
    return render(request, "planner/builder.html", context)


@never_cache
@rate_limited("read")
def itinerary_page(request, token):
    saved = get_object_or_404(Itinerary, token=token)
    context = {
        "itinerary": saved,
        "plan": display_plan(saved.plan),
        "owned": token in owned_tokens(request),
        "share_url": request.build_absolute_uri(saved.get_absolute_url()),
        "downloads": itinerary_downloads(saved.token),
        **map_context(),
    }
    return render(request, "planner/itinerary.html", context)
