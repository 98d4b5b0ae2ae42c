"""Route sheets: the A4 print view, the PDF and the GPX / KML / ICS files, for saved
itineraries and for the seasonal routes."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from planner.caching.ratelimit import rate_limited
from planner.colours import day_colour
from planner.exports.gpx import to_gpx
from planner.exports.ics import to_ics
from planner.exports.kml import to_kml
from planner.exports.pdf import to_pdf
from planner.exports.qr import qr_svg
from planner.exports.route_map import day_drawing, svg
from planner.exports.sheet import Sheet, build_sheet
from planner.models import Itinerary, SeasonalRoute
from planner.trips.route_plans import route_plan

FILE_TYPES = {
    "gpx": ("application/gpx+xml", lambda sheet, key: to_gpx(sheet).encode()),
    "kml": ("application/vnd.google-earth.kml+xml", lambda sheet, key: to_kml(sheet).encode()),
    "ics": ("text/calendar", lambda sheet, key: to_ics(sheet, key)),
    "pdf": ("application/pdf", lambda sheet, key: to_pdf(sheet)),
}


def itinerary_sheet(request, token: str) -> Sheet:
    saved = get_object_or_404(Itinerary, token=token)
    title = saved.title or _("A weekend in Huairou")
    url = request.build_absolute_uri(saved.get_absolute_url())
    return build_sheet(saved.plan, title, url)


def route_sheet(request, slug: str) -> Sheet:
    route = get_object_or_404(SeasonalRoute, slug=slug, is_published=True)
    notes = {stop.target.slug: stop.note for stop in route.stops.with_places()}
    url = request.build_absolute_uri(route.get_absolute_url())
    return build_sheet(route_plan(route), route.title, url, notes, subtitle=route.theme)


def _print_page(request, sheet: Sheet, downloads: dict[str, str]):
    days = [
        {
            "day": day,
            "map": mark_safe(  # noqa: S308 — built by route_map.svg, which escapes all text
                svg(
                    day_drawing(day),
                    day_colour(day.number),
                    _("Route of day %(n)s") % {"n": day.number},
                )  # fmt: skip
            ),
        }
        for day in sheet.days
    ]
    context = {
        "sheet": sheet,
        "days": days,
        "qr": mark_safe(qr_svg(sheet.url)),  # noqa: S308 — segno output, URL escaped
        "downloads": downloads,
    }
    return render(request, "planner/sheet.html", context)


def _file(sheet: Sheet, kind: str, key: str) -> HttpResponse:
    content_type, render_file = FILE_TYPES[kind]
    response = HttpResponse(render_file(sheet, key), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{sheet.filename_stem}.{kind}"'
    return response


def itinerary_downloads(token: str) -> dict[str, str]:
    return {kind: reverse(f"planner:itinerary-{kind}", args=[token]) for kind in FILE_TYPES}


def route_downloads(slug: str) -> dict[str, str]:
    return {kind: reverse(f"planner:route-{kind}", args=[slug]) for kind in FILE_TYPES}


@rate_limited("read")
def itinerary_print(request, token):
    return _print_page(request, itinerary_sheet(request, token), itinerary_downloads(token))


@rate_limited("read")
def itinerary_file(request, token, kind):
    return _file(itinerary_sheet(request, token), kind, token[:12])


@rate_limited("plan")  # each one runs the engine on the route: as costly as a plan request
def route_print(request, slug):
    return _print_page(request, route_sheet(request, slug), route_downloads(slug))


@rate_limited("plan")
def route_file(request, slug, kind):
    return _file(route_sheet(request, slug), kind, f"route-{slug}")
