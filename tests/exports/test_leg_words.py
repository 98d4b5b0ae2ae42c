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
        assert leg_summary(leg) == "916快 → H23 · drive 80 min · wait 7 min"
