"""Place search for the builder: a few matches by name (or the names of given slugs), so the
builder never downloads every place."""

from django.db.models import Q
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from planner.models import PLACE_MODEL_BY_KIND

from .errors import error_response

# Kinds a visitor adds to a plan, in the order their matches are listed.
SEARCH_KINDS = ("spot", "cafe", "village", "homestay", "poi")
MAX_RESULTS = 20
MAX_SLUGS = 15
MAX_QUERY = 60


def _result(place) -> dict:
    mapped = place.is_mapped
    return {
        "slug": place.slug,
        "kind": place.kind,
        "name_zh": place.name_zh,
        "name_en": place.name_en,
        "lat": float(place.latitude) if mapped else None,
        "lng": float(place.longitude) if mapped else None,
    }


def _limit(value: str) -> int | None:
    try:
        limit = int(value or 8)
    except ValueError:
        return None
    return limit if 1 <= limit <= MAX_RESULTS else None


def search_places(query: str = "", slugs: tuple[str, ...] = (), limit: int = 8) -> list[dict]:
    """Published places whose name or slug contains `query`, or those with the given slugs."""
    results: list[dict] = []
    for kind in SEARCH_KINDS:
        model = PLACE_MODEL_BY_KIND[kind]
        rows = model.objects.published()
        if slugs:
            rows = rows.filter(slug__in=slugs)
        else:
            rows = rows.filter(
                Q(name_zh__icontains=query) | Q(name_en__icontains=query) | Q(slug__icontains=query)
            )
        fields = ("slug", "name_zh", "name_en", "latitude", "longitude")
        rows = rows.only(*fields).order_by("name_en")[: limit - len(results)]
        results += [_result(place) for place in rows]
        if len(results) >= limit:
            break
    return results


@require_GET
def place_search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    slugs = tuple(filter(None, request.GET.get("slugs", "").split(",")))[:MAX_SLUGS]
    limit = _limit(request.GET.get("limit", ""))
    if limit is None:
        return error_response({"limit": [_("limit must be a whole number from 1 to 20.")]})
    if not query and not slugs:
        return JsonResponse({"results": []})
    results = search_places(query, slugs, len(slugs) if slugs else limit)
    return JsonResponse({"results": results}, json_dumps_params={"ensure_ascii": False})
