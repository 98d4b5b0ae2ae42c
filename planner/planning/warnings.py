"""Warnings about the places themselves, whatever their order: season, data, transit."""

from collections.abc import Iterator

from .travel import TravelModel
from .types import PlaceInfo, PlanRequest, Transport, Warning

SEASON_MONTHS = {
    "spring": (3, 4, 5),
    "summer": (6, 7, 8),
    "autumn": (9, 10, 11),
    "winter": (12, 1, 2),
}


def in_season(place: PlaceInfo, month: int) -> bool | None:
    if place.best_months:
        return month in place.best_months
    if place.seasons:
        return any(month in SEASON_MONTHS.get(season, ()) for season in place.seasons)
    return None


def _name(place: PlaceInfo) -> str:
    return place.name_en or place.name_zh


def place_warnings(request: PlanRequest, travel: TravelModel) -> Iterator[Warning]:
    months = {(request.date.toordinal() + offset) for offset in range(request.days)}
    trip_months = {type(request.date).fromordinal(day).month for day in months}
    for place in request.stops:
        if all(in_season(place, month) is False for month in trip_months):
            yield Warning(
                "out_of_season",
                f"{_name(place)} is best in months {', '.join(map(str, place.best_months))}; "
                "expect less to see now.",
                place.slug,
                params={"months": list(place.best_months)},
            )
        if place.confidence == "L":
            yield Warning(
                "unverified_data",
                f"{_name(place)}: the facts rest on a weak or old source; check hours and "
                "prices before you go.",
                place.slug,
            )
        elif place.rating and not place.rating_confirmed:
            yield Warning(
                "unverified_data",
                f"{_name(place)}: its {place.rating} rating is unconfirmed.",
                place.slug,
                params={"rating": place.rating},
            )
        if request.transport == Transport.TRANSIT and not travel.transit_practical(place):
            yield Warning(
                "transit_impractical",
                f"{_name(place)} is far from the bus and rail hubs: without a car, plan on a "
                "chartered taxi or drop it.",
                place.slug,
            )
