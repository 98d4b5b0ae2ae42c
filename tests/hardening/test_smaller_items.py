"""Issue 16, item 11: smaller defects found by the attack run."""

import json
import logging
import secrets
from unittest import mock

from django.db import OperationalError
from django.test import Client, override_settings

from planner.api import plan as plan_api
from planner.caching.ratelimit import client_address
from planner.middleware import database_outage
from planner.models import Itinerary
from tests.dates import OCTOBER_SATURDAY
from tests.production.test_settings_and_faults import run_django

BODY = {"stops": ["yanqi-lake"], "date": OCTOBER_SATURDAY}


def save(client, **headers):
    return client.post("/api/itineraries", json.dumps(BODY), content_type="application/json",
                       **headers)  # fmt: skip


@override_settings(RATE_LIMITS={"plan": "100/60", "save": "100/60", "geojson": "100/60",
                                "read": "3/60"})  # fmt: skip
def test_reading_itineraries_is_rate_limited(huairou, client):
    token = save(client).json()["token"]
    codes = [client.get(f"/api/itineraries/{token}").status_code for _ in range(3)]
    codes += [client.get(f"/i/{'x' * 32}/").status_code]  # guessing counts too
    codes += [client.get(f"/i/{token}/").status_code, client.get(f"/i/{token}.gpx").status_code]
    assert codes == [200, 200, 200, 429, 429, 429]


def test_forwarded_for_is_ignored_unless_proxies_are_declared(rf, settings):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4", REMOTE_ADDR="10.9.9.9")
    assert client_address(request) == "10.9.9.9"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request) == "1.2.3.4"


def test_production_trusts_no_proxy_by_default():
    result = run_django(
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='huairou_project.settings';"
        "import django; django.setup(); from django.conf import settings;"
        "print(settings.TRUSTED_PROXY_COUNT)",
        DJANGO_ENV="production", SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="huairou.example.org",
    )  # fmt: skip
    assert result.stdout.strip() == "0", result.stderr[-1000:]


def test_a_retried_save_returns_the_first_one(huairou, client):
    key = secrets.token_urlsafe(24)
    first = save(client, HTTP_IDEMPOTENCY_KEY=key)
    again = save(Client(), HTTP_IDEMPOTENCY_KEY=key)  # the first answer was lost
    assert first.status_code == again.status_code == 201
    assert first.json()["token"] == again.json()["token"]
    assert first.json()["edit_key"] == again.json()["edit_key"]
    assert Itinerary.objects.count() == 1
    other = save(client, HTTP_IDEMPOTENCY_KEY=secrets.token_urlsafe(24))
    assert other.json()["token"] != first.json()["token"]
    assert other.json()["edit_key"] != first.json()["edit_key"]
    weak = save(client, HTTP_IDEMPOTENCY_KEY="short")
    assert weak.status_code == 400 and weak.json()["errors"]["idempotency_key"]


def test_a_stale_version_gets_409_without_computing_a_plan(huairou, client):
    saved = save(client).json()
    with mock.patch.object(plan_api, "compute", side_effect=AssertionError("computed")):
        response = client.put(f"/api/itineraries/{saved['token']}",
                              json.dumps({**BODY, "version": 0}),
                              content_type="application/json",
                              HTTP_X_EDIT_KEY=saved["edit_key"])  # fmt: skip
    assert response.status_code == 409 and response.json()["current_version"] == 1


def test_a_database_outage_logs_one_line_not_one_per_request(huairou, client, caplog):
    caplog.set_level(logging.INFO)
    down = OperationalError("connection refused")
    try:
        with mock.patch("planner.api.places.parse_place_filters", side_effect=down):
            for _ in range(5):
                response = client.get("/api/places.geojson")
                assert response.status_code == 503 and response["Retry-After"]
        assert client.get("/api/places.geojson").status_code == 200  # back
    finally:
        database_outage.down = False
    messages = [r.getMessage() for r in caplog.records]
    assert len([m for m in messages if m.startswith("Database unavailable")]) == 1
    assert len([m for m in messages if m.startswith("Database available again")]) == 1
    assert not [m for m in messages if "Service Unavailable" in m]


def test_a_permissions_policy_is_sent(huairou, client):
    policy = client.get("/")["Permissions-Policy"]
    assert "camera=()" in policy and "microphone=()" in policy and "payment=()" in policy


def test_a_forwarded_value_that_is_no_address_is_not_trusted(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    forged = rf.get("/", HTTP_X_FORWARDED_FOR="<script>, not-an-ip", REMOTE_ADDR="10.9.9.9")
    assert client_address(forged) == "10.9.9.9"
    assert client_address(rf.get("/", REMOTE_ADDR="")) == "unknown"


def test_admin_sign_in_survives_a_forged_forwarded_header(db, client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    response = client.post("/admin/login/", {"username": "x", "password": "y"},
                           HTTP_X_FORWARDED_FOR="garbage")  # fmt: skip
    assert response.status_code == 200
