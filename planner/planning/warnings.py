"""Warnings about the places themselves, whatever their order: season, data, transit."""

from collections.abc import Iterator
from enum import StrEnum

from .seasons import in_season
from .travel import TravelModel
from .types import PlanRequest, PlanWarning, Transport


class WarningCode(StrEnum):
    """Every warning the engine (or the trip layer) can give; the words live in trips/warnings."""

    CLOSED_ON_ARRIVAL = "closed_on_arrival"
    VISIT_CUT_SHORT = "visit_cut_short"
    OUT_OF_SEASON = "out_of_season"
    DAY_OVERRUN = "day_overrun"
    LONG_LEG = "long_leg"
    TRANSIT_IMPRACTICAL = "transit_impractical"
    UNVERIFIED_DATA = "unverified_data"
    NO_LODGING = "no_lodging"
    NOT_MAPPED = "not_mapped"


def place_warnings(request: PlanRequest, travel: TravelModel) -> Iterator[PlanWarning]:
    months = {(request.date.toordinal() + offset) for offset in range(request.days)}
    trip_months = {type(request.date).fromordinal(day).month for day in months}
    for place in request.stops:
        if all(
            in_season(place.best_months, place.seasons, month) is False for month in trip_months
        ):
            yield PlanWarning(
                WarningCode.OUT_OF_SEASON,
                place.slug,
                params={"months": list(place.best_months)},
            )
        if place.confidence == "L":
            yield PlanWarning(WarningCode.UNVERIFIED_DATA, place.slug)
        elif place.rating and not place.rating_confirmed:
            yield PlanWarning(
                WarningCode.UNVERIFIED_DATA,
                place.slug,
                params={"rating": place.rating},
            )
        if request.transport == Transport.TRANSIT and not travel.transit_practical(place):
            yield PlanWarning(WarningCode.TRANSIT_IMPRACTICAL, place.slug)
