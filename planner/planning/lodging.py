"""The night: a stay between tonight's last stop and tomorrow's first, within the budget."""

from . import parameters as p
from .candidates import SpatialGrid, by_detour
from .travel import TravelModel
from .types import PlaceInfo, PlanRequest, PlanWarning
from .warnings import WarningCode


def choose_overnight(
    request: PlanRequest,
    travel: TravelModel,
    within_budget: SpatialGrid,
    any_price: SpatialGrid,
    last_stop: PlaceInfo,
    next_first: PlaceInfo | None,
    last_night: PlaceInfo | None = None,
) -> tuple[PlaceInfo | None, tuple[PlaceInfo, ...]]:
    """The stay with the least detour; over budget only when nothing within it exists.

    Last night's stay is kept when it costs at most STAY_AGAIN_DETOUR_KM more than the best:
    a guide does not move a family to a stay next door for the second night.
    """
    if request.homestay is not None:
        return request.homestay, ()
    after = next_first or last_stop
    for grid in (within_budget, any_price):
        ranked = by_detour(grid, last_stop, after, travel, keep=p.OVERNIGHT_ALTERNATIVES + 1)
        if not ranked:
            continue
        best, best_detour = ranked[0]
        if last_night is not None and grid.contains(last_night):
            again = _detour_km(travel, last_stop, last_night, after)
            if again <= best_detour + p.STAY_AGAIN_DETOUR_KM:
                others = [place for place, _ in ranked if place.slug != last_night.slug]
                return last_night, tuple(others[: p.OVERNIGHT_ALTERNATIVES])
        return best, tuple(place for place, _ in ranked[1:])
    return None, ()


def _detour_km(travel: TravelModel, before: PlaceInfo, stay: PlaceInfo, after: PlaceInfo) -> float:
    """Extra km of sleeping at `stay` between two places, as `by_detour` measures it."""
    via = travel.fast_km(before, stay) + travel.fast_km(stay, after)
    return via - travel.fast_km(before, after)


def stay_warnings(request: PlanRequest, night: int, stay: PlaceInfo) -> list[PlanWarning]:
    """A chosen stay over budget, or whose price nobody knows, is said, not hidden."""
    if stay.price_cny_min is None:
        return [PlanWarning(WarningCode.STAY_PRICE_UNKNOWN, stay.slug, night)]
    budget = request.budget_per_night
    if budget is not None and stay.price_cny_min > budget:
        return [
            PlanWarning(
                WarningCode.STAY_OVER_BUDGET,
                stay.slug,
                night,
                params={"price_cny": stay.price_cny_min, "budget": budget},
            )
        ]
    return []
