"""What kind of day a date is in mainland China: the one home of the holiday rule.

Traffic (the travel model) and advice (the holiday-peak warning) both ask here. The
`chinese-calendar` package lists the State Council's exact breaks and make-up workdays (调休)
for the years it knows; beyond them we fall back to the `holidays` package, which computes the
statutory days (lunar dates included) and names its substituted days off.
"""

import datetime as dt
import re
from enum import StrEnum
from functools import lru_cache

import chinese_calendar
import holidays


class DayType(StrEnum):
    WORKDAY = "workday"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"  # a public-holiday break, the weekends inside it included
    MAKEUP_WORKDAY = "makeup_workday"  # a Saturday or Sunday worked in exchange for a break day


_SUBSTITUTED_FROM = re.compile(r"substituted from (\d\d)/(\d\d)/(\d{4})")


@lru_cache(maxsize=16)
def _fallback_year(year: int) -> tuple[dict[dt.date, str], frozenset[dt.date]]:
    """Breaks and make-up workdays of a year `chinese-calendar` does not know yet."""
    listed = holidays.China(years=year, language="en_US")
    breaks = {day: name.split(" (")[0] for day, name in listed.items()}
    makeup = set()
    for name in listed.values():
        for month, day, year_text in _SUBSTITUTED_FROM.findall(name):
            makeup.add(dt.date(int(year_text), int(month), int(day)))
    # A weekend between two listed days belongs to the break (e.g. 4 Oct inside 1–7 Oct).
    for day in list(breaks):
        for gap in (1, 2):
            inside = day + dt.timedelta(days=gap)
            after = inside + dt.timedelta(days=1)
            if inside.weekday() >= 5 and inside not in breaks and after in breaks:
                breaks[inside] = breaks[day]
    return breaks, frozenset(makeup)


def holiday_name(day: dt.date) -> str | None:
    """The public holiday a date belongs to (English name), or None."""
    try:
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return _fallback_year(day.year)[0].get(day)
    return name if on_holiday and name else None


def day_type(day: dt.date) -> DayType:
    if holiday_name(day):
        return DayType.HOLIDAY
    try:
        worked = chinese_calendar.is_workday(day)
    except NotImplementedError:
        worked = day.weekday() < 5 or day in _fallback_year(day.year)[1]
    if day.weekday() >= 5:
        return DayType.MAKEUP_WORKDAY if worked else DayType.WEEKEND
    return DayType.WORKDAY


def coming_saturday(today: dt.date | None = None) -> dt.date:
    """The Saturday a weekend plan defaults to: today if it is Saturday, else the next one."""
    today = today or dt.date.today()
    return today + dt.timedelta(days=(5 - today.weekday()) % 7)
