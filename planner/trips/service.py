"""Computing a plan: validate the request, build the engine's inputs, run it, serialise."""

from planner.planning import make_plan

from .adapter import planning_candidates, transit_hubs
from .requests import ValidatedPlan, validate_plan
from .serialize import plan_json


def compute(data: dict) -> tuple[ValidatedPlan, dict]:
    """(validated request, plan as JSON) for a request body already parsed."""
    validated = validate_plan(data)
    plan = make_plan(validated.request, planning_candidates(), transit_hubs())
    return validated, plan_json(plan, validated.unmapped)
