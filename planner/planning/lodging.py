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
) -> tuple[PlaceInfo | None, tuple[PlaceInfo, ...]]:
    """The stay with the least detour; over budget only when nothing within it exists."""
    if request.homestay is not None:
        return request.homestay, ()
    for grid in (within_budget, any_price):
        ranked = by_detour(
            grid, last_stop, next_first or last_stop, travel, keep=p.OVERNIGHT_ALTERNATIVES + 1
        )
        if ranked:
            return ranked[0][0], tuple(place for place, _ in ranked[1:])
    return None, ()


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
