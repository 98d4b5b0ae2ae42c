"""A homestay among a plan's stops is the night, never a half-hour visit."""

from planner.trips.service import compute
from tests.dates import next_saturday_from

STOPS = ["yanqi-lake", "shentangyu", "jiankou-great-wall-farmhouse", "qinglong-gorge",
         "jiugukou", "yougu-shentan"]  # fmt: skip
FARMHOUSE = "jiankou-great-wall-farmhouse"


def shown(plan):
    return [([(s["slug"], s["arrive"], s["depart"]) for s in day["stops"]],
             (day.get("overnight") or {}).get("slug")) for day in plan["days"]]  # fmt: skip


def test_a_saved_plan_reopened_for_editing_plans_the_same(huairou):
    """The saved request comes back with the stay chosen and still among the stops."""
    body = {"stops": STOPS, "date": next_saturday_from(7, 17), "days": 2}
    _validated, first = compute(body)
    assert first["days"][0]["overnight"]["slug"] == FARMHOUSE
    _validated, reopened = compute({**body, "homestay": FARMHOUSE})
    assert shown(reopened) == shown(first)
    visits = [s["slug"] for day in reopened["days"] for s in day["stops"]]
    assert FARMHOUSE not in visits


def test_a_one_day_plan_of_a_route_leaves_its_night_out(huairou):
    _validated, plan = compute({"route": "autumn", "days": 1, "date": next_saturday_from(10, 9)})
    kinds = {s["slug"]: s["kind"] for s in plan["days"][0]["stops"]}
    assert kinds and "homestay" not in kinds.values()
