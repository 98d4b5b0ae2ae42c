"""POST /api/plan (compute) and the saved itineraries: create, read, update."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from planner.caching.ratelimit import rate_limited
from planner.models import Itinerary
from planner.trips.requests import InvalidRequest, parse_body
from planner.trips.saving import (
    EDIT_KEY_HEADER,
    VersionConflict,
    already_saved,
    create_itinerary,
    edit_key_for,
    idempotency_key,
    may_edit,
    remember,
    save_errors,
    update_itinerary,
)
from planner.trips.service import compute
from planner.trips.warnings_display import display_plan

from .errors import error_response

JSON_OPTIONS = {"ensure_ascii": False}
READ_ONLY = "This link shows and copies the itinerary; only its creator's edit key can change it."


def _itinerary_json(itinerary: Itinerary) -> dict:
    return {
        "token": itinerary.token,
        "url": itinerary.get_absolute_url(),
        "version": itinerary.version,
        "title": itinerary.title,
        "request": itinerary.request,
        "plan": display_plan(itinerary.plan),
    }


# Compute-only and key-addressed endpoints: no cookie-based authority (the edit key travels
# in a header that another site cannot set), so no CSRF token.
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
        idempotency = idempotency_key(request)
    except ValueError as error:
        return error_response({"idempotency_key": [str(error)]})
    edit_key = edit_key_for(idempotency)
    itinerary = already_saved(idempotency)  # a retry after a lost answer: no second copy
    if itinerary is None:
        try:
            validated, result = compute(parse_body(request.body))
        except InvalidRequest as invalid:
            return error_response(invalid.errors)
        if errors := save_errors(validated.normalized):
            return error_response(errors)
        itinerary = create_itinerary(validated.title, validated.normalized, result, edit_key,
                                     idempotency)  # fmt: skip
    if not may_edit(itinerary, edit_key):  # e.g. the server's secret changed since
        return JsonResponse(_itinerary_json(itinerary), status=201, json_dumps_params=JSON_OPTIONS)
    response = JsonResponse({**_itinerary_json(itinerary), "edit_key": edit_key}, status=201,
                            json_dumps_params=JSON_OPTIONS)  # fmt: skip
    remember(request, response, itinerary, edit_key)
    return response


@csrf_exempt
@require_http_methods(["GET", "PUT"])
@rate_limited("read")  # tokens cannot be guessed, and guessing is slowed down too
def itinerary(request, token):
    saved = get_object_or_404(Itinerary, token=token)
    if request.method == "GET":
        return JsonResponse(_itinerary_json(saved), json_dumps_params=JSON_OPTIONS)
    return _update(request, saved)


@rate_limited("save")
def _update(request, saved: Itinerary):
    edit_key = request.META.get(EDIT_KEY_HEADER, "")
    if not may_edit(saved, edit_key):
        return error_response({"edit_key": [READ_ONLY]}, status=403)
    try:
        data = parse_body(request.body)
        version = data.get("version")
        if isinstance(version, bool) or not isinstance(version, int):
            raise InvalidRequest({"version": ["Send the version you read (a whole number)."]})
        if version != saved.version:  # answer the conflict before computing a plan
            raise VersionConflict(saved)
        validated, result = compute(data)
        if errors := save_errors(validated.normalized):
            raise InvalidRequest(errors)
        updated = update_itinerary(saved.token, version, validated.title, validated.normalized,
                                   result)  # fmt: skip
    except InvalidRequest as invalid:
        return error_response(invalid.errors)
    except VersionConflict as conflict:
        return JsonResponse(
            {
                "errors": {"version": ["Someone saved this itinerary after you opened it."]},
                "current_version": conflict.current.version,
            },
            status=409,
        )
    response = JsonResponse(_itinerary_json(updated), json_dumps_params=JSON_OPTIONS)
    remember(request, response, updated, edit_key)
    return response
