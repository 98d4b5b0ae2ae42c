"""Saving itineraries: one transaction, optimistic concurrency through `version`."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from planner.models import Itinerary, ItineraryDay, ItineraryStop

SESSION_KEY = "my_itineraries"
SESSION_LIMIT = 50


class VersionConflict(Exception):
    def __init__(self, current: Itinerary):
        super().__init__(current.version)
        self.current = current


def _write_days(itinerary: Itinerary, plan: dict) -> None:
    for day in plan["days"]:
        record = ItineraryDay.objects.create(
            itinerary=itinerary,
            number=day["number"],
            date=dt.date.fromisoformat(day["date"]),
            overnight_slug=(day["overnight"] or {}).get("slug", ""),
        )
        ItineraryStop.objects.bulk_create(
            ItineraryStop(
                day=record,
                position=position,
                slug=stop["slug"],
                kind=stop["kind"],
                name_zh=stop["name_zh"],
                name_en=stop["name_en"],
                latitude=stop["lat"],
                longitude=stop["lng"],
                arrive=dt.time.fromisoformat(stop["arrive"]),
                depart=dt.time.fromisoformat(stop["depart"]),
                suggested=stop["suggested"],
                role=stop["role"],
            )
            for position, stop in enumerate(day["stops"], start=1)
        )


@transaction.atomic
def save_errors(request: dict) -> dict[str, list[str]]:
    """Why a plan cannot be saved to share: no stop at all, or a first day already past."""
    errors = {}
    if not request.get("stops"):
        errors["stops"] = [_("Add at least one place before saving.")]
    if dt.date.fromisoformat(request["date"]) < timezone.localdate():
        errors["date"] = [_("The first day is in the past: choose today or a later date.")]
    return errors


def create_itinerary(title: str, request: dict, plan: dict) -> Itinerary:
    itinerary = Itinerary.objects.create(
        title=title,
        request=request,
        plan=plan,
        start_date=dt.date.fromisoformat(request["date"]),
        days_count=request["days"],
    )
    _write_days(itinerary, plan)
    return itinerary


@transaction.atomic
def update_itinerary(token: str, expected_version: int, title: str, request: dict, plan: dict):
    """Replace the plan if nobody saved since `expected_version`; else raise VersionConflict."""
    itinerary = Itinerary.objects.select_for_update().get(token=token)
    if itinerary.version != expected_version:
        raise VersionConflict(itinerary)
    itinerary.title = title
    itinerary.request = request
    itinerary.plan = plan
    itinerary.start_date = dt.date.fromisoformat(request["date"])
    itinerary.days_count = request["days"]
    itinerary.version += 1
    itinerary.save()
    itinerary.days.all().delete()
    _write_days(itinerary, plan)
    return itinerary


def remember(session, itinerary: Itinerary) -> None:
    """Keep the visitor's own plans in their session so they find them again."""
    tokens = [t for t in session.get(SESSION_KEY, []) if t != itinerary.token]
    session[SESSION_KEY] = [itinerary.token, *tokens][:SESSION_LIMIT]


def owned_tokens(session) -> list[str]:
    return list(session.get(SESSION_KEY, []))
