import datetime as dt
import json

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from planner.planning import PlaceInfo, Transport
from planner.planning.roads import NETWORK_PATH, RoadNetwork, road_network, straight_km
from planner.planning.traffic import traffic_at
from planner.planning.travel import TravelModel, direction
from tests.planning.factories import DONGZHIMEN, HUAIROU_TOWN, LABAGOU

CAR = TravelModel(Transport.CAR)


def test_every_edge_has_a_known_class_and_a_source_or_a_stated_basis():
    data = json.loads(NETWORK_PATH.read_text(encoding="utf-8"))
    ids = {node["id"] for node in data["nodes"]}
    for edge in data["edges"]:
        assert edge["from"] in ids and edge["to"] in ids
        assert edge["km_basis"]
        if (
            edge["km_basis"]
            != "derived: straight line × the class circuity (parameters.ROAD_CIRCUITY)"
        ):
            assert edge["source"]


def test_the_network_is_connected():
    network = road_network()
    tables = network.tables({})
    assert all(minutes < float("inf") for row in tables.minutes for minutes in row)


def test_the_rebuilt_g111_carries_its_sourced_37_km():
    data = json.loads(NETWORK_PATH.read_text(encoding="utf-8"))
    rebuilt = [e["km"] for e in data["edges"] if e["class"] == "g111_rebuilt"]
    assert round(sum(rebuilt), 2) == 37.24


def test_huairou_town_to_labagou_is_about_the_sourced_100_road_km():
    leg = CAR.leg(HUAIROU_TOWN, LABAGOU)
    assert 88 < leg.km < 115


def test_a_leg_from_the_city_is_never_faster_than_the_same_trip_from_huairou_town():
    saturday = dt.datetime(2026, 11, 21, 8, 0)
    city, town = CAR.leg(DONGZHIMEN, LABAGOU, saturday), CAR.leg(HUAIROU_TOWN, LABAGOU, saturday)
    assert city.drive_minutes > town.drive_minutes
    assert city.km > town.km


@settings(max_examples=60, deadline=None)
@given(
    lat=st.floats(40.38, 41.0),
    lng=st.floats(116.35, 116.85),
    hour=st.integers(6, 20),
    day=st.sampled_from([dt.date(2026, 11, 18), dt.date(2026, 11, 21), dt.date(2026, 10, 2)]),
)
def test_property_city_legs_through_huairou_are_never_faster_than_from_huairou(lat, lng, hour, day):
    place = PlaceInfo(f"p-{lat:.5f}-{lng:.5f}", "spot", "", "", lat, lng)
    depart = dt.datetime.combine(day, dt.time(hour))
    model = TravelModel(Transport.CAR)
    assert (
        model.leg(DONGZHIMEN, place, depart).minutes
        >= model.leg(HUAIROU_TOWN, place, depart).minutes
    )


def test_the_leg_path_follows_the_road_from_start_to_end():
    leg = CAR.leg(DONGZHIMEN, LABAGOU)
    assert leg.path[0] == (round(DONGZHIMEN.lat, 5), round(DONGZHIMEN.lng, 5))
    assert leg.path[-1] == (round(LABAGOU.lat, 5), round(LABAGOU.lng, 5))
    hops = sum(straight_km(*a, *b) for a, b in zip(leg.path, leg.path[1:], strict=False))
    assert hops < leg.km  # the polyline is a chord of the road


def test_every_edge_is_at_least_its_straight_line_and_plausibly_winding():
    network = road_network()
    for edge in network.edges:
        a, b = network.nodes[edge.a], network.nodes[edge.b]
        straight = straight_km(a.lat, a.lng, b.lat, b.lng)
        # A sourced length is rounded to the km: allow it half a km under the straight line.
        assert edge.km >= straight - 0.5, (a.id, b.id, edge.km, round(straight, 1))
        assert edge.km <= 2.5 * straight, (a.id, b.id, edge.km, round(straight, 1))


HUANGHUACHENG = PlaceInfo("huanghuacheng", "spot", "黄花城水长城", "", 40.413, 116.3039)


