"""The itinerary engine: plain Python, no Django. Entry point: `make_plan`."""

from .engine import make_plan
from .types import (
    Candidates,
    DayPlan,
    Kind,
    Leg,
    OpeningPeriod,
    Pace,
    PlaceInfo,
    Plan,
    PlannedStop,
    PlanRequest,
    PlanWarning,
    Role,
    Totals,
    Transport,
    Unplaced,
)
from .warnings import WarningCode

__all__ = [
    "Candidates",
    "DayPlan",
    "Kind",
    "Leg",
    "OpeningPeriod",
    "Pace",
    "PlaceInfo",
    "Plan",
    "PlanRequest",
    "PlanWarning",
    "PlannedStop",
    "Role",
    "Totals",
    "Transport",
    "Unplaced",
    "WarningCode",
    "make_plan",
]
