"""The admin's map picker: our own small Leaflet module (django-leaflet's bundled Leaflet,
not its GDAL-bound form widget)."""

import json

from django import forms
from django.urls import reverse

from planner.geo.extent import HUAIROU_EXTENT


class MapPickerWidget(forms.NumberInput):
    """The longitude input followed by a map that edits both latitude and longitude."""

    template_name = "planner/admin/map_picker.html"

    def __init__(self, kind: str, slug: str = "", may_lie_outside: bool = False, attrs=None):
        super().__init__(attrs={"step": "0.000001", **(attrs or {})})
        self.kind, self.slug, self.may_lie_outside = kind, slug, may_lie_outside

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["picker"] = {
            "config": json.dumps(
                {
                    "extent": HUAIROU_EXTENT,
                    "kind": self.kind,
                    "slug": self.slug,
                    "mayLieOutside": self.may_lie_outside,
                    "neighboursUrl": reverse("planner:api-places"),
                    "geocodeUrl": reverse("planner-geocode"),
                }
            )
        }
        return context

    class Media:
        css = {"all": ["leaflet/leaflet.css", "planner/admin_map_picker.css"]}
        js = ["leaflet/leaflet.js", "planner/admin_map_picker.js"]
