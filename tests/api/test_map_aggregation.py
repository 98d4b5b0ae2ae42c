"""When a view holds too many places, the server sends homestays as counted grid cells."""

from io import StringIO

from django.core.management import call_command

from planner.models import Homestay, ScenicSpot

URL = "/api/places.geojson"
HUAIROU_BOX = "116.2,40.2,117.0,41.1"


def features(client, **query):
    body = client.get(URL, {"bbox": HUAIROU_BOX, "kind": "spot,homestay", **query}).json()
    return body, body["features"]


def test_dense_homestays_come_as_clusters_that_count_every_one(huairou, client):
    call_command("generate_synthetic", homestays=600, publish=True, stdout=StringIO())
    homestays = Homestay.objects.published().mapped().count()
    body, found = features(client, zoom="9")
    assert body["aggregated"] is True
    clusters = [f for f in found if f["properties"].get("cluster")]
    assert {f["properties"]["kind"] for f in clusters} == {"homestay"}
    assert sum(f["properties"]["count"] for f in clusters) == homestays
    assert len(clusters) < homestays
    # Scenic spots stay individual, each with its own page.
    spots = [f for f in found if f["properties"]["kind"] == "spot"]
    assert len(spots) == ScenicSpot.objects.published().mapped().count()
    assert all(not f["properties"].get("cluster") for f in spots)
    # Closer in, the same places fall into more, smaller cells.
    _body, closer = features(client, zoom="12")
    assert len([f for f in closer if f["properties"].get("cluster")]) > len(clusters)


def test_a_sparse_view_is_sent_place_by_place(huairou, client):
    body, found = features(client, zoom="9")
    assert body["aggregated"] is False
    assert not [f for f in found if f["properties"].get("cluster")]
