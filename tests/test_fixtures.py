"""The committed fixture carries the researched dataset faithfully and loads idempotently."""

import json

import pytest
from django.conf import settings
from django.core.management import call_command

from planner.dataset import build_fixture
from planner.models import (
    PLACE_MODELS,
    Homestay,
    RouteStop,
    ScenicSpot,
    SeasonalRoute,
    StartPoint,
    VillageCafe,
)
from tests.conftest import FIXTURE


@pytest.fixture(scope="module")
def dataset():
    if not settings.HUAIROU_DATASET.exists():
        pytest.skip(f"dataset not found at {settings.HUAIROU_DATASET}")
    return json.loads(settings.HUAIROU_DATASET.read_text(encoding="utf-8"))


def test_committed_fixture_is_generated_from_the_current_dataset(dataset):
    committed = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert committed == build_fixture(dataset), "run `make fixtures` and commit the result"


def test_the_17_graded_spots_and_four_routes_are_loaded(huairou, dataset):
    assert ScenicSpot.objects.count() == 17 == len(dataset["scenic_spots"])
    assert sorted(SeasonalRoute.objects.values_list("slug", flat=True)) == [
        "autumn",
        "spring",
        "summer",
        "winter",
    ]
    assert Homestay.objects.count() == len(dataset["homestays"])
    assert VillageCafe.objects.count() == len(dataset["cafes"])
    assert StartPoint.objects.count() == len(dataset["start_points"])


def test_route_stops_keep_the_dataset_order(huairou, dataset):
    for route in dataset["seasonal_routes"]:
        stops = RouteStop.objects.filter(route__slug=route["slug"]).order_by("position")
        assert [stop.target.slug for stop in stops] == [s["slug"] for s in route["stops"]]
        assert [stop.day for stop in stops] == [s["day"] for s in route["stops"]]


def test_every_record_has_a_source_and_a_verification_date(huairou):
    for model in (*PLACE_MODELS, SeasonalRoute):
        for record in model.objects.all():
            assert record.sources, f"{model.__name__} {record.slug} has no source"
            assert record.last_verified is not None


def test_the_unconfirmed_17th_spot_is_kept_and_flagged(huairou):
    tianchi = ScenicSpot.objects.get(slug="tianchi-canyon")
    assert tianchi.rating_confirmed is False
    assert tianchi.is_mapped is False


def test_no_invented_values(huairou, dataset):
    """A spot's price and hours are exactly the dataset's, or empty when it has none."""
    by_slug = {record["slug"]: record for record in dataset["scenic_spots"]}
    for spot in ScenicSpot.objects.all():
        source = by_slug[spot.slug]
        assert spot.ticket_cny == source["ticket_cny"]
        opens = spot.opens.strftime("%H:%M") if spot.opens else None
        assert opens == source["opens"]
        assert (spot.phone or None) == source.get("phone")


def test_loading_twice_changes_nothing_and_keeps_other_records(huairou):
    extra = Homestay.objects.create(
        slug="editor-added", name_zh="编辑新增", sources=["https://example.org"]
    )
    counts = [model.objects.count() for model in PLACE_MODELS]
    call_command("loaddata", str(FIXTURE), verbosity=0)
    assert [model.objects.count() for model in PLACE_MODELS] == counts
    assert Homestay.objects.get(pk=extra.pk).name_zh == "编辑新增"


def test_load_command_skips_an_unchanged_fixture_and_keeps_editor_changes(db, capsys):
    call_command("load_huairou")
    spot = ScenicSpot.objects.get(slug="yanqi-lake")
    spot.hours_note = "edited by an editor"
    spot.save()
    call_command("load_huairou")
    assert "skipped" in capsys.readouterr().out
    assert ScenicSpot.objects.get(slug="yanqi-lake").hours_note == "edited by an editor"
