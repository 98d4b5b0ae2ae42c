"""GET /admin/planner/geocode/?q=… — candidates for the map picker (staff only)."""

from django.http import JsonResponse

from planner.geo.geocoding import GeocodingFailed, geocode


def geocode_view(request):
    if not request.user.has_perm("planner.change_homestay") and not request.user.is_superuser:
        return JsonResponse({"error": "You may not look up addresses."}, status=403)
    try:
        candidates = geocode(request.GET.get("q", "")[:300])
    except GeocodingFailed as failure:
        return JsonResponse({"error": str(failure)}, status=200)
    return JsonResponse(
        {"candidates": [candidate.__dict__ for candidate in candidates]},
        json_dumps_params={"ensure_ascii": False},
    )