def test_huanghuacheng_from_the_city_takes_the_western_approach_by_changping():
    route = CAR.drive(DONGZHIMEN, HUANGHUACHENG)
    assert "changping-xiguan" in route.nodes and "huairou-town" not in route.nodes
    assert 70 < route.km < 85  # sourced: 65–70 (tourist pages), 77 (Lonely Planet)


def test_from_huairou_town_huanghuacheng_is_reached_through_jiuduhe():
    route = CAR.drive(HUAIROU_TOWN, HUANGHUACHENG)
    assert "jiuduhe" in route.nodes and "changping-xiguan" not in route.nodes


def _point_along(first: str, second: str, fraction: float) -> PlaceInfo:
    network = road_network()
    a, b = (network.nodes[network.index[node]] for node in (first, second))
    lat, lng = a.lat + fraction * (b.lat - a.lat), a.lng + fraction * (b.lng - a.lng)
    return PlaceInfo(f"on-{first}-{fraction}", "spot", "", "", lat, lng)


def test_a_place_beside_a_road_joins_it_where_it_stands():
    network = road_network()
    edge = next(e for e in network.edges if network.nodes[e.a].id == "hefangkou")
    start = network.nodes[edge.a]
    halfway = _point_along("hefangkou", network.nodes[edge.b].id, 0.5)
    node = PlaceInfo("hefangkou", "poi", "", "", start.lat, start.lng)
    assert CAR.drive(node, halfway).km == pytest.approx(edge.km / 2, abs=0.5)


def test_two_places_on_the_same_road_drive_between_them_without_a_detour():
    network = road_network()
    edge = next(e for e in network.edges if network.nodes[e.a].id == "hefangkou")
    far = network.nodes[edge.b].id
    low, high = _point_along("hefangkou", far, 0.2), _point_along("hefangkou", far, 0.8)
    assert CAR.drive(low, high).km == pytest.approx(0.6 * edge.km, abs=0.5)


@settings(max_examples=80, deadline=None)
@given(
    lat=st.floats(40.25, 41.05),
    lng=st.floats(116.25, 116.9),
    hour=st.integers(6, 20),
    day=st.sampled_from([dt.date(2026, 11, 18), dt.date(2026, 11, 22), dt.date(2026, 10, 1)]),
)
@example(lat=40.25, lng=116.625, hour=7, day=dt.date(2026, 10, 1))  # beside 京密路, May Day
def test_property_a_city_leg_is_never_quicker_than_from_any_junction_it_passes(lat, lng, hour, day):
    place = PlaceInfo(f"q-{lat:.5f}-{lng:.5f}", "spot", "", "", lat, lng)
    depart = dt.datetime.combine(day, dt.time(hour))
    model = TravelModel(Transport.CAR)
    city = model.leg(DONGZHIMEN, place, depart)
    network = road_network()
    traffic = traffic_at(depart, direction(DONGZHIMEN, place))
    for node_id in model.drive(DONGZHIMEN, place, traffic).nodes[1:]:
        node = network.nodes[network.index[node_id]]
        on_the_way = PlaceInfo(node_id, "poi", "", "", node.lat, node.lng)
        assert city.minutes >= model.leg(on_the_way, place, depart).minutes, node_id


def _network(nodes, edges) -> RoadNetwork:
    """A small made-up network: nodes (id, lat, lng, terrain), county roads (a, b, km)."""
    return RoadNetwork.from_json({
        "nodes": [{"id": i, "lat": lat, "lng": lng, "terrain": t} for i, lat, lng, t in nodes],
        "edges": [{"from": a, "to": b, "road": "", "class": "county", "km": km}
                  for a, b, km in edges],
    })  # fmt: skip


def _joins_directly(network: RoadNetwork, point, node_id: str) -> bool:
    """Whether a point joins the junction by a local road of its own (no road minutes)."""
    index = network.index[node_id]
    return any(node == index and road == 0.0 for node, _km, _local, road in
               network.attach(*point).entries)  # fmt: skip


