import datetime as dt
import json

import pytest

from planner.models import Itinerary, ItineraryStop, RouteStop, ScenicSpot
from tests.dates import OCTOBER_SATURDAY, next_saturday_from


def post(client, body, url="/api/plan", **extra):
    data = body if isinstance(body, bytes | str) else json.dumps(body)
    return client.post(url, data=data, content_type="application/json", **extra)


def put(client, url, body, edit_key=""):
    return client.put(url, data=json.dumps(body), content_type="application/json",
                      HTTP_X_EDIT_KEY=edit_key)  # fmt: skip


BASE = {"start": "dongzhimen", "date": OCTOBER_SATURDAY, "days": 1, "transport": "car",
        "pace": "normal", "stops": ["mutianyu-great-wall", "hongluo-temple"]}  # fmt: skip


def test_plan_answers_the_documented_shape(huairou, client):
    response = post(client, BASE)
    assert response.status_code == 200
    plan = response.json()
    (day,) = plan["days"]
    assert day["date"] == OCTOBER_SATURDAY
    stop = day["stops"][0]
    assert set(stop) >= {"slug", "kind", "name_zh", "name_en", "lat", "lng", "arrive", "depart",
                         "ticket_cny", "suggested"}  # fmt: skip
    assert {leg["from"] for leg in day["legs"]} >= {"dongzhimen"}
    assert set(day["legs"][0]) == {
        "from", "to", "km", "minutes", "mode", "drive_minutes", "access_minutes",
        "wait_minutes", "line", "traffic", "steps", "path", "how",
    }  # fmt: skip
    assert set(plan["totals"]["unknown_prices"]) == {"tickets", "lodging"}
    assert plan["unplaced"] == []
    assert plan["totals"]["travel_minutes"] == sum(leg["minutes"] for leg in day["legs"])
    assert plan["totals"]["km"] == pytest.approx(sum(leg["km"] for leg in day["legs"]), abs=0.05)
    hongluo = ScenicSpot.objects.get(slug="hongluo-temple")
    mutianyu = ScenicSpot.objects.get(slug="mutianyu-great-wall")
    # 10 October: the ticket of the season in force that day (Mutianyu's Apr–Oct period).
    october = next(p for p in mutianyu.periods.all() if p.covers(dt.date(2026, 10, 10)))
    assert plan["totals"]["tickets_cny"] == hongluo.ticket_cny + october.ticket_cny


def test_two_day_plan_has_an_overnight_with_alternatives(huairou, client):
    body = {**BASE, "days": 2, "stops": ["mutianyu-great-wall", "hongluo-temple", "yanqi-lake",
                                         "qinglong-gorge"]}  # fmt: skip
    day1, day2 = post(client, body).json()["days"]
    assert day1["overnight"]["slug"] == day1["legs"][-1]["to"] == day2["legs"][0]["from"]
    assert day1["overnight_alternatives"]
    assert day2["overnight"] is None and day2["legs"][-1]["to"] == "dongzhimen"


def test_seasonal_route_seeds_the_stops_and_every_stop_can_be_planned(huairou, client):
    plan = post(client, {"route": "autumn", "days": 2, "date": OCTOBER_SATURDAY}).json()
    route_stops = RouteStop.objects.filter(route__slug="autumn").order_by("position")
    expected = [stop.target.slug for stop in route_stops if stop.homestay_id is None]
    stay = next(stop.target.slug for stop in route_stops if stop.homestay_id is not None)
    # The route's stay is the night, not one of the stops.
    assert plan["request"]["stops"] == expected and plan["request"]["homestay"] == stay
    planned = {s["slug"] for day in plan["days"] for s in day["stops"]}
    assert set(expected) <= planned and plan["days"][0]["overnight"]["slug"] == stay
    assert not [w for w in plan["warnings"] if w["code"] == "not_mapped"]


def test_custom_start_point(huairou, client):
    body = {**BASE, "start": {"lat": 39.99, "lng": 116.48, "name": "Wangjing"}}
    day = post(client, body).json()["days"][0]
    assert day["start"]["name_en"] == "Wangjing" and day["legs"][-1]["to"] == "custom-start"


