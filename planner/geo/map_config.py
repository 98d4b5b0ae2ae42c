"""Base layers offered on every map, the day colours and the URLs our JS modules use, and the
context that hands them to the pages (base.html puts `map_config` in a JSON script)."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from planner.colours import DAY_COLOURS

# Stands for a share token in URL patterns handed to JS (valid token characters).
TOKEN_PLACEHOLDER = "TOKEN-PLACEHOLDER"


def script_urls() -> dict[str, str]:
    """Every URL our JS fetches or links to, reversed here so no path is written in JS."""
    return {
        "plan_api": reverse("planner:api-plan"),
        "itineraries_api": reverse("planner:api-itineraries"),
        "itinerary_api": reverse("planner:api-itinerary", args=[TOKEN_PLACEHOLDER]),
        "places_api": reverse("planner:api-places"),
        "search_api": reverse("planner:api-place-search"),
        "builder": reverse("planner:plan"),
    }


def base_layers() -> list[dict]:
    layers = [
        {
            "id": "osm",
            "name": _("OpenStreetMap"),
            "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
            "attribution": "© OpenStreetMap contributors",
            "subdomains": "",
            "gcj02": False,
        }
    ]
    if settings.TIANDITU_KEY:
        # Tianditu is the official basemap and is already WGS-84: no shift.
        wmts = (
            "https://t{s}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile"
            "&VERSION=1.0.0&LAYER={layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles"
            "&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=" + settings.TIANDITU_KEY
        )
        layers.append(
            {
                "id": "tianditu",
                "name": _("Tianditu (official)"),
                "url": wmts.replace("{layer}", "vec"),
                "labels": wmts.replace("{layer}", "cva"),
                "attribution": "© 天地图 Tianditu",
                "subdomains": "01234567",
                "gcj02": False,
            }
        )
    layers.append(
        {
            "id": "amap",
            "name": _("Amap / Gaode"),
            "url": "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1"
            "&style=8&x={x}&y={y}&z={z}",
            "attribution": "© 高德地图 AutoNavi",
            "subdomains": "1234",
            # Amap tiles are GCJ-02: markers and lines are drawn shifted to match them.
            "gcj02": True,
        }
    )
    return layers


def kind_labels() -> dict[str, str]:
    return {
        "spot": _("Scenic spots"),
        "homestay": _("Homestays"),
        "cafe": _("Village cafés"),
        "village": _("Villages"),
        "poi": _("Points of interest"),
        "start": _("Start points"),
    }


def kind_glyphs() -> dict[str, str]:
    """The one-character mark of each kind on map markers, in the page's language."""
    return {
        "spot": pgettext("map marker for a scenic spot", "S"),
        "homestay": pgettext("map marker for a homestay", "H"),
        "cafe": pgettext("map marker for a village café", "C"),
        "village": pgettext("map marker for a village", "V"),
        "poi": pgettext("map marker for a point of interest", "i"),
        "start": pgettext("map marker for a start point", "▶"),
    }


def map_text() -> dict[str, str]:
    """UI strings the map module needs, in the visitor's language."""
    return {
        **kind_labels(),
        "details": _("Details and sources"),
        "add": _("Add to plan"),
        "hours": _("Hours"),
        "last_entry": _("last entry"),
        "unknown_hours": _("Hours not recorded"),
        "closed_today": _("Closed today (seasonal closure)"),
        "not_mapped": _("not on the map"),
        "count": _("%(n)s places"),
        "error": _("The places could not be loaded. Check your connection and try again."),
        "unconfirmed": _("rating unconfirmed"),
        "illustrative": _("illustrative"),
        "zoom_in": _("%(n)s more places in view: zoom in to list them."),
        "lang": get_language() or "zh-hans",
    }


def map_context() -> dict:
    return {
        "base_layers": base_layers(),
        "map_text": map_text(),
        "map_config": {
            "day_colours": list(DAY_COLOURS),
            "urls": script_urls(),
            "token_placeholder": TOKEN_PLACEHOLDER,
            "glyphs": kind_glyphs(),
            "day_label": _("Day %(n)s"),
            "zoom_in": _("Zoom in"),
            "attribution_prefix": _("There is a way of life called Huairou"),
            "zoom_out": _("Zoom out"),
        },
    }