def _valley_network():
    """Two valleys 6 km apart, each with a road down to one plain town, a ridge between."""
    return _network(
        [("town", 40.30, 116.60, "plain"), ("east-town", 40.30, 116.66, "plain"),
         ("west", 40.46, 116.57, "mountain"), ("east", 40.46, 116.64, "mountain")],
        [("town", "west", 20), ("east-town", "east", 20), ("town", "east-town", 6)],
    )  # fmt: skip


def test_villages_in_two_valleys_drive_round_by_the_roads_not_over_the_ridge():
    network = _valley_network()
    west, east = (40.462, 116.572), (40.462, 116.638)
    minutes, km, _ = network.quickest(west, east)
    assert straight_km(*west, *east) < 6
    assert km > 40  # down one valley, across the plain, up the other


def test_places_on_the_plain_take_the_local_roads_straight_across():
    network = _valley_network()
    a, b = (40.31, 116.61), (40.31, 116.65)
    minutes, km, ends = network.quickest(a, b)
    assert ends is None and km < 1.5 * straight_km(*a, *b)


def test_a_place_at_a_junction_does_not_also_reach_a_far_one_by_a_local_road():
    network = _valley_network()
    attachment = network.attach(40.46, 116.57)
    assert network.index["east"] not in {entry[0] for entry in attachment.entries}


def test_a_place_on_the_plain_reaches_a_mountain_junction_by_its_road_not_over_the_ridge():
    # A temple at the foot of the hills, its nearest junction on the plain; 5 km west over
    # a hill, a valley junction, reached by the road from the plain that passes 3 km away.
    network = _network(
        [("plain-end", 40.34, 116.62, "plain"), ("valley", 40.375, 116.565, "mountain"),
         ("valley-head", 40.47, 116.565, "mountain")],
        [("plain-end", "valley", 12), ("valley", "valley-head", 12)],
    )  # fmt: skip
    temple, up_the_valley = (40.375, 116.62), (40.47, 116.566)
    assert not _joins_directly(network, temple, "valley")
    _minutes, km, _ends = network.quickest(temple, up_the_valley)
    assert km > 20  # to the valley road, along it to the junction, up the valley


def test_a_place_in_the_mountains_reaches_a_town_on_the_plain_by_its_road_not_over_the_ridge():
    # A village up a valley: its junction 3 km up the road, a town on the plain 4 km east
    # over the ridge, the valley road running down to the plain 12 km south.
    network = _network(
        [("valley", 40.45, 116.60, "mountain"), ("town", 40.44, 116.66, "plain"),
         ("mouth", 40.35, 116.60, "plain")],
        [("valley", "mouth", 12), ("mouth", "town", 12)],
    )  # fmt: skip
    village = (40.43, 116.615)
    assert not _joins_directly(network, village, "town")


def test_two_valleys_that_meet_at_one_junction_are_not_joined_over_their_ridge():
    network = _network(
        [("fork", 40.40, 116.60, "mountain"), ("north", 40.50, 116.58, "mountain"),
         ("east", 40.42, 116.72, "mountain")],
        [("fork", "north", 14), ("fork", "east", 13)],
    )  # fmt: skip
    # One village up each valley, 5 km apart over the ridge between them.
    up_north, up_east = (40.465, 116.63), (40.43, 116.67)
    assert straight_km(*up_north, *up_east) < 6
    _minutes, km, _ends = network.quickest(up_north, up_east)
    assert km > 10  # down to the fork and up again


def test_xiangshuihu_to_huanghuacheng_takes_huaihuang_road_through_jiuduhe():
    # 怀黄路 runs past 慕田峪 and 响水湖 to 黄花城 (市交通委 2025): no detour via Huairou town.
    route = road_network().route((40.4514, 116.453), (40.413, 116.3039))
    assert "jiuduhe" in route.nodes and "huairou-town" not in route.nodes
    assert 25 < route.km < 40


def test_from_the_expressway_to_yanqi_lake_the_huidu_road_is_taken():
    network = road_network()
    exit_node = network.nodes[network.index["jingcheng-huairou"]]
    route = network.route((exit_node.lat, exit_node.lng), (40.392, 116.677))
    assert route.nodes == ("jingcheng-huairou", "yanqi-roundabout")
    assert route.km == pytest.approx(12.0, abs=0.5)
