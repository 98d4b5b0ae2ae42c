"""The engine's Plan as the JSON the API documents, saved itineraries keep and sheets read."""

from django.urls import NoReverseMatch, reverse

from planner.geo.coordinates import to_gcj02
from planner.planning import DayPlan, Leg, PlaceInfo, Plan, PlannedStop, PlanWarning, Unplaced
from planner.planning.schedule import serves_lunch
from planner.planning.warnings import WarningCode

from .requests import CUSTOM_START_SLUG
from .warnings_display import stored_warning


def place_url(place: PlaceInfo) -> str | None:
    try:
        return reverse(f"planner:{place.kind}-detail", args=[place.slug])
    except NoReverseMatch:
        return None


def place_json(place: PlaceInfo) -> dict:
    gcj_lat, gcj_lng = to_gcj02(place.lat, place.lng)
    return {
        "slug": place.slug,
        "kind": place.kind,
        "name_zh": place.name_zh,
        "name_en": place.name_en,
        "lat": round(place.lat, 6),
        "lng": round(place.lng, 6),
        "gcj02": [round(gcj_lng, 6), round(gcj_lat, 6)],
        "url": place_url(place) if place.slug != CUSTOM_START_SLUG else None,
    }


def stop_json(stop: PlannedStop) -> dict:
    return {
        **place_json(stop.place),
        "arrive": stop.arrive.strftime("%H:%M"),
        "depart": stop.depart.strftime("%H:%M"),
        "ticket_cny": stop.ticket_cny,
        "suggested": stop.suggested,
        "role": stop.role,
        "wait_minutes": stop.wait_minutes,
        "lunch_here": stop.note == "lunch",
        "lunch_venue": serves_lunch(stop.place),  # a café or restaurant: lunch is the visit
        "lunch_at": stop.lunch_at.strftime("%H:%M") if stop.lunch_at else None,
        "lunch_on_the_way": stop.note == "on_the_way",
        "sunset": stop.sunset.strftime("%H:%M") if stop.sunset else None,
        "hours_assumed": stop.hours_assumed,
    }


def leg_json(leg: Leg) -> dict:
    return {
        "from": leg.origin.slug,
        "to": leg.destination.slug,
        "km": leg.km,
        "minutes": leg.minutes,
        "mode": leg.mode,
        "drive_minutes": leg.drive_minutes,
        "access_minutes": leg.access_minutes,
        "wait_minutes": leg.wait_minutes,
        "line": leg.line,
        "traffic": leg.traffic,
        "steps": [step_json(step) for step in leg.steps],
        "path": [list(point) for point in leg.path],
    }


def step_json(step) -> dict:
    """One transit step (planning.transit.TransitStep): times as "HH:MM", None when unknown."""
    return {
        "mode": step.mode,
        "line": step.line,
        "from": step.origin,
        "to": step.destination,
        "depart": step.depart or None,
        "arrive": step.arrive or None,
        "minutes": step.minutes,
        "wait_minutes": step.wait_minutes,
        "km": step.km,
    }


def lodging_json(place: PlaceInfo | None) -> dict | None:
    if place is None:
        return None
    return {
        **place_json(place),
        "price_cny_min": place.price_cny_min,
        "price_cny_max": place.price_cny_max,
        "lodging_kind": place.lodging_kind or "homestay",
    }


def day_json(day: DayPlan) -> dict:
    return {
        "number": day.number,
        "date": day.date.isoformat(),
        "start": place_json(day.start),
        "end": place_json(day.end),
        "stops": [stop_json(stop) for stop in day.stops],
        "legs": [leg_json(leg) for leg in day.legs],
        "overnight": lodging_json(day.overnight),
        "overnight_alternatives": [lodging_json(p) for p in day.overnight_alternatives],
        "lunch_break": day.lunch_break.strftime("%H:%M") if day.lunch_break else None,
        "leave": day.leave.strftime("%H:%M") if day.leave else None,
        "back": day.back.strftime("%H:%M") if day.back else None,
        "km": round(day.km, 1),
        "travel_minutes": day.travel_minutes,
    }


def plan_json(plan: Plan, unmapped=()) -> dict:
    """The plan as saved and served; `trips.warnings_display.display_plan` words its warnings."""
    warnings = [stored_warning(warning) for warning in plan.warnings]
    warnings += [
        stored_warning(
            PlanWarning(
                WarningCode.NOT_MAPPED,
                slug=place.slug,
                params={"name_zh": place.name_zh, "name_en": place.name_en},
            )
        )
        for place in unmapped
    ]
    totals = plan.totals
    return {
        "days": [day_json(day) for day in plan.days],
        "totals": {
            "km": totals.km,
            "travel_minutes": totals.travel_minutes,
            "tickets_cny": totals.tickets_cny,
            "lodging_cny": totals.lodging_cny,
            "unknown_prices": {
                "tickets": totals.unknown_ticket_prices,
                "lodging": totals.unknown_lodging_prices,
            },
        },
        "warnings": warnings,
        "unplaced": [unplaced_json(item) for item in plan.unplaced],
    }


def unplaced_json(item: Unplaced) -> dict:
    """A stop that fits no day, with why and what the visitor could do (codes)."""
    return {
        **place_json(item.place),
        "reason": item.reason,
        "suggestion": item.suggestion,
        "other": item.other,
    }
