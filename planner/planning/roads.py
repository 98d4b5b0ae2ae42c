"""The district's roads as a graph: shortest paths by road, in road km and driving minutes.

Nodes are towns and junctions, edges the real corridors (G45, G111, 会都路, 怀长路, 范崎路 ...)
with their road km and a speed class; the data and every edge's source live in
data/roads/network.json. A place joins the graph at its nearest junctions by a short local
road. All-pairs tables are built once per process and per traffic scenario (a few dozen
nodes: a millisecond), so a leg costs a handful of additions.
"""

import heapq
import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import parameters as p

NETWORK_PATH = Path(__file__).resolve().parents[2] / "data" / "roads" / "network.json"
EARTH_RADIUS_KM = 6371.009


def straight_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle km on geopy's mean Earth radius (within 0.5 % of geodesic)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lng2 - lng1) / 2
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    lat: float
    lng: float
    plain: bool = False  # on the Huairou/Beijing plain, where local roads run every way


@dataclass(frozen=True, slots=True)
class Edge:
    a: int
    b: int
    km: float
    speed_class: str

    def minutes(self, factors: dict[str, float]) -> float:
        base = self.km / p.ROAD_SPEED_KMH[self.speed_class] * 60
        return base * factors.get(self.speed_class, 1.0)


@dataclass(frozen=True)
class RoadRoute:
    """A drive between two points: road km, driving minutes and the polyline."""

    km: float
    minutes: float
    path: tuple[tuple[float, float], ...]
    nodes: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Tables:
    minutes: list[list[float]]
    km: list[list[float]]
    previous: list[list[int]]


