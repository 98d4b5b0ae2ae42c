"""The committed fixture carries the project's own dataset (data/) faithfully and loads
idempotently; the data meets the district's list and the rules for true data."""

import json
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from planner.dataset_to_fixture import build_fixture
from planner.models import (
    PLACE_MODELS,
    CoordPrecision,
    Homestay,
    OpeningPeriod,
    PointOfInterest,
    RouteStop,
    ScenicSpot,
    SeasonalRoute,
    Source,
    StartPoint,
    VillageCafe,
)
from tests.conftest import FIXTURE

ROOT = Path(settings.BASE_DIR)
# The district's 2023 list (rainstorm notice) plus Hongluo Temple and the Erguotou museum.
DISTRICT_17 = {
    "5A": {"mutianyu-great-wall"},
    "4A": {"yanqi-lake", "hongluo-temple", "qinglong-gorge", "huanghuacheng-lakeside-great-wall"},
    "3A": {"yougu-shentan", "xiangshuihu-great-wall", "yunmeng-xianjing", "jiugukou",
           "labagou-primeval-forest", "shimen-mountain", "survival-island", "shengquan-mountain",
           "erguotou-liquor-museum"},
    "2A": {"baiquan-mountain", "shentangyu", "beijing-deer-world"},
}  # fmt: skip
NOTICE_2023 = "https://ousaite.com/new/699480259340281856"


@pytest.fixture(scope="module")
def dataset():
    return json.loads(settings.HUAIROU_DATASET.read_text(encoding="utf-8"))


def test_the_dataset_and_its_evidence_live_in_the_project():
    assert settings.HUAIROU_DATASET == ROOT / "data" / "huairou.json"
    assert settings.HUAIROU_DATASET.exists()
    assert (ROOT / "data" / "research" / "press-conference-2024-08-26.txt").exists()
    assert (ROOT / "data" / "research" / "audit-2026-11-27.md").exists()


def test_committed_fixture_is_generated_from_the_current_dataset(dataset):
    committed = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert committed == build_fixture(dataset), "run `make fixtures` and commit the result"


def test_the_districts_17_graded_spots_and_four_routes_are_loaded(huairou, dataset):
    graded = ScenicSpot.objects.exclude(rating="")
    assert graded.count() == 17
    by_rating = {
        r: set(graded.filter(rating=r).values_list("slug", flat=True)) for r in DISTRICT_17
    }
    assert by_rating == DISTRICT_17
    assert sorted(SeasonalRoute.objects.values_list("slug", flat=True)) == [
        "autumn", "spring", "summer", "winter",
    ]  # fmt: skip
    assert Homestay.objects.count() == len(dataset["homestays"])
    assert VillageCafe.objects.count() == len(dataset["cafes"])
    assert StartPoint.objects.count() == len(dataset["start_points"])


def test_ratings_on_the_2023_list_are_confirmed_citing_the_notice(huairou):
    listed = set().union(*DISTRICT_17.values()) - {"hongluo-temple", "erguotou-liquor-museum"}
    for spot in ScenicSpot.objects.filter(slug__in=listed):
        assert spot.rating_confirmed, spot.slug
        cited = spot.sources.get(supports="rating")
        assert cited.url == NOTICE_2023 and cited.as_of == "2023"


def test_tianchi_canyon_is_kept_ungraded(huairou):
    tianchi = ScenicSpot.objects.get(slug="tianchi-canyon")
    assert tianchi.rating == "" and tianchi.rating_confirmed is False


def test_seasonal_prices_and_closures_are_periods(huairou):
    mutianyu = OpeningPeriod.objects.filter(spot__slug="mutianyu-great-wall")
    assert {(p.start_month, p.end_month, p.ticket_cny) for p in mutianyu} == {
        (1, 3, 40), (4, 10, 45), (11, 12, 40),
    }  # fmt: skip
    fire = OpeningPeriod.objects.filter(spot__slug="labagou-primeval-forest", closed=True)
    assert fire.exists() and all(p.reason == "fire_season" for p in fire)


def test_route_stops_keep_the_dataset_order(huairou, dataset):
    for route in dataset["seasonal_routes"]:
        stops = RouteStop.objects.filter(route__slug=route["slug"]).order_by("position")
        assert [stop.target.slug for stop in stops] == [s["slug"] for s in route["stops"]]
        assert [stop.day for stop in stops] == [s["day"] for s in route["stops"]]


def test_every_route_stop_is_mapped_and_in_season_and_every_theme_cites_a_source(huairou):
    for route in SeasonalRoute.objects.all():
        assert route.sources.filter(supports="theme").exists(), route.slug
        for stop in route.stops.all():
            place = stop.target
            assert place.is_mapped, f"{route.slug}: {place.slug} has no location"
            if getattr(place, "best_months", None):
                assert set(route.months) <= set(place.best_months), (route.slug, place.slug)
            for period in getattr(place, "periods", OpeningPeriod.objects.none()).all():
                closed = set(range(period.start_month, period.end_month + 1))
                assert not (period.closed and set(route.months) & closed), (route.slug, place.slug)


