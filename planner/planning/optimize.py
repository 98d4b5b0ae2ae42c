"""The order of a day's stops.

Cost of an order: first the number of places it cannot visit (closed that day, reached too
late, a return after the day's end, or leaving after the last bus or train home), then
minutes: travel (the first leg and the way home at their hours' traffic, as the day builder
times them), plus what `schedule.visit_penalty` charges (visit minutes cut by closing or
sunset, a chosen café passed by at lunch). Up to `EXACT_MAX_STOPS` stops
the order is exact: dynamic programming over subsets, keeping every label not dominated in
(closed places, travel, clock, lunch) — the clock only moves forward, so a label no worse
in all four can never lead to a worse day.
Beyond that, nearest neighbour and then 2-opt / relocate moves until nothing improves.
Locked stops keep their position in both. Travel minutes and timing rules are computed
once per problem into plain lists, because the search evaluates thousands of orders.
"""

import datetime as dt
from collections.abc import Sequence

from . import parameters as p
from .schedule import (
    advance,
    leg_step,
    lunch_minutes,
    lunch_needed,
    time_rules,
    to_datetime,
    visit_penalty,
)
from .travel import TravelModel, access_minutes
from .types import Pace, PlaceInfo

Cost = tuple[int, float]


class DayOrderProblem:
    def __init__(
        self,
        places: Sequence[PlaceInfo],
        start: PlaceInfo,
        end: PlaceInfo,
        travel: TravelModel,
        pace: Pace,
        lunch: bool,
        day_start_minute: int,
        locked: dict[int, int] | None = None,
        timed: bool = True,
        day: dt.date | None = None,
        day_end_minute: int | None = None,
    ):
        self.places = list(places)
        self.day_start = day_start_minute
        self.day_end = day_end_minute
        self.lunch = lunch_needed(lunch, day_start_minute, pace)
        self.lunch_minutes = lunch_minutes(pace)
        # place index → the position it must keep
        self.locked = locked or {}
        # Untimed: travel only (used to draw one tour through a whole trip's stops).
        self.timed = timed
        self.rules = [time_rules(place, pace, day or dt.date.today()) for place in self.places]
        # The first leg leaves at a known hour: its traffic (a holiday or Saturday morning
        # out of Beijing) decides whether lunch and the rest of the day still fit.
        leave = to_datetime(day, day_start_minute) if timed and day else None
        self.from_start = [travel.minutes(start, place, leave) for place in self.places]
        self.to_end = [travel.minutes(place, end) for place in self.places]
        self.travel, self.end, self.day = travel, end, day
        self._home_at: dict[tuple[int, int], float] = {}
        self.between = [[travel.minutes(a, b) for b in self.places] for a in self.places]
        # Without a car, the last bus or train to `end` from each place (None = no limit):
        # an order that misses it does not fit, as the day builder will find.
        self.leave_by = [travel.leave_by(place, end, day) if timed and day else None
                         for place in self.places]  # fmt: skip

    # --- evaluation -------------------------------------------------------------------------

    def _walk(self, order: Sequence[int]) -> tuple[int, float, float, bool]:
        """(closed places, travel without the way home, minute leaving the last, lunch pending)."""
        minute, pending = self.day_start, self.lunch
        closed, total, previous = 0, 0.0, None
        for index in order:
            minutes = self.from_start[index] if previous is None else self.between[previous][index]
            total += minutes
            if self.timed:
                step = advance(self.rules[index], minute, pending, minutes, previous is None)
                closed += step.late
                total += visit_penalty(self.rules[index], self.lunch, step)
                minute, pending = step.depart, step.pending
            previous = index
        return closed, total, minute, pending

    def _way_home(self, last: int, leaving: float) -> float:
        """Minutes home from `last`, at the traffic (or the buses) of the hour one leaves."""
        if not self.timed or self.day is None:
            return self.to_end[last]
        key = (last, int(leaving // 60))
        if key not in self._home_at:
            depart = to_datetime(self.day, key[1] * 60)
            self._home_at[key] = self.travel.minutes(self.places[last], self.end, depart)
        return self._home_at[key]

    def _home(self, last: int | None, minute: float, pending: bool) -> tuple[float, float, float]:
        """(back at `end`, leaving the last stop, minutes home), as the day builder times the
        last leg: lunch first if it is due, then the way home at the hour it leaves."""
        if last is None:
            return leg_step(minute, 0.0, pending, self.lunch_minutes, True).arrive, minute, 0.0
        way = self._way_home(last, minute)
        leaves = leg_step(minute, way, pending, self.lunch_minutes).leaves
        if leaves != minute:
            way = self._way_home(last, leaves)
        return leaves + way, leaves, way

    def _overrun(self, finish: float, last: int | None, leaving: float) -> int:
        """1 when the day ends after its end or leaves its last stop after the last bus or
        train to `end`."""
        if not self.timed:
            return 0
        late = self.day_end is not None and finish > self.day_end
        limit = None if last is None else self.leave_by[last]
        return int(late or (limit is not None and leaving > limit))

    def cost(self, order: Sequence[int]) -> Cost:
        closed, total, minute, pending = self._walk(order)
        last = order[-1] if order else None
        finish, leaving, way = self._home(last, minute, pending)
        return closed + self._overrun(finish, last, leaving), total + way

    def finish_minute(self, order: Sequence[int]) -> float:
        """When the day ends back at `end`, for this order."""
        _closed, _total, minute, pending = self._walk(order)
        return self._home(order[-1] if order else None, minute, pending)[0]

    def allowed(self, index: int, position: int) -> bool:
        required = self.locked.get(index)
        if required is not None:
            return required == position
        return position not in self.locked.values()

    def solve(self) -> list[int]:
        count = len(self.places)
        if count <= 1:
            return list(range(count))
        if not self.timed and not self.locked:
            return self._two_opt(self._nearest_neighbour())
        if count <= p.EXACT_MAX_STOPS:
            return self._exact()
        return self._improve(self._nearest_neighbour())

    def _two_opt(self, order: list[int]) -> list[int]:
        """Untimed tours: 2-opt with constant-time move costs.

        Arrival overheads are paid once per place whatever the order, so only the drive
        between places matters, and driving is symmetric: reversing a segment changes just
        the two edges at its ends.
        """
        access = [access_minutes(place) for place in self.places]
        size = len(order)
        drive = [[self.between[a][b] - access[b] for b in range(size)] for a in range(size)]
        start_drive = [self.from_start[i] - access[i] for i in range(size)]
        end_drive = self.to_end

        def edge(a, b):  # a, b: positions; -1 = start, len = end
            if a == -1:
                return start_drive[order[b]] if b < len(order) else 0.0
            if b == len(order):
                return end_drive[order[a]]
            return drive[order[a]][order[b]]

        improved = True
        while improved:
            improved = False
            for i in range(len(order) - 1):
                for j in range(i + 1, len(order)):
                    before = edge(i - 1, i) + edge(j, j + 1)
                    after = (start_drive[order[j]] if i == 0 else drive[order[i - 1]][order[j]]) + (
                        end_drive[order[i]]
                        if j == len(order) - 1
                        else drive[order[i]][order[j + 1]]
                    )
                    if after < before - 1e-9:
                        order[i : j + 1] = order[i : j + 1][::-1]
                        improved = True
        return order

    # --- exact ----------------------------------------------------------------------------

    def _extend(self, label, index: int) -> tuple:
        """label = (closed, travel, minute, lunch_done, parent, index)."""
        if label is None:
            closed, travel, minute, lunch_done = 0, 0.0, self.day_start, not self.lunch
            minutes = self.from_start[index]
        else:
            closed, travel, minute, lunch_done = label[:4]
            minutes = self.between[label[5]][index]
        late = False
        if self.timed:
            step = advance(self.rules[index], minute, not lunch_done, minutes, label is None)
            minutes += visit_penalty(self.rules[index], self.lunch, step)
            minute, lunch_done, late = step.depart, not step.pending, step.late
        return (closed + late, travel + minutes, minute, lunch_done, label, index)

    def _exact(self) -> list[int]:
        count = len(self.places)
        layers: list[dict[tuple[int, int], list[tuple]]] = [{} for _ in range(count + 1)]
        for index in range(count):
            if self.allowed(index, 0):
                layers[1][(1 << index, index)] = [self._extend(None, index)]
        for size in range(1, count):
            following = layers[size + 1]
            for (mask, _last), bucket in layers[size].items():
                for nxt in range(count):
                    if mask & (1 << nxt) or (self.locked and not self.allowed(nxt, size)):
                        continue
                    key = (mask | (1 << nxt), nxt)
                    for label in bucket:
                        following[key] = _keep_pareto(
                            following.get(key, []), self._extend(label, nxt)
                        )
        best, best_cost = None, None
        for (_mask, last), bucket in layers[count].items():
            for label in bucket:
                finish, leaving, way = self._home(last, label[2], not label[3])
                cost = (label[0] + self._overrun(finish, last, leaving), label[1] + way)
                if best_cost is None or cost < best_cost:
                    best, best_cost = label, cost
        order = []
        while best is not None:
            order.append(best[5])
            best = best[4]
        return order[::-1]

    # --- heuristic --------------------------------------------------------------------------

    def _nearest_neighbour(self) -> list[int]:
        count = len(self.places)
        order: list[int | None] = [None] * count
        for index, position in self.locked.items():
            order[position] = index
        remaining = [i for i in range(count) if i not in self.locked]
        previous = None
        for position in range(count):
            if order[position] is None:
                row = self.from_start if previous is None else self.between[previous]
                nearest = min(remaining, key=row.__getitem__)
                remaining.remove(nearest)
                order[position] = nearest
            previous = order[position]
        return order

    def _improve(self, order: list[int]) -> list[int]:
        """2-opt and relocate over the free positions, applying each improving move at once."""
        free = [position for position in range(len(order)) if position not in self.locked.values()]
        best_cost = self.cost(order)
        improved = True
        while improved:
            improved = False
            for candidate in self._neighbours(order, free):
                cost = self.cost(candidate)
                if cost < best_cost:
                    order, best_cost, improved = candidate, cost, True
        return order

    @staticmethod
    def _neighbours(order: list[int], free: list[int]):
        values = [order[position] for position in free]

        def rebuild(new_values):
            result = list(order)
            for position, value in zip(free, new_values, strict=True):
                result[position] = value
            return result

        size = len(values)
        for i in range(size - 1):
            for j in range(i + 1, size):
                yield rebuild(values[:i] + values[i : j + 1][::-1] + values[j + 1 :])
        for i in range(size):
            for j in range(size):
                if i != j:
                    moved = values[:i] + values[i + 1 :]
                    moved.insert(j, values[i])
                    yield rebuild(moved)


def _dominates(a: tuple, b: tuple) -> bool:
    return a[0] <= b[0] and a[1] <= b[1] and a[2] <= b[2] and (a[3] or not b[3])


def _keep_pareto(bucket: list[tuple], candidate: tuple) -> list[tuple]:
    for label in bucket:
        if _dominates(label, candidate):
            return bucket
    return [label for label in bucket if not _dominates(candidate, label)] + [candidate]
