"""The trip as a whole: which stop goes on which day, and what fits no day at all.

One tour through every stop (2-opt: no driving back and forth) is cut into consecutive
days, scored by places that cannot be visited, then travel plus a little imbalance. Stops
that still do not fit a day (closed that day, too late, past the day's end) move to another
day where they fit, else are set aside as `Unplaced` with what the visitor could do.
"""

from itertools import combinations

from . import parameters as p
from .hours import closed_throughout, hours_on
from .trip import Trip, TripCosts, split_score
from .types import PlaceInfo, PlanRequest, Unplaced

EARLIEST_START = p.EARLIEST_DAY_START[0] * 60 + p.EARLIEST_DAY_START[1]


class Reason:
    CLOSED = "closed"
    NO_TIME = "no_time"


class Suggestion:
    ADD_DAY = "add_day"
    DROP_OTHER = "drop_other"
    START_EARLIER = "start_earlier"
    CLOSED_THAT_DAY = "closed_that_day"


def closed_days(trip: Trip, place: PlaceInfo) -> dict[int, str]:
    """Trip day numbers on which the place is shut, with the reason."""
    found = {}
    for number, date in enumerate(trip.dates, start=1):
        reason = hours_on(place, date).closed
        if reason:
            found[number] = reason
    return found


def initial_groups(trip: Trip, stops: list[PlaceInfo]) -> list[list[PlaceInfo]]:
    request = trip.request
    days = request.days
    if days == 1 or not stops:
        return [list(stops)] + [[] for _ in range(days - 1)]
    preferred = request.preferred_days
    if all(s.slug in preferred for s in stops) and max(preferred.values()) == days:
        groups = [[] for _ in range(days)]
        for stop in stops:
            groups[preferred[stop.slug] - 1].append(stop)
        return groups
    tour = stops
    if request.optimize and len(stops) > 1:
        locked = {i: i for i, place in enumerate(stops) if place.slug in request.locked}
        problem = trip.problem(stops, 1, request.start, request.start, locked=locked, timed=False)
        tour = [stops[i] for i in problem.solve()]
    splits = [best_split(trip, tour)]
    if not request.optimize:
        return splits[0]  # the visitor's order, cut into days: "your order is kept"
    if not request.locked:
        # The tour runs either way round; the days' hours may suit one direction better.
        splits.append(best_split(trip, tour[::-1]))
    return relocate(trip, min(splits, key=lambda groups: split_score(trip, groups)))


def order_independent(request: PlanRequest, stops: list[PlaceInfo]) -> list[PlaceInfo]:
    """When the engine chooses the order, the order stops were added in must not change the
    plan: the builder sends back the order it was shown, and saving plans again, so an
    order-sensitive search would flip between two plans. Free stops go in slug order;
    locked ones keep the places the visitor gave them."""
    if not request.optimize:
        return list(stops)
    free = iter(sorted((s for s in stops if s.slug not in request.locked), key=lambda s: s.slug))
    return [stop if stop.slug in request.locked else next(free) for stop in stops]


def best_split(trip: Trip, tour: list[PlaceInfo]) -> list[list[PlaceInfo]]:
    """Cut the tour into consecutive days: fewest misfits, then travel and balance."""
    count, days = len(tour), trip.request.days
    if count < days:
        return [[stop] for stop in tour] + [[] for _ in range(days - count)]
    best, best_score = None, None
    for cuts in combinations(range(1, count), days - 1):
        bounds = (0, *cuts, count)
        groups = [tour[bounds[i] : bounds[i + 1]] for i in range(days)]
        score = split_score(trip, groups)
        if best_score is None or score < best_score:
            best, best_score = groups, score
    return best


def relocate(trip: Trip, groups: list[list[PlaceInfo]]) -> list[list[PlaceInfo]]:
    """Move single stops to another day while that makes the trip better (first improvement)."""
    best = split_score(trip, groups)
    for _round in range(p.RELOCATE_ROUNDS):
        improved = False
        for source, target, stop, position in _moves(trip, groups):
            trial = [list(group) for group in groups]
            trial[source].remove(stop)
            trial[target].insert(position, stop)
            score = split_score(trip, trial)
            if score < best:
                groups, best, improved = trial, score, True
                break
        if not improved:
            break
    return groups


def _moves(trip: Trip, groups):
    """Each free stop to each other day, at the place there that adds the least travel."""
    for source, group in enumerate(groups):
        for stop in group:
            if stop.slug in trip.request.locked:
                continue
            for target in range(len(groups)):
                if target != source:
                    yield source, target, stop, _cheapest_position(trip, groups, target, stop)


def _cheapest_position(trip: Trip, groups, target: int, stop: PlaceInfo) -> int:
    costs = trip.costs
    index = costs.index[stop.slug]
    chain = [costs.index[place.slug] for place in groups[target]]

    def way(a, b):
        if a is None and b is None:
            return 0.0
        if a is None:
            return costs.from_start[b]
        if b is None:
            return costs.to_start[a]
        return costs.between[a][b]

    ends = [None, *chain, None]
    extra = [
        way(ends[k], index) + way(index, ends[k + 1]) - way(ends[k], ends[k + 1])
        for k in range(len(chain) + 1)
    ]
    return min(range(len(extra)), key=extra.__getitem__)


