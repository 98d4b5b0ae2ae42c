import datetime as dt

import pytest

from planner.planning.calendar import DayType, day_type, holiday_name


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2026-10-01", DayType.HOLIDAY),  # National Day
        ("2026-10-04", DayType.HOLIDAY),  # a Sunday inside the National Day break
        ("2026-09-20", DayType.MAKEUP_WORKDAY),  # a Sunday worked for the break
        ("2026-11-28", DayType.WEEKEND),
        ("2026-11-30", DayType.WORKDAY),
        ("2027-02-06", DayType.HOLIDAY),  # Spring Festival, beyond chinese-calendar's years
    ],
)
def test_day_types_follow_the_state_council_calendar(iso, expected):
    assert day_type(dt.date.fromisoformat(iso)) == expected


def test_holiday_names_are_given_for_breaks_only():
    assert holiday_name(dt.date(2026, 10, 4)) == "National Day"
    assert holiday_name(dt.date(2026, 11, 28)) is None
