"""Addresses to WGS-84 coordinates for editors, through a geopy geocoder from settings.

Nominatim answers in WGS-84. Baidu answers in BD-09 (about 1 km off in Huairou) and is
converted before anything is shown or saved. Requests are rate-limited (geopy's
RateLimiter) and every failure becomes a message, never an exception.
"""

import hashlib
from dataclasses import dataclass
from decimal import Decimal

from coordTransform import bd09_to_wgs84
from django.conf import settings
from django.core.cache import cache
from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter

from .extent import is_inside_huairou


@dataclass(frozen=True)
class Candidate:
    lat: float
    lng: float
    label: str
    inside_huairou: bool


class GeocodingFailed(Exception):
    """A message for the editor: no network, no key, nothing found."""


def build_geocoder(config: dict):
    """(geopy geocoder, the datum of its answers, extra keyword arguments for geocode)."""
    provider = config.get("provider", "nominatim")
    timeout = config.get("timeout", 5)
    if provider == "nominatim":
        from geopy.geocoders import Nominatim

        return (
            Nominatim(user_agent=config.get("user_agent"), timeout=timeout),
            "wgs84",
            {"limit": 3},
        )
    if provider == "baidu":
        if not config.get("key"):
            raise GeocodingFailed("The Baidu geocoder needs GEOCODER_KEY.")
        from geopy.geocoders import BaiduV3

        return BaiduV3(api_key=config["key"], timeout=timeout), "bd09", {}
    raise GeocodingFailed(f"Unknown geocoder {provider!r}; use nominatim or baidu.")


# One rate limiter per geocoder for the whole process, so the provider's limit holds
# across requests, not only within one.
_limiters: dict[int, RateLimiter] = {}


def _rate_limited(geocoder, min_delay: float) -> RateLimiter:
    key = id(geocoder)
    if key not in _limiters:
        _limiters[key] = RateLimiter(
            geocoder.geocode, min_delay_seconds=min_delay, max_retries=1, swallow_exceptions=False
        )
    return _limiters[key]


_configured: dict[tuple, tuple] = {}


def configured_geocoder() -> tuple:
    config = settings.GEOCODER
    key = (config.get("provider"), config.get("key"))
    if key not in _configured:
        _configured[key] = build_geocoder(config)
    return _configured[key]


def to_wgs84(lat: float, lng: float, datum: str) -> tuple[float, float]:
    if datum == "bd09":
        wgs_lng, wgs_lat = bd09_to_wgs84(lng, lat)
        return wgs_lat, wgs_lng
    return lat, lng


def geocode(query: str, geocoder=None, datum: str = "wgs84", limit: int = 3) -> list[Candidate]:
    """Candidates for an address, best first. Pass `geocoder` to use a stand-in (tests)."""
    query = query.strip()
    if not query:
        raise GeocodingFailed("Enter an address first.")
    extra = {}
    if geocoder is None:
        geocoder, datum, extra = configured_geocoder()
    lookup = _rate_limited(geocoder, settings.GEOCODER.get("min_delay_seconds", 1.0))
    try:
        found = lookup(f"{query}, 怀柔区, 北京", exactly_one=False, **extra)
    except GeopyError as error:
        name = error.__class__.__name__
        raise GeocodingFailed(f"The geocoder could not be reached ({name}).") from error
    except OSError as error:
        raise GeocodingFailed("No network connection to the geocoder.") from error
    if not found:
        raise GeocodingFailed(f"No place found for {query!r}.")
    candidates = []
    for location in list(found)[:limit]:
        lat, lng = to_wgs84(location.latitude, location.longitude, datum)
        candidates.append(
            Candidate(round(lat, 6), round(lng, 6), location.address, is_inside_huairou(lat, lng))
        )
    return candidates


def locate(record) -> str | None:
    """Give an unmapped place the geocoder's best point inside Huairou, marked for review.

    Returns None when located, else why not. Answers are cached for a day, so an import's
    preview and its confirmation ask the provider once.
    """
    query = " ".join(filter(None, [record.address_zh, record.village_zh, record.town_zh]))
    query = query or record.name_zh or record.name_en
    key = "geocode:" + hashlib.sha256(query.encode()).hexdigest()[:32]
    answer = cache.get(key)
    if answer is None:
        try:
            inside = [c for c in geocode(query) if c.inside_huairou]
            answer = (inside[0].lat, inside[0].lng, inside[0].label) if inside else "outside"
        except GeocodingFailed as failure:
            return str(failure)  # not cached: the network may be back next time
        cache.set(key, answer, timeout=86400)
    if answer == "outside":
        return f"No place inside Huairou found for {query!r}."
    lat, lng, label = answer
    # Decimal, not float: the fields hold 6 decimals and validate a float's full expansion.
    record.latitude, record.longitude = Decimal(f"{lat:.6f}"), Decimal(f"{lng:.6f}")
    record.coord_confidence = "L"
    record.coord_note = f"Geocoded from {query!r} ({label}); confirm on the map."
    return None
