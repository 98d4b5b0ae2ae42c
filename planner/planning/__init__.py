"""The itinerary engine: plain Python, no Django. Entry point: `make_plan`."""

from .engine import make_plan
from .types import (
    Candidates,
    DayPlan,
    Leg,
    Pace,
    PlaceInfo,
    Plan,
    PlannedStop,
    PlanRequest,
    PlanWarning,
    Totals,
    Transport,
)

__all__ = [
    "Candidates",
    "DayPlan",
    "Leg",
    "Pace",
    "PlaceInfo",
    "Plan",
    "PlanRequest",
    "PlannedStop",
    "PlanWarning",
    "Totals",
    "Transport",
    "make_plan",
]
