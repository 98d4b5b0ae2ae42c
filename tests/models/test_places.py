import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from planner.models import OpeningPeriod, RouteStop, ScenicSpot, SeasonalRoute, StartPoint
from planner.planning.seasons import in_season


def make_spot(**fields):
    defaults = {"slug": "test-spot", "name_zh": "测试"}
    return ScenicSpot(**{**defaults, **fields})


def test_coordinates_outside_huairou_are_rejected_with_a_clear_message(db, english):
    spot = make_spot(latitude=Decimal("116.56"), longitude=Decimal("40.43"))  # swapped
    with pytest.raises(ValidationError) as error:
        spot.full_clean()
    message = error.value.message_dict["latitude"][0]
    assert "outside Huairou" in message and "swapped" in message


def test_coordinates_inside_huairou_are_accepted(db):
    make_spot(latitude=Decimal("40.4317"), longitude=Decimal("116.5651")).full_clean()


def test_latitude_without_longitude_is_rejected(db):
    with pytest.raises(ValidationError) as error:
        make_spot(latitude=Decimal("40.4")).full_clean()
    assert "longitude" in error.value.message_dict


def test_start_points_may_lie_in_central_beijing(db):
    StartPoint(
        slug="dzm",
        name_zh="东直门",
        type="bus-terminal",
        latitude=Decimal("39.9408"),
        longitude=Decimal("116.4353"),
    ).full_clean()


def test_a_seasonal_closure_needs_a_reason_and_hours_must_make_sense(huairou, english):
    spot = ScenicSpot.objects.get(slug="labagou-primeval-forest")
    closed = OpeningPeriod(spot=spot, start_month=11, start_day=1, end_month=12, end_day=31,
                           closed=True)  # fmt: skip
    with pytest.raises(ValidationError) as error:
        closed.full_clean()
    assert "Say why" in error.value.message_dict["reason"][0]
    backwards = OpeningPeriod(spot=spot, start_month=4, start_day=1, end_month=10, end_day=31,
                              opens=dt.time(18), closes=dt.time(8))  # fmt: skip
    with pytest.raises(ValidationError) as error:
        backwards.full_clean()
    assert "closes" in error.value.message_dict


def test_distance_and_point(huairou):
    mutianyu = ScenicSpot.objects.get(slug="mutianyu-great-wall")
    yanqi = ScenicSpot.objects.get(slug="yanqi-lake")
    assert mutianyu.coordinates.latitude == pytest.approx(40.43568)
    assert 10 < mutianyu.distance_km(yanqi) < 12
    assert mutianyu.distance_km(ScenicSpot.objects.get(slug="tianchi-canyon")) is None


def test_months_and_tags_accept_only_listed_values(db, english):
    with pytest.raises(ValidationError) as error:
        make_spot(best_months=[4, 13], tags=["great-wall", "made-up"]).full_clean()
    assert {"best_months", "tags"} <= set(error.value.message_dict)
    make_spot(best_months=[4, 10], tags=["great-wall"]).full_clean()


def test_season_from_best_months_or_else_seasons():
    assert in_season([10, 11], ["summer"], 10) is True
    assert in_season([10, 11], ["summer"], 7) is False
    assert in_season([], ["summer"], 7) is True
    assert in_season([], ["summer"], 10) is False
    assert in_season([], [], 10) is None


def test_route_stop_with_two_targets_is_rejected(huairou, english):
    route = SeasonalRoute.objects.get(slug="spring")
    stop = RouteStop(
        route=route,
        position=99,
        spot=ScenicSpot.objects.get(slug="mutianyu-great-wall"),
        village_id=route.stops.filter(village__isnull=False).first().village_id,
    )
    with pytest.raises(ValidationError, match="exactly one place"):
        stop.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        stop.save()


def test_route_stop_with_no_target_is_rejected_by_the_database(huairou):
    with pytest.raises(IntegrityError), transaction.atomic():
        RouteStop.objects.create(route=SeasonalRoute.objects.get(slug="spring"), position=98)


def test_route_positions_are_unique(huairou):
    route = SeasonalRoute.objects.get(slug="spring")
    spot = ScenicSpot.objects.get(slug="yanqi-lake")
    with pytest.raises(IntegrityError), transaction.atomic():
        RouteStop.objects.create(route=route, position=1, spot=spot)
