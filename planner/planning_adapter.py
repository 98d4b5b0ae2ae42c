"""Translate between the ORM and the planning engine (which knows nothing of Django)."""

from collections.abc import Iterable

from .content_version import content_version
from .models import Homestay, PointOfInterest, ScenicSpot, StartPoint, Village, VillageCafe
from .planning import Candidates, PlaceInfo
from .planning.parameters import TRANSIT_HUBS
from .planning.types import OpeningPeriod

# Kinds a visitor can add as a stop, in the order a bare slug is looked up.
STOP_MODELS = (ScenicSpot, VillageCafe, Village, PointOfInterest, Homestay)
LUNCH_POI_CATEGORIES = ("restaurant", "food-corridor", "food-valley")


def place_info(place) -> PlaceInfo:
    return PlaceInfo(
        slug=place.slug,
        kind=place.kind,
        name_zh=place.name_zh,
        name_en=place.name_en,
        lat=float(place.latitude),
        lng=float(place.longitude),
        opens=place.opens,
        closes=place.closes,
        last_entry=place.last_entry,
        visit_minutes=getattr(place, "visit_minutes", None),
        price_cny_min=place.price_cny_min,
        price_cny_max=place.price_cny_max,
        best_months=tuple(place.best_months or ()),
        seasons=tuple(place.seasons or ()),
        rating=getattr(place, "rating", ""),
        rating_confirmed=getattr(place, "rating_confirmed", True),
        confidence=place.confidence,
        address_zh=place.address_zh,
        phone=place.phone,
        town_zh=place.town_zh,
        category=getattr(place, "category", ""),
        is_illustrative=place.is_illustrative,
        periods=opening_periods(place),
        closed_weekdays=tuple(place.closed_weekdays or ()),
        outdoor=getattr(place, "outdoor", False),
        lodging_kind=place.type if isinstance(place, Homestay) else "",
    )


def opening_periods(place) -> tuple[OpeningPeriod, ...]:
    """A spot's seasonal hours, closures and tickets (prefetch `periods` to avoid a query)."""
    if not isinstance(place, ScenicSpot):
        return ()
    return tuple(
        OpeningPeriod(
            start=(period.start_month, period.start_day),
            end=(period.end_month, period.end_day),
            opens=period.opens,
            closes=period.closes,
            last_entry=period.last_entry,
            closed=period.closed,
            reason=period.reason,
            ticket_cny=period.ticket_cny,
        )
        for period in place.periods.all()
    )


def find_stops(slugs: Iterable[str]) -> dict[str, object]:
    """Published places by slug, one query per kind whatever the number of slugs."""
    wanted = set(slugs)
    found: dict[str, object] = {}
    for model in STOP_MODELS:
        missing = wanted - set(found)
        if not missing:
            break
        queryset = model.objects.published().filter(slug__in=missing)
        if model is ScenicSpot:
            queryset = queryset.prefetch_related("periods")
        for place in queryset:
            found[place.slug] = place
    return found


def find_start(slug: str):
    return StartPoint.objects.published().mapped().filter(slug=slug).first()


def find_homestay(slug: str):
    return Homestay.objects.published().filter(slug=slug).first()


def transit_hubs() -> dict[str, PlaceInfo]:
    version = content_version()
    if version not in _hubs:
        _hubs.clear()
        _hubs[version] = load_transit_hubs()
    return _hubs[version]


_hubs: dict[int, dict[str, PlaceInfo]] = {}


def load_transit_hubs() -> dict[str, PlaceInfo]:
    return {
        hub.slug: place_info(hub)
        for hub in StartPoint.objects.published().mapped().filter(slug__in=TRANSIT_HUBS)
    }


# Candidates (and their spatial grids) for the current content version, per process: a plan
# then reads no homestay rows at all, whether the district lists 2,000 or 100,000.
_candidates: dict[int, Candidates] = {}


def planning_candidates() -> Candidates:
    version = content_version()
    if version not in _candidates:
        _candidates.clear()
        _candidates[version] = load_candidates()
    return _candidates[version]


def load_candidates() -> Candidates:
    homestays = Homestay.objects.published().mapped().filter(is_illustrative=False)
    cafes = VillageCafe.objects.published().mapped()
    restaurants = (
        PointOfInterest.objects.published().mapped().filter(category__in=LUNCH_POI_CATEGORIES)
    )
    return Candidates(
        homestays=tuple(place_info(h) for h in homestays),
        lunch_venues=tuple(place_info(v) for v in [*cafes, *restaurants]),
    )