class RoadNetwork:
    def __init__(self, nodes: list[Node], edges: list[Edge]):
        self.nodes = nodes
        self.index = {node.id: i for i, node in enumerate(nodes)}
        self.edges = edges
        self.adjacent: list[list[Edge]] = [[] for _ in nodes]
        for edge in edges:
            self.adjacent[edge.a].append(edge)
            self.adjacent[edge.b].append(Edge(edge.b, edge.a, edge.km, edge.speed_class))
        self._tables: dict[tuple, _Tables] = {}

    @classmethod
    def from_json(cls, data: dict) -> "RoadNetwork":
        nodes = [
            Node(n["id"], n["lat"], n["lng"], n.get("terrain") == "plain") for n in data["nodes"]
        ]
        index = {node.id: i for i, node in enumerate(nodes)}
        edges = []
        for record in data["edges"]:
            a, b = nodes[index[record["from"]]], nodes[index[record["to"]]]
            km = record["km"]
            if km is None:
                km = straight_km(a.lat, a.lng, b.lat, b.lng) * p.ROAD_CIRCUITY[record["class"]]
            edges.append(Edge(index[a.id], index[b.id], km, record["class"]))
        return cls(nodes, edges)

    # --- all pairs -----------------------------------------------------------------------

    def tables(self, factors: dict[str, float]) -> _Tables:
        key = tuple(sorted(factors.items()))
        if key not in self._tables:
            rows = [self._dijkstra(source, factors) for source in range(len(self.nodes))]
            self._tables[key] = _Tables(*(list(column) for column in zip(*rows, strict=True)))
        return self._tables[key]

    def _dijkstra(self, source: int, factors: dict[str, float]):
        count = len(self.nodes)
        minutes, km, previous = [math.inf] * count, [math.inf] * count, [-1] * count
        minutes[source], km[source] = 0.0, 0.0
        queue = [(0.0, source)]
        while queue:
            found, here = heapq.heappop(queue)
            if found > minutes[here]:
                continue
            for edge in self.adjacent[here]:
                candidate = found + edge.minutes(factors)
                if candidate < minutes[edge.b]:
                    minutes[edge.b], km[edge.b], previous[edge.b] = (
                        candidate,
                        km[here] + edge.km,
                        here,
                    )
                    heapq.heappush(queue, (candidate, edge.b))
        return minutes, km, previous

    # --- places --------------------------------------------------------------------------

    def attach(self, lat: float, lng: float) -> "Attachment":
        """How a point joins the graph: its nearest junctions and its nearest road."""
        return _attach(self, round(lat, 6), round(lng, 6))

    def node_path(self, tables: _Tables, a: int, b: int) -> list[int]:
        path = [b]
        while path[-1] != a:
            path.append(tables.previous[a][path[-1]])
        return path[::-1]

    def quickest(self, a: tuple[float, float], b: tuple[float, float], factors=None):
        """(minutes, km, (start node, end node) or None for a direct local road)."""
        factors = factors or {}
        straight = straight_km(*a, *b)
        best = None
        start, end = self.attach(*a), self.attach(*b)
        if straight <= p.SAME_VILLAGE_KM or (
            straight <= p.DIRECT_LOCAL_KM and start.open_ground_to(end)
        ):
            km = straight * p.LOCAL_CIRCUITY
            best = (km / p.LOCAL_SPEED_KMH * 60, km, None)
        along = start.along_the_same_road(end, factors)
        if along is not None and (best is None or along[0] < best[0]):
            best = (*along, None)
        tables = self.tables(factors)
        start_factor, end_factor = start.road_factor(factors), end.road_factor(factors)
        for first, first_km, first_local, first_road in start.entries:
            row_minutes, row_km = tables.minutes[first], tables.km[first]
            first_minutes = first_local + first_road * start_factor
            for last, last_km, last_local, last_road in end.entries:
                minutes = row_minutes[last] + first_minutes + last_local + last_road * end_factor
                if best is None or minutes < best[0]:
                    best = (minutes, row_km[last] + first_km + last_km, (first, last))
        return best

    def route(self, a: tuple[float, float], b: tuple[float, float], factors=None) -> RoadRoute:
        """The quickest drive from point a to point b (lat, lng) at the given traffic."""
        minutes, km, ends = self.quickest(a, b, factors)
        if ends is None:
            return RoadRoute(km, minutes, (a, b))
        tables = self.tables(factors or {})
        nodes = [self.nodes[i] for i in self.node_path(tables, *ends)]
        path = (a, *((node.lat, node.lng) for node in nodes), b)
        return RoadRoute(km, minutes, path, tuple(node.id for node in nodes))


@dataclass(frozen=True)
class Attachment:
    """Ways from a point onto the graph: (node, km, local minutes, road minutes) each.

    A point joins its nearest junctions by a local road, and its nearest road (not an
    expressway, which one enters only at exits) at the foot of the perpendicular, then
    drives along it to either end; the road minutes are free-flowing, slowed by the traffic
    of the road's class when a leg is priced.
    """

    entries: tuple[tuple[int, float, float, float], ...]
    edge: "Edge | None" = None
    fraction: float = 0.0  # where along `edge` the point joins it, from edge.a
    local_km: float = 0.0  # the local road from the point to that spot
    plain: bool = False  # the nearest junction is on the plain

    def open_ground_to(self, other: "Attachment") -> bool:
        """True when a local road may run straight from one point to the other: both are on
        the plain, or both stand by the same road. In the mountains a ridge may stand between
        two villages a few km apart, even two near one junction where valleys meet, and the
        drive goes round by the roads."""
        return (self.plain and other.plain) or self.on_the_same_road(other)

    def on_the_same_road(self, other: "Attachment") -> bool:
        return (
            self.edge is not None
            and other.edge is not None
            and {self.edge.a, self.edge.b} == {other.edge.a, other.edge.b}
        )

    def road_factor(self, factors: dict[str, float]) -> float:
        return factors.get(self.edge.speed_class, 1.0) if self.edge else 1.0

    def along_the_same_road(self, other: "Attachment", factors: dict[str, float]):
        """(minutes, km) between two points that join the same road, without a detour."""
        if not self.on_the_same_road(other):
            return None
        other_fraction = other.fraction if other.edge.a == self.edge.a else 1 - other.fraction
        road_km = abs(self.fraction - other_fraction) * self.edge.km
        local_km = self.local_km + other.local_km
        road_minutes = road_km / p.ROAD_SPEED_KMH[self.edge.speed_class] * 60
        minutes = road_minutes * self.road_factor(factors) + local_km / p.LOCAL_SPEED_KMH * 60
        return minutes, road_km + local_km


