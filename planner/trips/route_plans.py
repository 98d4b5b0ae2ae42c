"""A seasonal route as a plan: the engine times it on the next weekend in its season."""

import datetime as dt

from planner.models import SeasonalRoute
from planner.planning.calendar import coming_saturday

from . import requests
from .service import compute


def route_trip_date(route: SeasonalRoute, today: dt.date | None = None) -> dt.date:
    """The next Saturday in one of the route's months (or simply the next Saturday)."""
    # Looked up at call time (not bound at import), so it is always Huairou's today.
    saturday = coming_saturday(today or requests.earliest_first_day())
    for week in range(0, 106):
        candidate = saturday + dt.timedelta(weeks=week)
        if not route.months or candidate.month in route.months:
            return candidate
    return saturday


def route_plan(route: SeasonalRoute) -> dict:
    _validated, plan = compute(
        {"route": route.slug, "days": route.days, "date": route_trip_date(route).isoformat()}
    )
    return plan
