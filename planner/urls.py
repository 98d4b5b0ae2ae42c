from django.urls import path, register_converter

from . import views
from .api import places as places_api
from .api import plan as plan_api
from .api import search as search_api
from .converters import TokenConverter
from .views import health, offline, sheets

register_converter(TokenConverter, "token")

app_name = "planner"

PLACE_URL_SEGMENTS = {
    "spot": "spots",
    "homestay": "homestays",
    "cafe": "cafes",
    "village": "villages",
    "poi": "places",
    "start": "start-points",
}

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("sw.js", offline.service_worker, name="service-worker"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("favicon.ico", offline.favicon, name="favicon"),
    path("offline/", offline.offline_weekends, name="offline-weekends"),
    path("readyz", health.readyz, name="readyz"),
    path("routes/", views.route_list, name="route-list"),
    path("routes/<slug:slug>/", views.route_detail, name="route-detail"),
    path("api/places.geojson", places_api.places_geojson, name="api-places"),
    path("api/routes/<slug:slug>.geojson", places_api.route_geojson, name="api-route"),
    path("api/places/search", search_api.place_search, name="api-place-search"),
    path("api/plan", plan_api.plan, name="api-plan"),
    path("api/itineraries", plan_api.itineraries, name="api-itineraries"),
    path("api/itineraries/<token:token>", plan_api.itinerary, name="api-itinerary"),
    path("plan/", views.builder, name="plan"),
    path("i/<token:token>/", views.itinerary_page, name="itinerary"),
    path("i/<token:token>/print/", sheets.itinerary_print, name="itinerary-print"),
    path("routes/<slug:slug>/print/", sheets.route_print, name="route-print"),
]

# Every file of an itinerary and of a route: kind -> how its address ends.
FILE_ENDINGS = {"pdf": "/sheet.pdf", "gpx": ".gpx", "kml": ".kml", "ics": ".ics"}

urlpatterns += [
    path(f"{prefix}{ending}", view, {"kind": kind}, name=f"{owner}-{kind}")
    for owner, prefix, view in (
        ("itinerary", "i/<token:token>", sheets.itinerary_file),
        ("route", "routes/<slug:slug>", sheets.route_file),
    )
    for kind, ending in FILE_ENDINGS.items()
]

urlpatterns += [
    path(
        f"{segment}/<slug:slug>/",
        views.place_detail,
        {"kind": kind},
        name=f"{kind}-detail",
    )
    for kind, segment in PLACE_URL_SEGMENTS.items()
]
