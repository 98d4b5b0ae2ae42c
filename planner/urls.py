from django.urls import path

from . import views
from .api import places as places_api

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
    path("routes/", views.route_list, name="route-list"),
    path("routes/<slug:slug>/", views.route_detail, name="route-detail"),
    path("api/places.geojson", places_api.places_geojson, name="api-places"),
    path("api/routes/<slug:slug>.geojson", places_api.route_geojson, name="api-route"),
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