@pytest.mark.parametrize(
    "body, field, words",
    [
        ({"stops": ["no-such-place"]}, "stops", "no-such-place"),
        ({"date": "05/12/2026"}, "date", "2026-12-05"),
        ({"days": 4}, "days", "1 to 3"),
        ({"days": "2"}, "days", "whole number"),
        ({"stops": [f"s{i}" for i in range(16)]}, "stops", "at most 15 stops"),
        ({"stops": "mutianyu-great-wall"}, "stops", "list"),
        ({"transport": "horse"}, "transport", "car"),
        ({"pace": 3}, "pace", "relaxed"),
        ({"start": "atlantis"}, "start", "atlantis"),
        ({"start": {"lat": 31.2, "lng": 121.5}}, "start", "Beijing"),
        ({"route": "monsoon"}, "route", "monsoon"),
        ({"optimize": "yes"}, "optimize", "true or false"),
        ({"locked": ["yanqi-lake"]}, "locked", "among the stops"),
        ({"budget_per_night": -5}, "budget_per_night", "whole number"),
        ({"homestay": "nowhere"}, "homestay", "nowhere"),
        ({"stops": ["yanqi-lake", "yanqi-lake"]}, "stops", "more than once"),
        ({"colour": "red"}, "body", "colour"),
        ({"day_start": "06:00"}, "day_start", "07:00"),
        ({"day_end": "23:30"}, "day_end", "22:00"),
        ({"day_end": 21}, "day_end", "09:30"),
        ({"lodging_kind": "castle"}, "lodging_kind", "hotel"),
    ],
)
def test_bad_input_gets_400_naming_the_problem(huairou, client, body, field, words):
    response = post(client, {**BASE, **body}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert field in errors and words in " ".join(errors[field])


@pytest.mark.parametrize(
    "body, english, chinese",
    [
        ({"budget_per_night": 0}, "The budget per night must be a whole number from 1 to 100000.",
         "每晚预算必须是 1 到 100000 之间的整数。"),
        ({"date": "2026-13-01"}, "The first day must be a date written like 2026-12-05.",
         "出发日期必须是日期，格式如 2026-12-05。"),
        ({"stops": ["yanqi-lake"] * 19}, "A plan holds at most 15 stops; this one has 19.",
         "一个行程最多 15 个地点，这个行程有 19 个。"),
    ],
)  # fmt: skip
def test_messages_name_the_field_as_a_visitor_reads_it_in_the_page_s_language(
    huairou, client, body, english, chinese
):
    (field,) = body
    answer = post(client, {**BASE, **body}, HTTP_ACCEPT_LANGUAGE="en").json()["errors"]
    assert answer[field][0] == english
    client.cookies["django_language"] = "zh-hans"  # the language switch's choice wins
    answer = post(client, {**BASE, **body}, HTTP_ACCEPT_LANGUAGE="en").json()["errors"]
    assert answer[field][0] == chinese


@pytest.mark.parametrize(
    "raw, words",
    [(b"{not json", "not valid JSON"), (b"[1, 2]", "JSON object"), (b"\xff\xfe", "not valid JSON")],
)
def test_malformed_bodies_get_400(huairou, client, raw, words):
    response = post(client, raw)
    assert response.status_code == 400 and words in response.json()["errors"]["body"][0]


def test_oversized_body_gets_400(huairou, client):
    response = post(client, json.dumps({**BASE, "title": "x" * 40_000}))
    assert response.status_code == 400 and "larger" in response.json()["errors"]["body"][0]


def test_get_is_not_allowed_on_plan(client):
    assert client.get("/api/plan").status_code == 405


def test_save_read_and_share(huairou, client):
    response = post(client, {**BASE, "title": "秋天的周末"}, url="/api/itineraries")
    assert response.status_code == 201
    saved = response.json()
    assert len(saved["token"]) >= 22 and saved["version"] == 1
    assert saved["url"] == f"/i/{saved['token']}/"
    assert not saved["token"].isdigit()
    again = client.get(f"/api/itineraries/{saved['token']}").json()
    assert again["plan"] == saved["plan"] and again["title"] == "秋天的周末"
    itinerary = Itinerary.objects.get(token=saved["token"])
    stops = ItineraryStop.objects.filter(day__itinerary=itinerary).order_by("day", "position")
    assert [s.slug for s in stops] == [s["slug"] for s in saved["plan"]["days"][0]["stops"]]


def test_tokens_are_random_not_sequential(huairou, client):
    tokens = {post(client, BASE, url="/api/itineraries").json()["token"] for _ in range(3)}
    assert len(tokens) == 3 and all(len(t) >= 22 for t in tokens)


def test_update_with_the_version_read_and_conflict_after(huairou, client):
    saved = post(client, BASE, url="/api/itineraries").json()
    url = f"/api/itineraries/{saved['token']}"
    key = saved["edit_key"]
    first = put(client, url, {**BASE, "stops": ["yanqi-lake"], "version": 1}, key)
    assert first.status_code == 200 and first.json()["version"] == 2
    stale = put(client, url, {**BASE, "stops": ["hongluo-temple"], "version": 1}, key)
    assert stale.status_code == 409
    kept = client.get(url).json()
    assert kept["version"] == 2 and kept["request"]["stops"] == ["yanqi-lake"]


def test_bad_update_changes_nothing(huairou, client):
    saved = post(client, BASE, url="/api/itineraries").json()
    url = f"/api/itineraries/{saved['token']}"
    key = saved["edit_key"]
    assert put(client, url, {**BASE, "days": 9, "version": 1}, key).status_code == 400
    assert put(client, url, {**BASE}, key).status_code == 400  # no version
    assert client.get(url).json()["plan"] == saved["plan"]


def test_unknown_token_is_404(db, client):
    assert client.get("/api/itineraries/not-a-token").status_code == 404


def test_on_a_multi_day_trip_a_listed_homestay_is_the_night_stay(huairou, client):
    plan = post(client, {"route": "summer", "days": 2, "date": next_saturday_from(7, 4)}).json()
    day1, _day2 = plan["days"]
    assert day1["overnight"]["slug"] == "jiankou-great-wall-farmhouse"
    visited = [s["slug"] for day in plan["days"] for s in day["stops"]]
    assert "jiankou-great-wall-farmhouse" not in visited


def test_nul_characters_are_refused_before_they_reach_the_database(huairou, client):
    # Found by fuzzing on PostgreSQL, which cannot store NUL in text.
    response = post(client, {**BASE, "homestay": "\u0000"}, url="/api/itineraries")
    assert response.status_code == 400 and "NUL" in response.json()["errors"]["body"][0]
    assert client.get("/api/places.geojson", {"town": "a\u0000"}).status_code == 400
    assert client.get("/i/%00abcdefgh/").status_code == 404
    assert client.get("/plan/?from=%00").status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        {"route": "summer", "days": 2, "stops": []},
        {"route": "autumn", "days": 2, "stops": []},
        {"stops": ["tanghekou", "heyin-cafe", "huaibei-ski-resort"], "days": 2},
        {"route": "winter", "days": 3},
    ],
)
def test_empty_or_unmapped_trips_get_a_plan_not_a_500(huairou, client, body):
    response = post(client, {**BASE, **body})
    assert response.status_code == 200
    assert all(day["stops"] == [] or day["stops"] for day in response.json()["days"])