def order_from_stay(trip: Trip, groups, index, stay: PlaceInfo) -> list[PlaceInfo]:
    """The day's order again, from the night's stay actually chosen: the split assumed the
    day starts at yesterday's last stop. The new order is kept only if it is no worse."""
    group = groups[index]
    if not trip.request.optimize or len(group) <= 1:
        return list(group)
    locked = {i: i for i, place in enumerate(group) if place.slug in trip.request.locked}
    _start, end = trip.bounds(groups, index)
    problem = trip.problem(group, index + 1, stay, end, locked=locked)
    solved = problem.solve()
    if problem.cost(solved) < problem.cost(list(range(len(group)))):
        return [group[i] for i in solved]
    return list(group)


def order_group(trip: Trip, groups, index) -> list[PlaceInfo]:
    group = groups[index]
    if not trip.request.optimize or len(group) <= 1:
        return list(group)
    locked = {i: i for i, place in enumerate(group) if place.slug in trip.request.locked}
    problem = trip.day_problem(groups, index, locked=locked)
    return [group[i] for i in problem.solve()]


def fits(trip: Trip, groups, index) -> bool:
    problem = trip.day_problem(groups, index)
    if not problem.places:
        return True
    return problem.cost(problem.solve())[0] == 0


def _ordered_fits(trip: Trip, groups, index) -> bool:
    """Whether the day, in the order it already has (an optimal one), can be visited."""
    problem = trip.day_problem(groups, index)
    return problem.cost(list(range(len(groups[index]))))[0] == 0


def assign(trip: Trip, stops: list[PlaceInfo]) -> tuple[list[list[PlaceInfo]], list[Unplaced]]:
    """Stops per day, each day ordered and feasible, and the stops that fit no day."""
    unplaced = []
    open_stops = []
    for place in order_independent(trip.request, stops):
        if closed_throughout(place, trip.dates):
            unplaced.append(Unplaced(place, Reason.CLOSED, Suggestion.CLOSED_THAT_DAY))
        else:
            open_stops.append(place)
    trip.costs = TripCosts(trip, open_stops)
    groups = initial_groups(trip, open_stops)
    groups = [order_group(trip, groups, i) for i in range(len(groups))]
    for index in range(len(groups)):
        changed = False
        while not _ordered_fits(trip, groups, index):
            victim = _victim(trip, groups, index)
            if victim is None:
                break
            changed = True
            # The rest keeps its order: dropping a stop from a feasible-first order keeps it so.
            groups[index] = [s for s in groups[index] if s is not victim]
            if not _move_elsewhere(trip, groups, index, victim):
                unplaced.append(_why(trip, groups, index, victim))
        if changed:
            groups[index] = order_group(trip, groups, index)
    return groups, unplaced


def _victim(trip: Trip, groups, index) -> PlaceInfo | None:
    """The stop whose removal helps the day most: closed that day first, then the costliest."""
    group = groups[index]
    free = [s for s in group if s.slug not in trip.request.locked] or list(group)
    if not free:
        return None
    date = trip.dates[index]
    shut = [s for s in free if hours_on(s, date).closed]
    if shut:
        return shut[0]

    problem = trip.day_problem(groups, index)
    position = {id(place): i for i, place in enumerate(group)}

    def without(stop):
        """Fewest misfits left; then keep the longer visits (the day's purpose), then time."""
        order = [i for i in range(len(group)) if i != position[id(stop)]]
        stay = problem.rules[position[id(stop)]].stay
        return (problem.cost(order)[0], stay, problem.finish_minute(order))

    return min(free, key=without)


def _move_elsewhere(trip: Trip, groups, index, stop) -> bool:
    """Put the stop on another day where it fits, at the place adding the least travel."""
    best = None
    for other in range(len(groups)):
        if other == index or hours_on(stop, trip.dates[other]).closed:
            continue
        for position in range(len(groups[other]) + 1):
            trial = [list(g) for g in groups]
            trial[other].insert(position, stop)
            problem = trip.day_problem(trial, other)
            cost = problem.cost(list(range(len(trial[other]))))
            if cost[0] == 0 and (best is None or cost[1] < best[0]):
                best = (cost[1], other, trial)
    if best is None:
        return False
    _cost, other, trial = best
    groups[other] = order_group(trip, trial, other)
    return True


def _why(trip: Trip, groups, index, stop) -> Unplaced:
    request = trip.request
    alone = [[] for _ in groups]
    alone[index] = [stop]
    if not fits(trip, alone, index):
        earlier = trip.day_start > EARLIEST_START
        if earlier:
            problem = trip.day_problem(alone, index, day_start=EARLIEST_START)
            if problem.cost([0])[0] == 0:
                return Unplaced(stop, Reason.NO_TIME, Suggestion.START_EARLIER)
        return Unplaced(stop, Reason.NO_TIME, Suggestion.CLOSED_THAT_DAY)
    if request.days < trip.max_days:
        return Unplaced(stop, Reason.NO_TIME, Suggestion.ADD_DAY)
    others = [s for s in groups[index] if s.slug not in request.locked]
    other = max(others, key=lambda s: s.visit_minutes or 0).slug if others else None
    return Unplaced(stop, Reason.NO_TIME, Suggestion.DROP_OTHER, other)
