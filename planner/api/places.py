from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from planner.caching.ratelimit import rate_limited
from planner.caching.responses import cached_json_response
from planner.geo.geojson import places_feature_collection, route_feature_collection
from planner.models import SeasonalRoute
from planner.trips import requests as trip_requests
from planner.trips.requests import InvalidRequest

from .errors import error_response
from .place_filters import parse_place_filters

GEOJSON = "application/geo+json"


@require_GET
@rate_limited("geojson")
def places_geojson(request):
    try:
        filters = parse_place_filters(request.GET)
    except InvalidRequest as invalid:
        return error_response(invalid.errors)
    day = trip_requests.today()  # spots carry the hours in force today: one answer per day
    return cached_json_response(
        request,
        f"places:{filters.cache_key()}:{day}",
        lambda: places_feature_collection(filters, day),
        GEOJSON,
        day=day,
    )


@require_GET
@rate_limited("geojson")
def route_geojson(request, slug):
    route = get_object_or_404(SeasonalRoute, slug=slug, is_published=True)

    day = trip_requests.today()

    def build():
        stops = route.stops.with_places().prefetch_related("spot__periods")
        return route_feature_collection(route, stops, day)

    return cached_json_response(request, f"route:{slug}:{day}", build, GEOJSON, day=day)
