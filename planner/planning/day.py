"""One day's final schedule: legs with reported km, times, lunch in its place, warnings.

The builder walks the chosen order with the rules of `schedule`, so its times are the ones
the optimiser judged. It records, rather than hides, what does not fit (`late`, `back`):
the caller (`days`) then moves or sets aside those stops and builds the day again.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from . import parameters as p
from .candidates import SpatialGrid, by_detour
from .hours import hhmm, ticket_on
from .schedule import (
    LUNCH_EARLIEST,
    last_lunch_start,
    leg_step,
    lunch_minutes,
    lunch_needed,
    serves_lunch,
    time_rules,
    to_datetime,
    visit_step,
)
from .travel import LegEstimate, TravelModel
from .types import DayPlan, Leg, Pace, PlaceInfo, PlannedStop, PlanWarning, Role
from .warnings import WarningCode


def leg_from_estimate(origin: PlaceInfo, destination: PlaceInfo, estimate) -> Leg:
    """The one place a travel estimate becomes a Leg (every field copied)."""
    return Leg(
        origin,
        destination,
        estimate.km,
        estimate.minutes,
        estimate.mode,
        drive_minutes=getattr(estimate, "drive_minutes", 0),
        access_minutes=getattr(estimate, "access_minutes", 0),
        wait_minutes=getattr(estimate, "wait_minutes", 0),
        line=getattr(estimate, "line", ""),
        steps=tuple(getattr(estimate, "steps", ())),
        path=tuple(getattr(estimate, "path", ())),
        traffic=getattr(estimate, "traffic", ""),
    )


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
        day_start: int,
        day_end: int,
        lunch_venues: SpatialGrid | None = None,
    ):
        self.number, self.date = number, date
        self.start, self.end = start, end
        self.travel, self.pace = travel, pace
        self.day_start, self.day_end = day_start, day_end
        self.minute = float(day_start)
        self.pending = lunch_needed(lunch, day_start, pace)
        self.lunch_minutes = lunch_minutes(pace)
        self.lunch_venues = lunch_venues or SpatialGrid(())
        self.previous = start
        self.stops: list[PlannedStop] = []
        self.legs: list[Leg] = []
        self.warnings: list[PlanWarning] = []
        self.late: list[str] = []  # stops that cannot be visited at the time they are reached
        self.missed_last_departure = False

    @property
    def overrun(self) -> bool:
        return self.minute > self.day_end or self.missed_last_departure

    def _last_departure(self, leaving: float) -> None:
        """Without a car the day ends by the last bus or train home (the travel model knows)."""
        limit = self.travel.leave_by(self.previous, self.end, self.date)
        if limit is None:
            return
        self.missed_last_departure = leaving > limit
        if leaving >= limit - p.LAST_DEPARTURE_MARGIN_MINUTES:
            self._warn(WarningCode.LAST_DEPARTURE, None, time=hhmm(limit),
                       origin=self.previous.slug)  # fmt: skip

    def build(self, order: Sequence[PlaceInfo], overnight=None, alternatives=()) -> DayPlan:
        if order:
            self._leave_for_the_opening(order[0])
        leave = self.minute
        for place in order:
            self._go_to(place)
        self._go_to(self.end, final=True)
        return DayPlan(
            number=self.number,
            date=self.date,
            start=self.start,
            end=self.end,
            stops=tuple(self.stops),
            legs=tuple(self.legs),
            overnight=overnight,
            overnight_alternatives=tuple(alternatives),
            leave=to_datetime(self.date, leave),
            back=to_datetime(self.date, self.minute),
        )

    # --- steps -----------------------------------------------------------------------------

    def _leave_for_the_opening(self, first: PlaceInfo) -> None:
        """Leave later rather than wait at a gate that opens after the first arrival."""
        opens = time_rules(first, self.pace, self.date).opens
        travel = self.travel.minutes(self.start, first)
        if opens is not None and self.minute + travel < opens:
            # Once more with the traffic of the later hour.
            later = to_datetime(self.date, opens - travel)
            travel = self.travel.leg(self.start, first, later).minutes
            self.minute = float(max(self.minute, opens - travel))
            self.pending = lunch_needed(self.pending, self.minute, self.pace)

    def _leg(self, origin: PlaceInfo, destination: PlaceInfo, estimate: LegEstimate) -> Leg:
        leg = leg_from_estimate(origin, destination, estimate)
        self.legs.append(leg)
        if leg.minutes > p.LONG_LEG_MINUTES:
            self._warn(WarningCode.LONG_LEG, destination.slug, minutes=leg.minutes,
                       origin=origin.slug)  # fmt: skip
        return leg

    def _go_to(self, place: PlaceInfo, final: bool = False, role: Role = Role.VISIT) -> None:
        if self.pending:
            self._lunch_venue_before(place)
        at_start = self.previous is self.start
        estimate = self.travel.leg(self.previous, place, to_datetime(self.date, self.minute))
        timing = leg_step(self.minute, estimate.minutes, self.pending, self.lunch_minutes, at_start)
        lunch_at, leaves = timing.lunch_at, timing.leaves
        if lunch_at is None and final:
            lunch_at = self._lunch_before_the_last_leg(timing.arrive)
            leaves = self.minute if lunch_at is None else lunch_at + self.lunch_minutes
        pause = self.lunch_minutes if timing.on_the_way else 0
        if timing.on_the_way:
            # Without a car, lunch is where one changes vehicle and what follows is timed after
            # it; a car stops anywhere.
            window = (LUNCH_EARLIEST, last_lunch_start(self.pace), self.lunch_minutes)
            estimate = self.travel.leg(
                self.previous, place, to_datetime(self.date, self.minute), window
            )
            lunch_at = estimate.lunch_at if estimate.lunch_at is not None else lunch_at
        elif leaves != self.minute:
            # Lunch where one is delays the leg: price it at the hour it starts (the bus or
            # train it would have caught before lunch has gone).
            estimate = self.travel.leg(self.previous, place, to_datetime(self.date, leaves))
        leg = self._leg(self.previous, place, estimate)
        arrive = leaves + leg.minutes + pause
        if lunch_at is not None:
            self._lunch_break(lunch_at, timing.on_the_way)
        if final:
            self._last_departure(leaving=leaves + pause)
            self.minute = arrive
            return
        rules = time_rules(place, self.pace, self.date)
        outcome = visit_step(rules, arrive, self.pending)
        if outcome.late:
            self.late.append(place.slug)
        elif outcome.cut_short:
            eating = self.lunch_minutes if outcome.lunch_at is not None else 0
            by_sunset = rules.sunset is not None and rules.closes == rules.sunset
            self._warn(WarningCode.VISIT_CUT_SHORT, place.slug, closes=hhmm(rules.closes),
                       minutes=round(outcome.depart - outcome.start - eating),
                       by="sunset" if by_sunset else "closing")  # fmt: skip
        if rules.assumed and role == Role.VISIT:
            opens, closes = (hhmm(minute) for minute in rules.assumed)
            self._warn(WarningCode.HOURS_ASSUMED, place.slug, opens=opens, closes=closes)
        eats_here = outcome.lunch_at is not None
        self.stops.append(
            PlannedStop(
                place=place,
                arrive=to_datetime(self.date, outcome.start),
                depart=to_datetime(self.date, outcome.depart),
                role=Role.LUNCH if eats_here and role == Role.LUNCH else role,
                suggested=role != Role.VISIT,
                wait_minutes=round(outcome.start - outcome.arrive),
                note="lunch" if eats_here and role == Role.VISIT else "",
                lunch_at=to_datetime(self.date, outcome.lunch_at) if eats_here else None,
                sunset=dt.time(rules.sunset // 60, rules.sunset % 60) if rules.sunset else None,
                hours_assumed=rules.assumed is not None,
                ticket_cny=ticket_on(place, self.date) if role == Role.VISIT else None,
            )
        )
        self.minute = outcome.depart
        self.pending = self.pending and not eats_here
        self.previous = place

    def _lunch_before_the_last_leg(self, arrive: float) -> float | None:
        """A day that ends (at its stay or home) inside lunchtime still has lunch: a break at
        the last stop before leaving, when one leaves it in the window."""
        if not self.pending or not self.stops or arrive <= LUNCH_EARLIEST:
            return None
        if LUNCH_EARLIEST <= self.minute <= last_lunch_start(self.pace):
            return self.minute
        return None

    def _lunch_break(self, at: float, on_the_way: bool) -> None:
        """Lunch before a leg that would arrive too late: at the stop one leaves, or (leaving
        the day's start or stay) a break on the way, listed with a leg of its own of 0 km."""
        self.pending = False
        last = self.stops[-1] if self.stops else None
        if last is not None and last.place is self.previous and last.role == Role.VISIT:
            self.stops[-1] = replace(
                last,
                depart=to_datetime(self.date, at + self.lunch_minutes),
                note="lunch",
                lunch_at=to_datetime(self.date, at),
            )
            return
        leg = self.legs.pop()
        self.legs.append(Leg(self.previous, self.previous, 0.0, 0, leg.mode))
        self.stops.append(
            PlannedStop(
                place=self.previous,
                arrive=to_datetime(self.date, at),
                depart=to_datetime(self.date, at + self.lunch_minutes),
                role=Role.LUNCH_BREAK,
                suggested=True,
                note="on_the_way" if on_the_way else "",
            )
        )
        self.legs.append(leg)

    def _lunch_venue_before(self, upcoming: PlaceInfo) -> None:
        """Lunch at the café or restaurant with the least detour, when lunch is due on the way."""
        if not self.lunch_venues.count or serves_lunch(upcoming):
            return
        direct = self.travel.minutes(self.previous, upcoming)
        due = leg_step(self.minute, direct, True, self.lunch_minutes).lunch_at is not None
        if not due and self.minute < LUNCH_EARLIEST:
            return
        chosen = {stop.place.slug for stop in self.stops}
        found = by_detour(
            self.lunch_venues, self.previous, upcoming, self.travel, p.LUNCH_VENUES_TRIED
        )
        for venue, _km in found:
            to_venue = self.travel.minutes(self.previous, venue)
            extra = to_venue + self.travel.minutes(venue, upcoming) - direct
            if venue.slug in chosen or extra > p.LUNCH_MAX_DETOUR_MINUTES:
                continue
            rules = time_rules(venue, self.pace, self.date)
            outcome = visit_step(rules, self.minute + to_venue, True)
            if outcome.late or outcome.lunch_at is None:
                continue
            if outcome.lunch_at > last_lunch_start(self.pace):
                continue
            self._go_to(venue, role=Role.LUNCH)
            return

    def _warn(self, code: str, slug: str | None, **params) -> None:
        self.warnings.append(PlanWarning(code=code, slug=slug, day=self.number, params=params))
