import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.planning import PlaceInfo, Transport
from planner.planning.roads import NETWORK_PATH, road_network, straight_km
from planner.planning.travel import TravelModel
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
