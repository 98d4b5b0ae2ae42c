import json

import pytest

from planner.models import ScenicSpot
from tests.dates import OCTOBER_SATURDAY

TRICKY = '<b>"Tom & Jerry\'s"</b> 周末 🎉'


@pytest.fixture
def saved(huairou, client):
    """A saved two-day itinerary whose title and one stop's name are hostile text."""
    spot = ScenicSpot.objects.get(slug="shengquan-mountain")
    spot.name_en = TRICKY
    spot.save()
    body = {
        "date": OCTOBER_SATURDAY,
        "days": 2,
        "title": TRICKY,
        "stops": ["shengquan-mountain", "hongluo-temple", "yanqi-lake", "qinglong-gorge"],
    }
    response = client.post("/api/itineraries", json.dumps(body), content_type="application/json")
    assert response.status_code == 201
    return response.json()


def stops_of(plan):
    return [(day, stop) for day in plan["days"] for stop in day["stops"]]
