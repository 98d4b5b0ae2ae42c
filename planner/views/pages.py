from django.shortcuts import render

from planner.geo.map_config import kind_labels, map_context
from planner.models import Rating, ScenicSpot
from planner.models.fields import MONTH_CHOICES


def home(request):
    spots = ScenicSpot.objects.published()
    tags = sorted({tag for tag_list in spots.values_list("tags", flat=True) for tag in tag_list})
    towns = sorted(
        {(zh, en) for zh, en in spots.values_list("town_zh", "town_en") if zh},
    )
    context = {
        "kind_choices": list(kind_labels().items()),
        "months": MONTH_CHOICES,  # the names every other month list uses (1月 … 12月)
        "ratings": Rating.values,
        "tags": tags,
        "towns": towns,
        **map_context(),
    }
    return render(request, "planner/home.html", context)
