"""Addresses to WGS-84 coordinates for editors, through a geopy geocoder from settings.

Nominatim answers in WGS-84. Baidu answers in BD-09 (about 1 km off in Huairou) and is
converted before anything is shown or saved. Requests are rate-limited (geopy's
RateLimiter) and every failure becomes a message, never an exception. Web requests ask
once; only `manage.py locate_places` waits and retries.
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


RETRY_WAIT_SECONDS = 5.0


class Provider:
    """A geocoding service: a geopy geocoder, the datum of its answers, extra lookup arguments.

    Give a stand-in geocoder to the constructor in tests; each registered provider's
    `from_config` builds the real one.
    """

    name = ""

    def __init__(self, geocoder, **lookup):
        self.geocoder, self.lookup = geocoder, lookup

    def to_wgs84(self, lat: float, lng: float) -> tuple[float, float]:
        return lat, lng


class NominatimProvider(Provider):
    """OpenStreetMap's Nominatim: WGS-84 answers, no key, one request a second."""

    name = "nominatim"

    @classmethod
    def from_config(cls, config: dict) -> Provider:
        from geopy.geocoders import Nominatim

        timeout = config.get("timeout", 5)
        return cls(Nominatim(user_agent=config.get("user_agent"), timeout=timeout), limit=3)


class BaiduProvider(Provider):
    """Baidu Maps (v3): needs a key; answers in BD-09, about 1 km off in Huairou."""

    name = "baidu"

    @classmethod
    def from_config(cls, config: dict) -> Provider:
        if not config.get("key"):
            raise GeocodingFailed("The Baidu geocoder needs GEOCODER_KEY.")
        from geopy.geocoders import BaiduV3

        return cls(BaiduV3(api_key=config["key"], timeout=config.get("timeout", 5)))

    def to_wgs84(self, lat: float, lng: float) -> tuple[float, float]:
        wgs_lng, wgs_lat = bd09_to_wgs84(lng, lat)
        return wgs_lat, wgs_lng


PROVIDERS = {provider.name: provider for provider in (NominatimProvider, BaiduProvider)}


def build_provider(config: dict) -> Provider:
    name = config.get("provider", "nominatim")
    if name not in PROVIDERS:
        raise GeocodingFailed(f"Unknown geocoder {name!r}; use {' or '.join(PROVIDERS)}.")
    return PROVIDERS[name].from_config(config)


# One rate limiter per geocoder (and retry count) for the whole process, so the provider's
# limit holds across requests, not only within one.
_limiters: dict[tuple[int, int], RateLimiter] = {}


def _rate_limited(geocoder, min_delay: float, retries: int) -> RateLimiter:
    key = (id(geocoder), retries)
    if key not in _limiters:
        _limiters[key] = RateLimiter(
            geocoder.geocode,
            min_delay_seconds=min_delay,
            max_retries=retries,
            error_wait_seconds=RETRY_WAIT_SECONDS,
            swallow_exceptions=False,
        )
    return _limiters[key]


_configured: dict[tuple, Provider] = {}


def configured_provider() -> Provider:
    config = settings.GEOCODER
    key = (config.get("provider"), config.get("key"))
    if key not in _configured:
        _configured[key] = build_provider(config)
    return _configured[key]


def geocode(query: str, provider: Provider | None = None, limit: int = 3,
            retries: int = 0) -> list[Candidate]:  # fmt: skip
    """Candidates for an address, best first.

    `retries` > 0 waits and asks again after a provider error: for the management command,
    never inside a web request (an editor should not wait out a retry).
    """
    query = query.strip()
    if not query:
        raise GeocodingFailed("Enter an address first.")
    provider = provider or configured_provider()
    lookup = _rate_limited(
        provider.geocoder, settings.GEOCODER.get("min_delay_seconds", 1.0), retries
    )
    try:
        found = lookup(f"{query}, 怀柔区, 北京", exactly_one=False, **provider.lookup)
    except GeopyError as error:
        name = error.__class__.__name__
        raise GeocodingFailed(f"The geocoder could not be reached ({name}).") from error
    except OSError as error:
        raise GeocodingFailed("No network connection to the geocoder.") from error
    if not found:
        raise GeocodingFailed(f"No place found for {query!r}.")
    candidates = []
    for location in list(found)[:limit]:
        lat, lng = provider.to_wgs84(location.latitude, location.longitude)
        candidates.append(
            Candidate(round(lat, 6), round(lng, 6), location.address, is_inside_huairou(lat, lng))
        )
    return candidates


def locate(record, retries: int = 0) -> str | None:
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
            inside = [c for c in geocode(query, retries=retries) if c.inside_huairou]
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
