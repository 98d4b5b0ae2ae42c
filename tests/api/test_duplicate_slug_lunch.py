"""A café and a restaurant may share a slug (slugs are unique per kind): planning must not 500."""

import pytest

from planner.models import PointOfInterest, VillageCafe
from tests.dates import OCTOBER_SATURDAY


@pytest.mark.django_db
def test_a_cafe_and_a_restaurant_sharing_a_slug_still_give_a_plan(client, huairou):
    restaurant = PointOfInterest.objects.get(slug="schoolhouse-restaurant")
    VillageCafe.objects.create(
        slug=restaurant.slug,
        name_zh=restaurant.name_zh,
        name_en=restaurant.name_en,
        latitude=restaurant.latitude,
        longitude=restaurant.longitude,
        is_published=True,
    )

    response = client.post(
        "/api/itineraries",
        {"stops": ["hongluo-temple", "mutianyu-great-wall"], "date": OCTOBER_SATURDAY},
        content_type="application/json",
    )

    assert response.status_code == 201, response.content[:500]
    stops = [s["slug"] for d in response.json()["plan"]["days"] for s in d["stops"]]
    assert stops.count("schoolhouse-restaurant") <= 1
