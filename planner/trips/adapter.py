"""Translate between the ORM and the planning engine (which knows nothing of Django)."""

from collections.abc import Iterable

from planner.caching.content_version import content_version
from planner.models import Homestay, PointOfInterest, ScenicSpot, StartPoint, Village, VillageCafe
from planner.planning import Candidates, PlaceInfo
from planner.planning.parameters import TRANSIT_HUBS
from planner.planning.schedule import LUNCH_POI_CATEGORIES
from planner.planning.types import OpeningPeriod

# Kinds a visitor can add as a stop, in the order a bare slug is looked up.
STOP_MODELS = (ScenicSpot, VillageCafe, Village, PointOfInterest, Homestay)


# PlaceInfo fields every place model has under the same name, ...
SAME_NAME = ("slug", "kind", "name_zh", "name_en", "opens", "closes", "last_entry",
             "price_cny_min", "price_cny_max", "confidence", "address_zh", "phone", "town_zh",
             "is_illustrative")  # fmt: skip
# ... those only some kinds have (the engine's default for the others) ...
SOME_KINDS = {"visit_minutes": None, "rating": "", "rating_confirmed": True, "category": "",
              "outdoor": False}  # fmt: skip
# ... and the lists it takes as tuples.
AS_TUPLES = ("best_months", "seasons", "closed_weekdays")


def place_info(place) -> PlaceInfo:
    return PlaceInfo(
        **{name: getattr(place, name) for name in SAME_NAME},
        **{name: getattr(place, name, default) for name, default in SOME_KINDS.items()},
        **{name: tuple(getattr(place, name) or ()) for name in AS_TUPLES},
        lat=float(place.latitude),
        lng=float(place.longitude),
        periods=opening_periods(place),
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


class PerContentVersion:
    """A value loaded once per content version, per process (e.g. a plan then reads no
    homestay rows at all, whether the district lists 2,000 or 100,000).

    A new version replaces the whole dict in one assignment, so a concurrent request sees
    the old value or the new, never a half-built cache.
    """

    def __init__(self, load):
        self.load = load
        self.held: dict[int, object] = {}

    def __call__(self):
        version = content_version()
        value = self.held.get(version)
        if value is None:
            value = self.load()
            self.held = {version: value}
        return value


def load_transit_hubs() -> dict[str, PlaceInfo]:
    return {
        hub.slug: place_info(hub)
        for hub in StartPoint.objects.published().mapped().filter(slug__in=TRANSIT_HUBS)
    }


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


transit_hubs = PerContentVersion(load_transit_hubs)
planning_candidates = PerContentVersion(load_candidates)
