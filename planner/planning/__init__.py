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
    Totals,
    Transport,
    Warning,
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
    "Totals",
    "Transport",
    "Warning",
    "make_plan",
]