def test_autumn_route_follows_its_theme(huairou):
    autumn = SeasonalRoute.objects.get(slug="autumn")
    tags = Counter(t for stop in autumn.stops.all() for t in getattr(stop.target, "tags", []))
    assert tags["great-wall"] >= 2 and tags["autumn-leaves"] >= 1


def test_every_published_record_has_a_source_and_a_verification_date(huairou):
    for model in (*PLACE_MODELS, SeasonalRoute):
        for record in model.objects.filter(is_published=True):
            assert record.sources.exists(), f"{model.__name__} {record.slug} has no source"
            assert record.last_verified is not None


def test_lodging_kinds_and_split_records(huairou):
    assert Homestay.objects.get(slug="sunrise-kempinski-yanqi-lake").type == "hotel"
    assert not Homestay.objects.filter(slug="jiankou-guohuai-courtyard").exists()
    jiankou = Homestay.objects.get(slug="jiankou-great-wall-farmhouse")
    guohuai = Homestay.objects.get(slug="guohuai-courtyard")
    assert jiankou.type == guohuai.type == "farmstay"
    assert (jiankou.price_cny_min, jiankou.price_cny_max) != (
        guohuai.price_cny_min,
        guohuai.price_cny_max,
    )


def test_no_two_businesses_share_a_coordinate_and_a_price(huairou):
    seen: dict = {}
    for model in (Homestay, VillageCafe, PointOfInterest):
        for place in model.objects.published().mapped():
            point = (place.latitude, place.longitude)
            if place.coord_precision == CoordPrecision.EXACT:
                assert point not in seen, f"{place.slug} sits exactly on {seen.get(point)}"
            key = (*point, place.price_cny_min, place.price_cny_max)
            if place.price_cny_min is not None:
                assert key not in seen, f"{place.slug} repeats {seen[key]}"
                seen[key] = place.slug
            seen.setdefault(point, place.slug)


def test_public_facts_have_both_languages(huairou):
    for model in PLACE_MODELS:
        for place in model.objects.published():
            for zh, en in (("hours_note_zh", "hours_note_en"), ("price_note_zh", "price_note_en")):
                assert bool(getattr(place, zh)) == bool(getattr(place, en)), (place.slug, zh)
            for highlight in (
                getattr(place, "highlights", None).all() if hasattr(place, "highlights") else ()
            ):
                assert highlight.text_zh and highlight.text_en, place.slug


def test_every_graded_spot_has_hours_or_says_unknown(huairou):
    for spot in ScenicSpot.objects.exclude(rating=""):
        known = spot.opens or spot.periods.filter(opens__isnull=False).exists()
        assert known or spot.hours_note_en, spot.slug


def test_no_invented_values(huairou, dataset):
    """A spot's tickets and hours are exactly the dataset's periods, or empty when it has none."""
    by_slug = {record["slug"]: record for record in dataset["scenic_spots"]}
    for spot in ScenicSpot.objects.all():
        periods = by_slug[spot.slug].get("periods") or []
        tickets = [p["ticket_cny"] for p in periods if p.get("ticket_cny") is not None]
        assert spot.price_cny_min == min(tickets, default=None)
        opens = {p["opens"] for p in periods if p.get("opens")}
        assert (spot.opens.strftime("%H:%M") if spot.opens else None) in (opens or {None})
        assert (spot.phone or None) == (by_slug[spot.slug].get("phone") or None)


def test_sources_are_rows_with_readable_titles(huairou):
    assert Source.objects.exclude(title="").count() == Source.objects.count()
    assert not Source.objects.filter(title__icontains="github-file-id").exists()


def test_a_published_low_confidence_place_cites_a_public_page(huairou):
    # Weak records reach visitors only when a page anyone can open names the business.
    uncited = [
        place.slug
        for model in PLACE_MODELS
        for place in model.objects.published().filter(confidence="L")
        if not place.sources.exclude(url="").exists()
    ]
    assert uncited == []
    assert not Homestay.objects.published().filter(slug="qixiangli-mifuxing").exists()


def test_loading_twice_changes_nothing_and_keeps_other_records(huairou):
    extra = Homestay.objects.create(slug="editor-added", name_zh="编辑新增")
    Source.objects.create(homestay=extra, title="Example", url="https://example.org")
    counts = [model.objects.count() for model in (*PLACE_MODELS, Source, OpeningPeriod)]
    call_command("loaddata", str(FIXTURE), verbosity=0)
    assert [model.objects.count() for model in (*PLACE_MODELS, Source, OpeningPeriod)] == counts
    assert Homestay.objects.get(pk=extra.pk).name_zh == "编辑新增"


def test_load_command_skips_an_unchanged_fixture_and_keeps_editor_changes(db, capsys):
    call_command("load_huairou")
    spot = ScenicSpot.objects.get(slug="yanqi-lake")
    spot.hours_note_en = "edited by an editor"
    spot.save()
    call_command("load_huairou")
    assert "skipped" in capsys.readouterr().out
    assert ScenicSpot.objects.get(slug="yanqi-lake").hours_note_en == "edited by an editor"


def test_every_row_passes_the_admins_validation(huairou):
    from planner.models import Highlight

    for model in (Source, OpeningPeriod, Highlight):
        for row in model.objects.all():
            row.full_clean()
    for model in PLACE_MODELS:
        for place in model.objects.published():
            place.full_clean()
