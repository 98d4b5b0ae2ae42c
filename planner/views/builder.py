import re

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from planner.api.search import search_places
from planner.caching.ratelimit import rate_limited
from planner.converters import TokenConverter
from planner.geo.map_config import map_context
from planner.models import Itinerary, SeasonalRoute, StartPoint
from planner.planning.calendar import coming_saturday
from planner.trips import requests as trip_requests
from planner.trips.saving import owned_tokens, remembered_keys
from planner.trips.warnings_display import display_plan

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
        "show_on_map": _("Show on the map"),
        "removed": _("Removed %(name)s."),
        "restored": _("%(name)s is back in the plan."),
        "undo": _("Undo"),
        "already": _("%(name)s is already in your plan."),
        "added_to_plan": _("Added %(name)s to your plan (%(n)s stops)."),
        "choose_for_me": _("Choose for me"),
        "stay_over_budget": _(
            "The stay you chose costs more than your budget: the planner chooses again."
        ),
        "empty_plan": _("Add at least one place before saving."),
        "date_moved": _("Your draft's date had passed: it now starts on the coming Saturday."),
        "untitled": _("A weekend in Huairou"),
        "unplaced": _("Not in the timetable"),
        "copy": _("You are editing a copy: saving makes a new itinerary with its own link."),
        "forbidden": _("Only the browser that saved this itinerary can change it."),
    }


def _token(value: str) -> str:
    """A share token from the query string; anything that cannot be one is not found."""
    if value and not re.fullmatch(TokenConverter.regex, value):
        raise Http404
    return value


def _plan_names(plan: dict) -> dict[str, dict]:
    """Both names of every stop of a saved plan, for the builder's list before it replans."""
    return {
        stop["slug"]: {"name_zh": stop["name_zh"], "name_en": stop["name_en"]}
        for day in plan.get("days", [])
        for stop in day["stops"]
    }


@never_cache
def builder(request):
    edit_token = _token(request.GET.get("edit", ""))
    source_token = _token(request.GET.get("from", "")) or edit_token
    earliest = trip_requests.earliest_first_day()  # the first day a plan may have
    initial = {"date": coming_saturday(earliest).isoformat()}
    version = None
    edit_key = ""
    names = {}
    if source_token:
        saved = get_object_or_404(Itinerary, token=source_token)
        initial = {**saved.request, "title": saved.title}
        names = _plan_names(saved.plan)
        if edit_token:
            # The key comes from this browser (cookie here, or localStorage in builder.js);
            # without one the page edits a copy.
            version = saved.version
            edit_key = remembered_keys(request).get(edit_token, "")
    added = search_places(slugs=(request.GET["add"],), limit=1) if request.GET.get("add") else []
    config = {
        "initial": initial,
        "today": earliest.isoformat(),
        "coming_saturday": coming_saturday(earliest).isoformat(),
        "source": bool(source_token),
        "names": names,
        "add": added[0] if added else None,
        "route": request.GET.get("route", ""),
        "edit_token": edit_token,
        "edit_key": edit_key,
        "version": version,
        "text": builder_text(),
    }
    context = {
        "config": config,
        "first_days": (earliest, trip_requests.latest_first_day()),
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
