"""Public transport as it runs: trunk lines to Huairou at their times, local lines, taxis.

A leg from central Beijing rides a trunk line (916快 to Huairou town, S5 to Yanqihu) and then
a local line that serves the place (walk at the end), a hailed taxi where taxis cruise, or a
car booked in advance in valleys where they do not. Timetables and their sources live in
data/roads/transit.json; unknown hours are marked there as assumptions.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from . import parameters as p
from .roads import RoadNetwork, straight_km
from .types import PlaceInfo

TRANSIT_PATH = Path(__file__).resolve().parents[2] / "data" / "roads" / "transit.json"
TAXI_HUB = "huairou-town"


@dataclass(frozen=True)
class TransitStep:
    """One segment of a transit leg. Times are "HH:MM" ("" when the day's clock is unknown)."""

    mode: str  # bus | train | taxi | booked_car | walk
    line: str
    origin: str
    destination: str
    depart: str
    arrive: str
    minutes: int
    wait_minutes: int = 0
    km: float = 0.0


@dataclass(frozen=True)
class _Segment:
    """A step before it is timed: ride minutes plus what decides the wait."""

    mode: str
    line: str
    origin: str
    destination: str
    minutes: float
    km: float
    departures: tuple[int, ...] | None = None  # minutes after midnight; None = on demand
    headway: int = 0
    on_demand_wait: float = 0.0
    path: tuple = ()


def _clock(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _hhmm(minutes: float) -> str:
    minutes = int(round(minutes)) % (24 * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _known(record: dict, key: str):
    """A timetable value: the sourced one, else the stated assumption (`<key>_assumed`)."""
    return record.get(key) or record[f"{key}_assumed"]


def _departures(first: str, last: str, headway: int) -> tuple[int, ...]:
    return tuple(range(_clock(first), _clock(last) + 1, headway))


class TransitPlanner:
    def __init__(self, network: RoadNetwork, data: dict):
        self.network = network
        self.trunks = data["trunk_lines"]
        self.local_lines = [line for line in data["local_lines"] if line["serves"]]
        self.city_stops = {trunk["city_stop"] for trunk in self.trunks}

    # --- the pieces ----------------------------------------------------------------------

    def _node_point(self, node_id: str) -> tuple[float, float]:
        node = self.network.nodes[self.network.index[node_id]]
        return (node.lat, node.lng)

    def _drive(self, a: tuple[float, float], b: tuple[float, float]):
        return self.network.route(a, b)

    def is_city(self, place: PlaceInfo) -> bool:
        return place.slug in self.city_stops or place.lat < 40.2

    def _hub_to_place(self, place: PlaceInfo) -> list[_Segment] | None:
        """From Huairou town to a place: local line + walk, taxi, booked car, or None."""
        if place.slug == TAXI_HUB:
            return []  # already there: no taxi (and no wait for one) to the bus stop
        hub = self._node_point(TAXI_HUB)
        # A line that names the place first; else a line whose stop is where the place is.
        lines = sorted(self.local_lines, key=lambda line: place.slug not in line["serves"])
        for line in lines:
            stop = self._node_point(line["stop_node"])
            at_the_stop = straight_km(*place.point, *stop) <= p.AT_THE_STOP_KM
            if place.slug in line["serves"] or (at_the_stop and line["stop_node"] != TAXI_HUB):
                ride = self._drive(hub, stop)
                headway = _known(line, "headway_minutes")
                times = _departures(_known(line, "first"), _known(line, "last"), headway)
                bus = _Segment("bus", line["line"], TAXI_HUB, line["stop_node"],
                               ride.minutes * p.BUS_SLOWDOWN, ride.km, times, headway,
                               path=ride.path)  # fmt: skip
                walk = line["serves"].get(place.slug, 0)
                if not walk:  # the place is the stop
                    return [bus]
                return [bus, _Segment("walk", "", line["stop_node"], place.slug, walk, 0.0)]
        drive = self._drive(hub, place.point)
        if drive.km <= p.TAXI_CRUISE_KM:
            return [_Segment("taxi", "", TAXI_HUB, place.slug, drive.minutes, drive.km,
                             on_demand_wait=p.TAXI_WAIT_MINUTES, path=drive.path)]  # fmt: skip
        if drive.km <= p.BOOKED_CAR_MAX_KM:
            return [_Segment("booked_car", "", TAXI_HUB, place.slug, drive.minutes, drive.km,
                             path=drive.path)]  # fmt: skip
        return None

    def _trunk(self, trunk: dict, outbound: bool, day_kind: str, slowdown=1.0) -> _Segment:
        city, hub = self._node_point(trunk["city_stop"]), self._node_point(trunk["hub"])
        road = self._drive(city, hub)
        if trunk["mode"] == "train":
            times = trunk["outbound_departures" if outbound else "return_departures"]
            departures = tuple(_clock(t) for t in times.get(day_kind, ()))
            headway = 0
        else:
            first, last = (
                (trunk["outbound_first"], trunk["outbound_last"])
                if outbound
                else (_known(trunk, "return_first"), _known(trunk, "return_last"))
            )
            headway = trunk["headway_minutes"]
            departures = _departures(first, last, headway)
        ends = (
            (trunk["city_stop"], trunk["hub"]) if outbound else (trunk["hub"], trunk["city_stop"])
        )
        path = road.path if outbound else road.path[::-1]
        ride = trunk["ride_minutes"] * (slowdown if trunk["mode"] == "bus" else 1.0)
        return _Segment(trunk["mode"], trunk["line"], *ends, ride, road.km,
                        departures, headway, path=path)  # fmt: skip

    # --- legs ----------------------------------------------------------------------------

    def segments(
        self, a: PlaceInfo, b: PlaceInfo, day_kind: str, slowdown: float = 1.0
    ) -> list[list[_Segment]]:
        """Candidate chains from a to b (empty = no way without a car).

        `slowdown` is the traffic factor on the expressway, which the 916快 shares with cars.
        """
        if self.is_city(a) and not self.is_city(b):
            onward = self._hub_to_place(b)
            chains = []
            for trunk in self.trunks:
                to_stop = self._across_the_city(a, trunk["city_stop"])
                if trunk["hub"] == TAXI_HUB and onward is not None:
                    trunk_out = self._trunk(trunk, True, day_kind, slowdown)
                    chains.append([*to_stop, trunk_out, *onward])
                elif trunk["hub"] != TAXI_HUB:
                    chains.extend([*to_stop, *c] for c in self._via_station(trunk, b, day_kind))
            return chains
        if self.is_city(b) and not self.is_city(a):
            back = self._hub_to_place(a)
            # Only the 916快 has sourced return times (data/roads/transit.json: no S5 back).
            trunk = next(t for t in self.trunks if t["hub"] == TAXI_HUB)
            if back is None:
                return []
            home = _reversed(self._across_the_city(b, trunk["city_stop"]))
            return [[*_reversed(back), self._trunk(trunk, False, day_kind, slowdown), *home]]
        by_line = self._from_or_to_the_hub(a, b)
        if by_line:
            return by_line  # as from the city: a line that serves the place is the way
        drive = self._drive(a.point, b.point)
        if drive.km <= p.WALK_MAX_KM:  # next door: no one books a car for it
            minutes = drive.km / p.WALK_KMH * 60
            return [[_Segment("walk", "", a.slug, b.slug, minutes, drive.km, path=drive.path)]]
        hub_km = self._drive(self._node_point(TAXI_HUB), a.point).km
        mode = "taxi" if hub_km <= p.TAXI_CRUISE_KM else "booked_car"
        wait = p.TAXI_WAIT_MINUTES if mode == "taxi" else 0
        return [[_Segment(mode, "", a.slug, b.slug, drive.minutes, drive.km,
                          on_demand_wait=wait, path=drive.path)]]  # fmt: skip

    def _across_the_city(self, place: PlaceInfo, city_stop: str) -> list[_Segment]:
        """From a place in Beijing to a line's city terminus by taxi (none from the terminus
        itself): a trip from Beijing North or Chaoyang station rides the 916快 too, and comes
        back to where it began rather than stopping at Dongzhimen."""
        if place.slug == city_stop:
            return []
        drive = self._drive(place.point, self._node_point(city_stop))
        return [_Segment("taxi", "", place.slug, city_stop, drive.minutes, drive.km,
                         on_demand_wait=p.TAXI_WAIT_MINUTES, path=drive.path)]  # fmt: skip

    def _from_or_to_the_hub(self, a: PlaceInfo, b: PlaceInfo) -> list[list[_Segment]]:
        """A local line between Huairou town and a place it serves, either way."""
        if a.slug == TAXI_HUB:
            onward = self._hub_to_place(b)
            return [onward] if onward and onward[0].line else []
        if b.slug == TAXI_HUB:
            back = self._hub_to_place(a)
            return [_reversed(back)] if back and back[0].line else []
        return []

    def _via_station(self, trunk: dict, b: PlaceInfo, day_kind: str) -> list[list[_Segment]]:
        station = self._node_point(trunk["hub"])
        drive = self._drive(station, b.point)
        if drive.km > p.DIRECT_LOCAL_KM * 2 or not self._trunk(trunk, True, day_kind).departures:
            return []
        taxi = _Segment("taxi", "", trunk["hub"], b.slug, drive.minutes, drive.km,
                        on_demand_wait=p.TAXI_WAIT_MINUTES, path=drive.path)  # fmt: skip
        return [[self._trunk(trunk, True, day_kind), taxi]]

    @staticmethod
    def timed(
        chain: list[_Segment], start: int | None, pause: tuple[float, float, float] | None = None
    ) -> tuple[list[TransitStep], int, bool, float | None]:
        """Steps with clock times from `start` (minutes after midnight); missed = no service.

        `pause` = (earliest, latest, minutes): a lunch break between two steps (or before the
        first), starting within [earliest, latest]; its start is returned, None if none fits.
        """
        if pause is None or start is None:
            steps, clock, missed, _reached = _timed(chain, start)
            return steps, clock, missed, None
        reached = _timed(chain, start)[3]
        before, at = _where_to_pause(reached, *pause[:2])
        steps, clock, missed, _reached = _timed(chain, start, before, at, pause[2])
        return steps, clock, missed, at

    # --- the last connection home --------------------------------------------------------

    def latest_start(self, chain: list[_Segment]) -> int | None:
        """Latest minute after midnight to leave the chain's origin and still make each step."""
        arrive_by = None  # when the previous segment must have arrived
        leave_by = None
        for segment in reversed(chain):
            if segment.departures is None:
                if arrive_by is None:
                    continue
                leave_by = arrive_by - segment.minutes - segment.on_demand_wait
            else:
                latest = None if arrive_by is None else arrive_by - segment.minutes
                feasible = [t for t in segment.departures if latest is None or t <= latest]
                if not feasible:
                    return None
                leave_by = feasible[-1]
            arrive_by = leave_by - (p.TRANSFER_MINUTES if segment.departures else 0)
        return leave_by

    def practical(self, place: PlaceInfo) -> bool:
        return self.is_city(place) or self._hub_to_place(place) is not None


def _timed(chain, start, pause_before=None, pause_at=None, pause_minutes=0.0):
    """The chain timed from `start`, lunch before step `pause_before` from `pause_at`:
    (steps, arrival, missed, the minute each step could set off: start or the last arrival)."""
    clock, steps, missed, reached = start, [], False, []
    for index, segment in enumerate(chain):
        reached.append(clock)
        idle = 0.0  # waiting for the lunch window where lunch is taken
        if index == pause_before:
            idle, clock = pause_at - clock, pause_at + pause_minutes
        if segment.departures is not None:
            if clock is None:
                wait = segment.headway / 2
            else:
                ready = clock + (p.TRANSFER_MINUTES if index else 0)
                upcoming = [t for t in segment.departures if t >= ready]
                missed = missed or not upcoming
                wait = (upcoming[0] if upcoming else ready) - clock
        else:
            wait = segment.on_demand_wait
        depart = None if clock is None else clock + wait
        arrive = None if depart is None else depart + segment.minutes
        steps.append(
            TransitStep(segment.mode, segment.line, segment.origin, segment.destination,
                        _hhmm(depart) if depart is not None else "",
                        _hhmm(arrive) if arrive is not None else "",
                        round(segment.minutes), round(wait + idle), round(segment.km, 1))
        )  # fmt: skip
        clock = arrive
    return steps, (clock if clock is not None else 0), missed, reached


def _where_to_pause(reached: list[float], earliest: float, latest: float):
    """(index of the step lunch comes before, minute it starts): at the first change of
    vehicle (or setting off) reached within the lunch window, else the last one before it,
    waiting there; (None, None) when every change comes too late."""
    usable = [(k, at) for k, at in enumerate(reached) if at <= latest]
    if not usable:
        return None, None
    within = [(k, at) for k, at in usable if at >= earliest]
    k, at = within[0] if within else usable[-1]
    return k, max(at, earliest)


def _reversed(chain: list[_Segment]) -> list[_Segment]:
    """The same chain ridden the other way."""
    return [
        _Segment(s.mode, s.line, s.destination, s.origin, s.minutes, s.km,
                 s.departures, s.headway, s.on_demand_wait, s.path[::-1])
        for s in reversed(chain)
    ]  # fmt: skip


def load_transit(network: RoadNetwork, path: Path | str | None = None) -> TransitPlanner:
    key = Path(path) if path else TRANSIT_PATH
    if key not in _PLANNERS:
        _PLANNERS[key] = TransitPlanner(network, json.loads(key.read_text(encoding="utf-8")))
    return _PLANNERS[key]


_PLANNERS: dict[Path, TransitPlanner] = {}