def _foot(network: RoadNetwork, edge: Edge, lat: float, lng: float) -> tuple[float, float]:
    """(fraction along the edge, straight km to it) on a local flat projection."""
    a, b = network.nodes[edge.a], network.nodes[edge.b]
    scale = math.cos(math.radians(lat))
    ax, ay, bx, by = a.lng * scale, a.lat, b.lng * scale, b.lat
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else ((lng * scale - ax) * dx + (lat - ay) * dy) / length
    t = min(1.0, max(0.0, t))
    return t, straight_km(lat, lng, ay + t * dy, (ax + t * dx) / scale)


@cache
def _attach(network: RoadNetwork, lat: float, lng: float) -> Attachment:
    to_minutes = 60 / p.LOCAL_SPEED_KMH
    distances = sorted(
        (straight_km(lat, lng, node.lat, node.lng), i) for i, node in enumerate(network.nodes)
    )
    if not distances:
        return Attachment(())
    reach = distances[0][0] * p.ATTACH_SECOND_RATIO + p.ATTACH_SECOND_SLACK_KM
    entries = [
        (i, km * p.LOCAL_CIRCUITY, km * p.LOCAL_CIRCUITY * to_minutes, 0.0)
        for km, i in distances[: p.ATTACH_NODES]
        if km <= reach
    ]
    plain = network.nodes[distances[0][1]].plain
    roads = [edge for edge in network.edges if edge.speed_class != "expressway"]
    if not roads:
        return Attachment(tuple(entries), plain=plain)
    fraction, km, edge = min(
        ((*_foot(network, edge, lat, lng), edge) for edge in roads), key=lambda found: found[1]
    )
    # Off the plain a place is reached by its road: a junction nearer than that road is a
    # village on it; one farther may lie over the ridge. That holds for a junction in the
    # mountains even from a place on the plain (a temple at the foot of a hill).
    entries = [
        e
        for e in entries
        if (plain and network.nodes[e[0]].plain)
        or e[1] / p.LOCAL_CIRCUITY <= km + p.MOUNTAIN_NODE_SLACK_KM
    ]
    local_km = km * p.LOCAL_CIRCUITY
    speed = p.ROAD_SPEED_KMH[edge.speed_class]
    for node, share in ((edge.a, fraction), (edge.b, 1 - fraction)):
        road_km = share * edge.km
        entries.append((node, local_km + road_km, local_km * to_minutes, road_km / speed * 60))
    return Attachment(_undominated(entries), edge, fraction, local_km, plain)


def _undominated(entries: list) -> tuple:
    """Drop a way onto a junction that another way onto it beats on both its local and its
    road minutes: traffic factors only slow roads (all ≥ 1), so it can never be quicker."""
    return tuple(
        entry
        for entry in entries
        if not any(
            other is not entry
            and other[0] == entry[0]
            and other[2] <= entry[2]
            and other[3] <= entry[3]
            and (other[2], other[3]) != (entry[2], entry[3])
            for other in entries
        )
    )


_NETWORKS: dict[Path, RoadNetwork] = {}


def road_network(path: Path | str | None = None) -> RoadNetwork:
    """The network from data/roads/network.json (or a given file), loaded once per process."""
    key = Path(path) if path else NETWORK_PATH
    if key not in _NETWORKS:
        _NETWORKS[key] = RoadNetwork.from_json(json.loads(key.read_text(encoding="utf-8")))
    return _NETWORKS[key]
