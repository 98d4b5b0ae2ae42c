"""POST /api/plan (compute) and the saved itineraries: create, read, update."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from planner.caching.ratelimit import rate_limited
from planner.models import Itinerary
from planner.trips.itineraries import (
    VersionConflict,
    create_itinerary,
    remember,
    save_errors,
    update_itinerary,
)
from planner.trips.requests import InvalidRequest, parse_body
from planner.trips.service import compute
from planner.trips.warnings import display_plan

from .errors import error_response

JSON_OPTIONS = {"ensure_ascii": False}


def _itinerary_json(itinerary: Itinerary) -> dict:
    return {
        "token": itinerary.token,
        "url": itinerary.get_absolute_url(),
        "version": itinerary.version,
        "title": itinerary.title,
        "request": itinerary.request,
        "plan": display_plan(itinerary.plan),
    }


# Compute-only and token-addressed endpoints: no cookie-based authority, so no CSRF token.
@csrf_exempt
@require_http_methods(["POST"])
@rate_limited("plan")
def plan(request):
    try:
        validated, result = compute(parse_body(request.body))
    except InvalidRequest as invalid:
        return error_response(invalid.errors)
    return JsonResponse(
        {**display_plan(result), "request": validated.normalized}, json_dumps_params=JSON_OPTIONS
    )


@csrf_exempt
@require_http_methods(["POST"])
@rate_limited("save")
def itineraries(request):
    try:
        validated, result = compute(parse_body(request.body))
    except InvalidRequest as invalid:
        return error_response(invalid.errors)
    if errors := save_errors(validated.normalized):
        return error_response(errors)
    itinerary = create_itinerary(validated.title, validated.normalized, result)
    remember(request.session, itinerary)
    return JsonResponse(_itinerary_json(itinerary), status=201, json_dumps_params=JSON_OPTIONS)


@csrf_exempt
@require_http_methods(["GET", "PUT"])
def itinerary(request, token):
    saved = get_object_or_404(Itinerary, token=token)
    if request.method == "GET":
        return JsonResponse(_itinerary_json(saved), json_dumps_params=JSON_OPTIONS)
    return _update(request, token)


@rate_limited("save")
def _update(request, token):
    try:
        data = parse_body(request.body)
        version = data.get("version")
        if isinstance(version, bool) or not isinstance(version, int):
            raise InvalidRequest({"version": ["Send the version you read (a whole number)."]})
        validated, result = compute(data)
    except InvalidRequest as invalid:
        return error_response(invalid.errors)
    if errors := save_errors(validated.normalized):
        return error_response(errors)
    try:
        updated = update_itinerary(token, version, validated.title, validated.normalized, result)
    except VersionConflict as conflict:
        return JsonResponse(
            {
                "errors": {"version": ["Someone saved this itinerary after you opened it."]},
                "current_version": conflict.current.version,
            },
            status=409,
        )
    remember(request.session, updated)
    return JsonResponse(_itinerary_json(updated), json_dumps_params=JSON_OPTIONS)
