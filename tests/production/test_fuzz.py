"""Property-based fuzzing of every API endpoint: generated requests never get a 5xx."""

import json

from django.conf import settings as django_settings
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SLUGS = ["mutianyu-great-wall", "hongluo-temple", "yanqi-lake", "tianchi-canyon", "the-brickyard",
         "heyin-cafe", "beigou", "tanghekou", "dongzhimen", "nope", ""]  # fmt: skip
json_scalars = st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(
    allow_nan=False, allow_infinity=False) | st.text(max_size=30)  # fmt: skip
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=8,
)
plan_bodies = st.fixed_dictionaries(
    {},
    optional={
        "start": st.sampled_from(SLUGS)
        | json_values
        | st.fixed_dictionaries({"lat": json_scalars, "lng": json_scalars, "name": json_scalars}),
        "date": st.sampled_from(["2026-12-05", "2026-02-30", "tomorrow", ""]) | json_scalars,
        "days": st.integers(-2, 6) | json_scalars,
        "transport": st.sampled_from(["car", "transit", "bike"]) | json_scalars,
        "pace": st.sampled_from(["relaxed", "normal", "packed"]) | json_scalars,
        "stops": st.lists(st.sampled_from(SLUGS) | json_scalars, max_size=17) | json_values,
        "route": st.sampled_from(["spring", "summer", "autumn", "winter", "x"]) | json_scalars,
        "homestay": st.sampled_from(SLUGS) | json_scalars,
        "budget_per_night": st.integers(-5, 10**6) | json_scalars,
        "optimize": json_scalars,
        "locked": st.lists(st.sampled_from(SLUGS), max_size=4) | json_values,
        "lunch": json_scalars,
        "title": st.text(max_size=140) | json_scalars,
        "version": json_scalars,
    },
)
raw_bodies = st.binary(max_size=300) | plan_bodies.map(lambda b: json.dumps(b).encode())
QUERY = st.dictionaries(
    st.sampled_from(["kind", "month", "tag", "rating", "town", "bbox", "x"]),
    st.text(max_size=30) | st.sampled_from(["spot,cafe", "10", "4A", "116.5,40.4,116.6,40.5"]),
    max_size=4,
)
# Fewer examples on PostgreSQL: the same code paths, at several times the cost per request.
EXAMPLES = 250 if django_settings.DATABASES["default"]["ENGINE"].endswith("sqlite3") else 120
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip


def assert_no_server_error(response):
    assert response.status_code < 500, response.content[:500]


@FUZZ
@given(body=raw_bodies)
def test_plan_never_fails_with_a_server_error(huairou, body):
    client = Client()
    assert_no_server_error(client.post("/api/plan", body, content_type="application/json"))


@FUZZ
@given(body=raw_bodies)
def test_saving_never_fails_with_a_server_error(huairou, body):
    client = Client()
    assert_no_server_error(client.post("/api/itineraries", body, content_type="application/json"))


@FUZZ
@given(body=raw_bodies, token=st.sampled_from(["saved", "unknown"]))
def test_updating_never_fails_with_a_server_error(huairou, body, token):
    client = Client()
    key = ""
    if token == "saved":
        created = client.post("/api/itineraries", json.dumps({"stops": ["yanqi-lake"]}),
                              content_type="application/json").json()  # fmt: skip
        token, key = created["token"], created["edit_key"]
    response = client.put(f"/api/itineraries/{token}", body, content_type="application/json",
                          HTTP_X_EDIT_KEY=key)  # fmt: skip
    assert_no_server_error(response)


@FUZZ
@given(query=QUERY)
def test_geojson_never_fails_with_a_server_error(huairou, query):
    client = Client()
    assert_no_server_error(client.get("/api/places.geojson", query))
