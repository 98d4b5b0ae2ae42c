from django.http import Http404
from django.shortcuts import get_object_or_404, render

from planner.geo.coordinates import navigation_links
from planner.geo.geojson import place_feature
from planner.geo.map_config import map_context
from planner.geo.nearby import nearby
from planner.models import PLACE_MODEL_BY_KIND, Homestay, VillageCafe


def place_detail(request, kind, slug):
    model = PLACE_MODEL_BY_KIND.get(kind)
    if model is None:
        raise Http404
    place = get_object_or_404(model.objects.published(), slug=slug)
    context = {
        "place": place,
        "kind": kind,
        "place_point": place_feature(place) if place.is_mapped else None,
        "nearby_homestays": nearby(place, Homestay),
        "nearby_cafes": nearby(place, VillageCafe),
        "navigation": navigation_links(place.name, place.latitude, place.longitude)
        if place.is_mapped
        else [],
        **map_context(),
    }
    return render(request, "planner/place_detail.html", context)
