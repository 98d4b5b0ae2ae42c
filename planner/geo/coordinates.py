"""Coordinates for Chinese maps and navigation apps.

We store WGS-84. Amap/Gaode (and Tencent) tiles are drawn in GCJ-02, about 500 m off in
Huairou, so points are shifted only when drawn on such tiles. Tianditu and OSM are WGS-84.
"""

from urllib.parse import urlencode

from coordTransform import gcj02_to_wgs84, wgs84_to_gcj02
from django.utils.translation import gettext as _


def to_gcj02(lat: float, lng: float) -> tuple[float, float]:
    """WGS-84 (lat, lng) → GCJ-02 (lat, lng)."""
    gcj_lng, gcj_lat = wgs84_to_gcj02(float(lng), float(lat))
    return gcj_lat, gcj_lng


def from_gcj02(lat: float, lng: float) -> tuple[float, float]:
    """GCJ-02 (lat, lng) → WGS-84 (lat, lng), e.g. for an Amap geocoder's answer."""
    wgs_lng, wgs_lat = gcj02_to_wgs84(float(lng), float(lat))
    return wgs_lat, wgs_lng


def navigation_links(name: str, lat: float, lng: float) -> list[dict[str, str]]:
    """Deep links that open the point in the navigation apps people use in China."""
    lat, lng = float(lat), float(lng)
    amap = "https://uri.amap.com/marker?" + urlencode(
        {"position": f"{lng:.6f},{lat:.6f}", "name": name, "coordinate": "wgs84", "callnative": 1}
    )
    baidu = "https://api.map.baidu.com/marker?" + urlencode(
        {
            "location": f"{lat:.6f},{lng:.6f}",
            "title": name,
            "content": name,
            "coord_type": "wgs84",
            "output": "html",
            "src": "webapp.huairou.weekendplanner",
        }
    )
    apple = "https://maps.apple.com/?" + urlencode({"ll": f"{lat:.6f},{lng:.6f}", "q": name})
    return [
        {"app": "amap", "label": _("Amap"), "url": amap},
        {"app": "baidu", "label": _("Baidu Maps"), "url": baidu},
        {"app": "apple", "label": _("Apple Maps"), "url": apple},
    ]
