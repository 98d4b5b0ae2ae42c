"""How a leg is said on the saved page, the sheet and the PDF (exports/legs.py)."""

from django.utils import translation

from planner.exports.legs import leg_summary


def test_a_walk_is_said_as_a_walk_with_its_minutes():
    leg = {"mode": "walk", "minutes": 12, "drive_minutes": 12, "steps": [
        {"mode": "walk", "line": "", "minutes": 12}]}  # fmt: skip
    with translation.override("en"):
        assert leg_summary(leg) == "walk 12 min"


def test_a_bus_leg_names_its_lines_and_its_wait():
    leg = {"mode": "transit", "drive_minutes": 80, "wait_minutes": 7, "access_minutes": 0,
           "steps": [{"mode": "bus", "line": "916快"}, {"mode": "bus", "line": "H23"}]}  # fmt: skip
    with translation.override("en"):
        assert leg_summary(leg) == "916快 → H23 · ride 80 min · wait 7 min"
    with translation.override("zh-hans"):
        assert leg_summary(leg) == "916快 → H23 · 乘车 80 分钟 · 候车 7 分钟"


def test_a_car_leg_is_driven():
    leg = {"mode": "car", "drive_minutes": 95, "access_minutes": 15, "wait_minutes": 0}
    with translation.override("en"):
        assert leg_summary(leg) == "drive 95 min · parking/shuttle 15 min"


def test_a_walk_shows_the_shuttle_minutes_too_so_the_parts_add_up():
    # Yanqihu Station → Yanqi Lake: 0.4 km, 26 min door to door, 6 of them walking.
    leg = {"mode": "walk", "km": 0.4, "minutes": 26, "drive_minutes": 6, "access_minutes": 20,
           "steps": [{"mode": "walk", "line": "", "minutes": 6}]}  # fmt: skip
    with translation.override("en"):
        assert leg_summary(leg) == "walk 6 min · parking/shuttle 20 min"


def test_a_bus_leg_says_when_each_bus_leaves_so_a_visitor_knows_which_to_catch():
    leg = {"mode": "transit", "drive_minutes": 98, "wait_minutes": 10, "access_minutes": 0,
           "steps": [{"mode": "bus", "line": "916快", "depart": "08:00"},
                     {"mode": "taxi", "line": "", "depart": "09:15"}]}  # fmt: skip
    with translation.override("en"):
        assert leg_summary(leg) == "916快 08:00 → taxi · ride 98 min · wait 10 min"
    with translation.override("zh-hans"):
        assert leg_summary(leg).startswith("916快 08:00 → 出租车")
