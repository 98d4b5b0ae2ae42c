import datetime as dt

from planner.planning import PlaceInfo, Transport
from planner.planning.travel import TravelModel
from tests.planning.factories import DONGZHIMEN, HONGLUO, HUBS, LABAGOU

MUTIANYU = PlaceInfo("mutianyu-great-wall", "spot", "慕田峪长城", "Mutianyu", 40.4317, 116.5651,
                     rating="5A")  # fmt: skip
XIANGSHUIHU = PlaceInfo("xiangshuihu-great-wall", "spot", "响水湖", "Xiangshuihu", 40.4514, 116.453)
SATURDAY_8 = dt.datetime(2026, 11, 21, 8, 0)


def transit():
    return TravelModel(Transport.TRANSIT, HUBS)


def test_mutianyu_by_916_express_then_the_local_bus_names_both_lines():
    leg = transit().leg(DONGZHIMEN, MUTIANYU, SATURDAY_8)
    assert leg.mode == "transit"
    assert leg.line == "916快 + H23/H24/936"
    assert [step.mode for step in leg.steps] == ["bus", "bus", "walk"]
    assert leg.steps[0].depart == "08:00" and leg.steps[1].depart >= leg.steps[0].arrive


def test_waits_follow_the_timetable_at_the_hour_of_departure():
    leg = transit().leg(DONGZHIMEN, MUTIANYU, dt.datetime(2026, 11, 21, 8, 3))
    assert leg.steps[0].wait_minutes == 7  # 916快 every 10 min from 05:50
    assert leg.wait_minutes == sum(step.wait_minutes for step in leg.steps)
    assert leg.minutes == leg.drive_minutes + leg.wait_minutes + leg.access_minutes


def test_a_taxi_from_huairou_where_taxis_cruise():
    leg = transit().leg(DONGZHIMEN, HONGLUO, SATURDAY_8)
    assert leg.line == "916快"
    assert leg.steps[-1].mode == "taxi"


def test_a_valley_without_cruising_taxis_says_book_a_car():
    leg = transit().leg(MUTIANYU, XIANGSHUIHU, SATURDAY_8)
    assert leg.mode in {"taxi", "booked_car"}
    far = PlaceInfo("tanghekou-homestay", "homestay", "", "", 40.735, 116.635)
    assert transit().leg(HONGLUO, far, SATURDAY_8).steps[0].mode == "taxi"
    assert transit().leg(far, HONGLUO, SATURDAY_8).mode == "booked_car"


def test_the_last_connection_home_is_before_the_last_916_from_huairou():
    latest = transit().last_departure(MUTIANYU, DONGZHIMEN, SATURDAY_8.date())
    assert latest is not None
    assert dt.time(15, 0) < latest.time() < dt.time(19, 0)
    leg = transit().leg(MUTIANYU, DONGZHIMEN, latest)
    assert not leg.missed
    too_late = transit().leg(MUTIANYU, DONGZHIMEN, latest + dt.timedelta(minutes=60))
    assert too_late.missed


def test_s5_is_offered_only_at_its_sourced_times():
    north = PlaceInfo(
        "beijing-north-station", "start", "北京北站", "Beijing North", 39.9447, 116.3537
    )
    yanqi = PlaceInfo("yanqi-lake", "spot", "雁栖湖", "Yanqi Lake", 40.3981, 116.6873, rating="4A")
    early = transit().leg(north, yanqi, dt.datetime(2026, 11, 21, 6, 40))
    assert early.line.startswith("S5") and early.steps[0].depart == "06:56"


NORTH_STATION = PlaceInfo(
    "beijing-north-station", "start", "北京北站", "Beijing North", 39.9447, 116.3537
)
CHAOYANG_STATION = PlaceInfo(
    "beijing-chaoyang-station", "start", "北京朝阳站", "Beijing Chaoyang", 39.9436, 116.5061
)


