from itertools import groupby

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from planner.geo.map_config import map_context
from planner.models import RouteStop, SeasonalRoute

from .sheets import route_downloads


def route_list(request):
    routes = sorted(
        SeasonalRoute.objects.filter(is_published=True).prefetch_related(
            Prefetch("stops", queryset=RouteStop.objects.with_places())
        ),
        key=lambda route: (
            SeasonalRoute.SEASON_ORDER.index(route.slug)
            if route.slug in SeasonalRoute.SEASON_ORDER
            else 99
        ),
    )
    return render(request, "planner/route_list.html", {"routes": routes})


def _legs(stops):
    """Each stop with the geodesic km from the previous mapped stop (across days too)."""
    rows, previous = [], None
    for stop in stops:
        place = stop.target
        km = place.distance_km(previous) if previous is not None else None
        rows.append({"stop": stop, "place": place, "km_from_previous": km})
        if place.is_mapped:
            previous = place
    return rows


def route_detail(request, slug):
    route = get_object_or_404(SeasonalRoute, slug=slug, is_published=True)
    stops = list(route.stops.with_places())
    days = [
        {"day": day, "rows": list(rows)}
        for day, rows in groupby(_legs(stops), key=lambda row: row["stop"].day)
    ]
    context = {
        "route": route,
        "days": days,
        "downloads": route_downloads(route.slug),
        **map_context(),
    }
    return render(request, "planner/route_detail.html", context)
