"""Traffic by day type and hour: factors on driving minutes, each with its evidence.

The factors live in parameters.TRAFFIC_FACTOR; this module only decides which one applies
to a leg (day type from calendar.day_type, the hour of departure, and whether the leg leaves
or returns to Beijing) and on which road classes.
"""

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from . import parameters as p
from .calendar import DayType
from .calendar import day_type as _calendar_day_type

# Where the queues are: city streets and the radial roads out of Beijing (交管 2007: "京承、京开、
# 京密、机场等远郊旅游线路交通压力将不断加大").
CONGESTED_CLASSES = ("urban", "expressway", "radial")
# Inside the district on a holiday: G111 "scenic sections under pressure" (ifib 2022).
HOLIDAY_CLASSES = ("national", "g111_rebuilt", "county")
# The approach roads to the big sights (G111 past Yanqi Lake to Qinglong Gorge, 怀黄路 to
# Mutianyu and Hongluo): on a holiday's first mornings their queue is as slow as the
# expressway's: 916快 to Huairou town took 2.5 h on May Day, a car to Qinglong Gorge 6 h
# (trips 31, 16). Outbound mornings only: no source times the way back.
APPROACH_CLASSES = ("national", "county")


@dataclass(frozen=True)
class Traffic:
    """The traffic a leg meets: a code for display (`""` = free-flowing) and its factors."""

    code: str = ""
    factor: float = 1.0
    holiday_factor: float = 1.0
    approach_factor: float = 1.0

    def factors(self) -> dict[str, float]:
        """Factor per road class, for the road network's tables."""
        found = {name: self.factor for name in CONGESTED_CLASSES if self.factor != 1.0}
        if self.holiday_factor != 1.0:
            found.update({name: self.holiday_factor for name in HOLIDAY_CLASSES})
        if self.approach_factor != 1.0:
            found.update({name: self.approach_factor for name in APPROACH_CLASSES})
        return found


FREE_FLOW = Traffic()
# A plan asks the same few dates hundreds of times.
day_type = lru_cache(maxsize=1024)(_calendar_day_type)


def _within(hour: int, hours: tuple[int, int]) -> bool:
    return hours[0] <= hour < hours[1]


def _holiday_edge(date: dt.date, step: int) -> bool:
    """True on the first (step=-1) or last (step=+1) two days of a holiday."""
    return any(day_type(date + dt.timedelta(days=step * n)) != DayType.HOLIDAY for n in (1, 2))


def traffic_at(depart: dt.datetime | None, direction: str) -> Traffic:
    """The traffic met by a leg leaving at `depart` that is outbound, inbound or local."""
    if depart is None or direction == "local":
        kind = day_type(depart.date()) if depart else None
        if kind == DayType.HOLIDAY:
            return Traffic("holiday_other", 1.0, p.TRAFFIC_FACTOR["holiday_other"])
        return FREE_FLOW
    kind, hour = day_type(depart.date()), depart.hour
    holiday_other = p.TRAFFIC_FACTOR["holiday_other"]
    if kind == DayType.HOLIDAY:
        first_days = _holiday_edge(depart.date(), -1)
        last_days = _holiday_edge(depart.date(), +1)
        if direction == "outbound" and _within(hour, p.OUTBOUND_MORNING_HOURS) and first_days:
            code = "holiday_outbound_morning"
            factor = p.TRAFFIC_FACTOR[code]
            return Traffic(code, factor, holiday_other, approach_factor=factor)
        if direction == "inbound" and _within(hour, p.INBOUND_AFTERNOON_HOURS) and last_days:
            code = "holiday_inbound_afternoon"
            return Traffic(code, p.TRAFFIC_FACTOR[code], holiday_other)
        # Outside its peaks a holiday is still a day off: leaving Beijing in the morning
        # meets at least a weekend's queue, never less than a Saturday.
        outbound_morning = direction == "outbound" and _within(hour, p.OUTBOUND_MORNING_HOURS)
        factor = p.TRAFFIC_FACTOR["weekend_outbound_morning"] if outbound_morning else 1.0
        return Traffic("holiday_other", factor, holiday_other)
    if kind == DayType.WEEKEND:
        if direction == "outbound" and _within(hour, p.OUTBOUND_MORNING_HOURS):
            code = "weekend_outbound_morning"
            return Traffic(code, p.TRAFFIC_FACTOR[code])
        sunday = depart.weekday() == 6
        if direction == "inbound" and sunday and _within(hour, p.INBOUND_AFTERNOON_HOURS):
            code = "weekend_inbound_afternoon"
            return Traffic(code, p.TRAFFIC_FACTOR[code])
        return FREE_FLOW
    # Into Beijing in the morning rush; either way in the evening one, when the city's own
    # streets are full (the 916 back to Dongzhimen "almost two hours, due to peak hour").
    morning = direction == "inbound" and _within(hour, p.WORKDAY_MORNING_PEAK)
    if morning or _within(hour, p.WORKDAY_EVENING_PEAK):
        return Traffic("workday_peak", p.TRAFFIC_FACTOR["workday_peak"])
    return FREE_FLOW