def test_the_way_back_ends_at_the_station_the_trip_began_from():
    leg = transit().leg(HONGLUO, NORTH_STATION, dt.datetime(2026, 11, 21, 15, 0))
    assert [step.line or step.mode for step in leg.steps] == ["taxi", "916快", "taxi"]
    assert leg.steps[-1].origin == "dongzhimen"
    assert leg.steps[-1].destination == "beijing-north-station"
    assert leg.steps[-1].depart >= leg.steps[-2].arrive
    straight_home = transit().leg(HONGLUO, DONGZHIMEN, dt.datetime(2026, 11, 21, 15, 0))
    assert leg.minutes > straight_home.minutes and leg.km > straight_home.km


def test_from_a_station_no_line_starts_at_the_trip_crosses_the_city_to_the_916():
    leg = transit().leg(CHAOYANG_STATION, HONGLUO, SATURDAY_8)
    assert [step.line or step.mode for step in leg.steps] == ["taxi", "916快", "taxi"]
    assert leg.steps[0].destination == "dongzhimen"


def test_labagou_has_no_transit_leg_pretending_a_bus_goes_there():
    leg = transit().leg(DONGZHIMEN, LABAGOU, SATURDAY_8)
    assert leg.line == ""
    assert leg.mode == "booked_car"


def test_from_huairou_town_the_bus_that_serves_huanghuacheng_is_the_way():
    huanghuacheng = PlaceInfo("huanghuacheng-lakeside-great-wall", "spot", "黄花城水长城", "",
                              40.413, 116.3039)  # fmt: skip
    leg = transit().leg(HUBS["huairou-town"], huanghuacheng, SATURDAY_8)
    assert leg.line == "H14"
    assert [step.mode for step in leg.steps] == ["bus", "walk"]


def test_the_bus_back_to_huairou_town_runs_no_later_than_its_sourced_last_departure():
    huanghuacheng = PlaceInfo("huanghuacheng-lakeside-great-wall", "spot", "黄花城水长城", "",
                              40.413, 116.3039)  # fmt: skip
    leg = transit().leg(huanghuacheng, HUBS["huairou-town"], dt.datetime(2026, 11, 21, 18, 45))
    assert leg.missed  # the H14 runs until 18:30 (Lonely Planet)


def test_a_place_at_a_bus_stop_is_reached_by_that_bus_without_a_walk():
    roundabout = PlaceInfo("cafe-at-the-roundabout", "cafe", "环岛咖啡", "", 40.4, 116.568)
    leg = transit().leg(DONGZHIMEN, roundabout, SATURDAY_8)
    assert leg.line == "916快 + H23/H24/936"
    assert [step.mode for step in leg.steps] == ["bus", "bus"]
    assert leg.steps[-1].destination == "mutianyu-roundabout"


def test_from_a_place_at_a_bus_stop_the_same_bus_goes_back_to_town():
    roundabout = PlaceInfo("cafe-at-the-roundabout", "cafe", "环岛咖啡", "", 40.4, 116.568)
    leg = transit().leg(roundabout, DONGZHIMEN, dt.datetime(2026, 11, 21, 14, 0))
    assert leg.line == "H23/H24/936 + 916快"
    assert [step.mode for step in leg.steps] == ["bus", "bus"]


def test_without_a_car_a_stay_next_door_is_a_walk_not_a_booked_car():
    stay = PlaceInfo("stay-by-the-wall", "homestay", "长城边民宿", "", 40.4545, 116.4585)
    leg = transit().leg(XIANGSHUIHU, stay, dt.datetime(2026, 11, 21, 16, 0))
    assert leg.mode == "walk" and leg.km <= 1.5
    assert 5 <= leg.minutes <= 25 and leg.wait_minutes == 0


def test_from_huairou_town_itself_the_bus_back_is_boarded_without_a_taxi():
    leg = transit().leg(HUBS["huairou-town"], DONGZHIMEN, dt.datetime(2026, 11, 21, 18, 55))
    assert [step.mode for step in leg.steps] == ["bus"]
    assert leg.line == "916快" and not leg.missed  # the last bus back leaves at 19:00
    assert leg.wait_minutes <= 5
