"""The documented backup/restore (dumpdata → loaddata) keeps every saved itinerary."""

import json
from io import StringIO

from django.core.management import call_command

from planner.models import Homestay, Itinerary, ItineraryStop, ScenicSpot
from tests.dates import OCTOBER_SATURDAY


def test_dump_and_restore_round_trip(huairou_live, client, tmp_path):
    # Transactional: PostgreSQL cannot TRUNCATE (flush) inside the test's own transaction.
    body = {"title": "备份", "stops": ["hongluo-temple", "yanqi-lake"], "date": OCTOBER_SATURDAY}
    saved = client.post("/api/itineraries", json.dumps(body), content_type="application/json")
    token = saved.json()["token"]
    stored_plan = Itinerary.objects.get(token=token).plan
    counts = (ScenicSpot.objects.count(), Homestay.objects.count(), ItineraryStop.objects.count())
    backup = tmp_path / "backup.json"
    call_command("dumpdata", "planner", "--natural-foreign", "--output", str(backup),
                 "--exclude", "planner.datasetload", stdout=StringIO())  # fmt: skip
    call_command("flush", "--noinput", stdout=StringIO())
    assert not Itinerary.objects.exists()
    call_command("loaddata", str(backup), stdout=StringIO())
    restored = Itinerary.objects.get(token=token)
    assert restored.title == "备份" and restored.plan == stored_plan
    assert counts == (ScenicSpot.objects.count(), Homestay.objects.count(),
                      ItineraryStop.objects.count())  # fmt: skip
    assert client.get(f"/i/{token}/").status_code == 200
