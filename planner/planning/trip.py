"""The trip seen as days (its dates, minutes and day problems), and how well a split of it
into days works, scored without building day problems (`TripCosts`, `split_score`)."""

import datetime as dt
from dataclasses import dataclass

from . import parameters as p
from . import schedule
from .hours import minute_of_day
from .optimize import DayOrderProblem
from .types import PlaceInfo, PlanRequest


@dataclass
class Trip:
    """The request seen as days: dates, minutes, and the travel model."""

    request: PlanRequest
    travel: object
    max_days: int = p.MAX_TRIP_DAYS
    costs: "TripCosts | None" = None

    @property
    def dates(self) -> list[dt.date]:
        return [self.request.date + dt.timedelta(days=i) for i in range(self.request.days)]

    @property
    def day_start(self) -> int:
        return minute_of_day(self.request.day_start)

    @property
    def day_end(self) -> int:
        return minute_of_day(self.request.day_end)

    def problem(self, group, number, start, end, day_start=None, locked=None, timed=True):
        request = self.request
        return DayOrderProblem(
            group, start, end, self.travel, request.pace, request.lunch,
            self.day_start if day_start is None else day_start, locked, timed,
            day=self.dates[number - 1], day_end_minute=self.day_end,
        )  # fmt: skip

    def bounds(self, groups, index):
        """A day's approximate start and end: last night near the previous day's last stop."""
        start = self.request.start
        for previous in reversed(groups[:index]):
            if previous:
                start = previous[-1]
                break
        end = self.request.start
        for following in groups[index + 1 :]:
            if following:
                end = following[0]
                break
        return start, end

    def day_problem(self, groups, index, **options):
        start, end = self.bounds(groups, index)
        return self.problem(groups[index], index + 1, start, end, **options)


class TripCosts:
    """Travel minutes and timing rules of every stop on every trip day, computed once, so a
    split of the trip into days is scored without building day problems."""

    def __init__(self, trip: Trip, stops: list[PlaceInfo]):
        request, travel = trip.request, trip.travel
        self.trip = trip
        self.index = {place.slug: i for i, place in enumerate(stops)}
        self.between = [[travel.minutes(a, b) for b in stops] for a in stops]
        # As the day builder times them: the first leg at the hour the trip leaves, the way
        # home at the hour it is taken (`_home`), not at free-flow traffic.
        leave = schedule.to_datetime(trip.dates[0], trip.day_start)
        self.from_start = [travel.minutes(request.start, place, leave) for place in stops]
        self.to_start = [travel.minutes(place, request.start) for place in stops]  # ranking only
        self.stops, self._home_at = stops, {}
        self.home_by = [[travel.leave_by(place, request.start, date) for place in stops]
                        for date in trip.dates]  # fmt: skip
        self.rules = [[schedule.time_rules(place, request.pace, date) for place in stops]
                      for date in trip.dates]  # fmt: skip
        self.lunch = schedule.lunch_needed(request.lunch, trip.day_start, request.pace)
        self.lunch_minutes = schedule.lunch_minutes(request.pace)

    def day(self, number: int, group: list[int], before: int | None, after: int | None):
        """(misfits, travel, finish minute) of one day visiting `group` in that order."""
        if not group:
            return 0, 0.0, self.trip.day_start
        minute, pending, rules = self.trip.day_start, self.lunch, self.rules[number]
        misfits, total, previous = 0, 0.0, before
        for position, index in enumerate(group):
            way = self.from_start[index] if previous is None else self.between[previous][index]
            total += way
            step = schedule.advance(rules[index], minute, pending, way, position == 0)
            total += schedule.visit_penalty(rules[index], self.lunch, step)
            minute, pending, misfits = step.depart, step.pending, misfits + step.late
            previous = index
        if after is not None:  # tonight's stay lies on the way to tomorrow's first stop
            home = self.between[previous][after]
            finish = schedule.leg_step(minute, home, pending, self.lunch_minutes).arrive
            return misfits + (finish > self.trip.day_end), total + home, finish
        home = self._home(number, previous, minute)
        leaves = schedule.leg_step(minute, home, pending, self.lunch_minutes).leaves
        if leaves != minute:
            home = self._home(number, previous, leaves)
        finish = leaves + home
        limit = self.home_by[number][previous]
        missed = limit is not None and leaves > limit  # the last bus or train home
        return misfits + (finish > self.trip.day_end or missed), total + home, finish

    def _home(self, number: int, index: int, leaving: float) -> float:
        """Minutes from a stop back to the trip's start at the hour one leaves it."""
        key = (number, index, int(leaving // 60))
        if key not in self._home_at:
            depart = schedule.to_datetime(self.trip.dates[number], key[2] * 60)
            self._home_at[key] = self.trip.travel.minutes(
                self.stops[index], self.trip.request.start, depart
            )
        return self._home_at[key]


def split_score(trip: Trip, groups) -> tuple:
    """Places that cannot be visited, then travel plus a little imbalance between days."""
    costs = trip.costs
    indices = [[costs.index[place.slug] for place in group] for group in groups]
    misfits, total, lengths = 0, 0.0, []
    for number, group in enumerate(indices):
        before = next((g[-1] for g in reversed(indices[:number]) if g), None)
        after = next((g[0] for g in indices[number + 1 :] if g), None)
        day_misfits, day_travel, finish = costs.day(number, group, before, after)
        misfits += day_misfits
        total += day_travel
        lengths.append(finish - trip.day_start)
        if group and before is not None and number and indices[number - 1]:
            # Each day reaches tomorrow's first stop and tomorrow leaves from tonight's last:
            # the night's stay lies between, so that way is counted once.
            total -= costs.between[before][group[0]]
    balance = (max(lengths) - min(lengths)) * p.DAY_BALANCE_WEIGHT
    return (misfits, round(total + balance, 3))
