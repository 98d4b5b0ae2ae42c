"""One day's final schedule: legs with reported km, times, lunch placement, warnings."""

import datetime as dt
from collections.abc import Sequence

from . import parameters as p
from .candidates import SpatialGrid, by_detour
from .schedule import (
    DAY_END,
    LUNCH_LATEST,
    Clock,
    lunch_minutes,
    minute_of_day,
    needs_lunch_break,
    to_datetime,
    visit,
)
from .travel import TravelModel
from .types import DayPlan, Leg, Pace, PlaceInfo, PlannedStop, PlanWarning
from .warnings import WarningCode


def _hhmm(minute: float) -> str:
    minute = round(minute)
    return f"{minute // 60 % 24:02d}:{minute % 60:02d}"


class DayBuilder:
    def __init__(
        self,
        number: int,
        date: dt.date,
        start: PlaceInfo,
        end: PlaceInfo,
        travel: TravelModel,
        pace: Pace,
        lunch: bool,
        day_start: dt.time,
        lunch_venues: SpatialGrid | None = None,
    ):
        self.number, self.date = number, date
        self.start, self.end = start, end
        self.travel, self.pace, self.lunch = travel, pace, lunch
        self.clock = Clock(minute_of_day(day_start), not lunch)
        self.lunch_venues = lunch_venues or SpatialGrid(())
        self.previous = start
        self.stops: list[PlannedStop] = []
        self.legs: list[Leg] = []
        self.warnings: list[PlanWarning] = []
        self.lunch_break: dt.datetime | None = None

    def build(self, order: Sequence[PlaceInfo], overnight=None, alternatives=()) -> DayPlan:
        for place in order:
            self._lunch_before(place)
            self._go_to(place, suggested=False)
        if self.lunch and not self.clock.lunch_done and self.clock.minute <= LUNCH_LATEST + 60:
            self._lunch_before(self.end)
        leg = self._leg(self.previous, self.end)
        arrival = self.clock.minute + leg.minutes
        if arrival > DAY_END:
            self._warn(WarningCode.DAY_OVERRUN, None, end=_hhmm(arrival))
        return DayPlan(
            number=self.number,
            date=self.date,
            start=self.start,
            end=self.end,
            stops=tuple(self.stops),
            legs=tuple(self.legs),
            overnight=overnight,
            overnight_alternatives=tuple(alternatives),
            lunch_break=self.lunch_break,
        )

    # --- steps -----------------------------------------------------------------------------

    def _leg(self, origin: PlaceInfo, destination: PlaceInfo) -> Leg:
        estimate = self.travel.leg(origin, destination)
        leg = Leg(
            origin, destination, estimate.km, estimate.minutes, estimate.mode,
            drive_minutes=estimate.drive_minutes, access_minutes=estimate.access_minutes,
            wait_minutes=estimate.wait_minutes, line=estimate.line, steps=estimate.steps,
            path=estimate.path, traffic=estimate.traffic,
        )  # fmt: skip
        self.legs.append(leg)
        if leg.minutes > p.LONG_LEG_MINUTES:
            self._warn(
                WarningCode.LONG_LEG, destination.slug, origin=origin.slug, minutes=leg.minutes
            )
        return leg

    def _go_to(self, place: PlaceInfo, suggested: bool, role: str = "visit") -> None:
        leg = self._leg(self.previous, place)
        outcome = visit(self.clock, place, leg.minutes, self.pace)
        note = ""
        if outcome.lunch_here and role == "visit" and place.kind != "cafe":
            note = "lunch"
        if outcome.late:
            self._warn(
                WarningCode.CLOSED_ON_ARRIVAL,
                place.slug,
                arrive=_hhmm(outcome.start),
                limit=_hhmm(minute_of_day(place.last_entry or place.closes)),
            )
        elif outcome.cut_short:
            self._warn(
                WarningCode.VISIT_CUT_SHORT,
                place.slug,
                closes=_hhmm(minute_of_day(place.closes)),
            )
        self.stops.append(
            PlannedStop(
                place=place,
                arrive=to_datetime(self.date, outcome.start),
                depart=to_datetime(self.date, outcome.depart),
                role="lunch" if outcome.lunch_here and place.kind == "cafe" else role,
                suggested=suggested,
                wait_minutes=round(outcome.start - outcome.arrive),
                note=note,
            )
        )
        self.clock = Clock(outcome.depart, self.clock.lunch_done or outcome.lunch_here)
        self.previous = place

    def _lunch_before(self, upcoming: PlaceInfo) -> None:
        if not self.lunch or not needs_lunch_break(self.clock):
            return
        venue = self._lunch_venue(upcoming)
        if venue is not None:
            self._go_to(venue, suggested=True, role="lunch")
            self.clock = Clock(self.clock.minute, True)
            return
        self.lunch_break = to_datetime(self.date, self.clock.minute)
        self.clock = Clock(self.clock.minute + lunch_minutes(self.pace), True)

    def _lunch_venue(self, upcoming: PlaceInfo) -> PlaceInfo | None:
        """The café or restaurant with the least detour, if the detour is small."""
        if upcoming.kind == "cafe" or not self.lunch_venues.count:
            return None
        chosen = {stop.place.slug for stop in self.stops}
        for venue, _km in by_detour(self.lunch_venues, self.previous, upcoming, self.travel, 4):
            if venue.slug in chosen:
                continue
            extra = (
                self.travel.minutes(self.previous, venue)
                + self.travel.minutes(venue, upcoming)
                - self.travel.minutes(self.previous, upcoming)
            )
            if extra <= p.LUNCH_MAX_DETOUR_MINUTES:
                return venue
        return None

    def _warn(self, code: str, slug: str | None, **params) -> None:
        self.warnings.append(PlanWarning(code=code, slug=slug, day=self.number, params=params))