def test_twelve_stops_in_one_day_answer_a_plan_with_the_rest_set_aside(huairou, client):
    stops = ["mutianyu-great-wall", "hongluo-temple", "yanqi-lake", "qinglong-gorge",
             "huanghuacheng-lakeside-great-wall", "labagou-primeval-forest",
             "xiangshuihu-great-wall", "shengquan-mountain", "jiugukou", "shimen-mountain",
             "shentangyu", "baiquan-mountain"]  # fmt: skip
    plan = post(client, {**BASE, "stops": stops}).json()
    (day,) = plan["days"]
    assert day["back"] <= "21:00"
    visits = [s["slug"] for s in day["stops"] if s["role"] == "visit"]
    assert sorted(visits + [u["slug"] for u in plan["unplaced"]]) == sorted(stops)
    assert {u["suggestion"] for u in plan["unplaced"]} <= {
        "add_day",
        "drop_other",
        "start_earlier",
        "closed_that_day",
    }


def test_a_later_start_and_an_earlier_return_are_kept(huairou, client):
    body = {**BASE, "day_start": "09:30", "day_end": "18:00"}
    plan = post(client, body).json()
    (day,) = plan["days"]
    assert day["leave"] == "09:30" and day["back"] <= "18:00"
    assert plan["request"]["day_start"] == "09:30"
