import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
DEAD_REDIS = {
    "default": {
        "BACKEND": "planner.caching.backends.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


def run_django(code: str, **env) -> subprocess.CompletedProcess:
    environment = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), **env}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip


def test_production_settings_pass_the_deployment_checklist():
    result = run_django(
        "import django, sys; from django.core.management import call_command;"
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='huairou_project.settings';"
        "django.setup(); call_command('check', deploy=True, fail_level='WARNING')",
        DJANGO_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="huairou.example.org",
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_production_refuses_to_start_without_a_secret_key():
    result = run_django(
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='huairou_project.settings';"
        "import django; django.setup()",
        DJANGO_ENV="production",
    )
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_security_headers(huairou, client):
    response = client.get("/")
    directives = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert directives["script-src"].startswith("'self' 'nonce-")
    assert "unsafe-inline" not in directives["script-src"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_health_and_readiness(db, client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ok", "database": "ok", "cache": "ok"}


@override_settings(CACHES=DEAD_REDIS)
def test_with_redis_down_the_site_keeps_serving(huairou, client):
    for url in ["/", "/spots/mutianyu-great-wall/", "/api/places.geojson", "/routes/autumn/"]:
        assert client.get(url).status_code == 200, url
    plan = client.post("/api/plan", json.dumps({"stops": ["yanqi-lake"]}),
                       content_type="application/json")  # fmt: skip
    assert plan.status_code == 200
    ready = client.get("/readyz")  # the site survives without Redis: degraded, still ready
    assert ready.status_code == 200 and ready.json()["status"] == "degraded"
    assert ready.json()["cache"].startswith("degraded")


def test_with_the_database_down_pages_answer_a_branded_503():
    result = run_django(
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='huairou_project.settings';"
        "import django; django.setup();"
        "from django.test import Client; from django.test.utils import setup_test_environment;"
        "setup_test_environment(); c = Client(raise_request_exception=False);"
        "r = c.get('/'); print(r.status_code, r.get('Retry-After'));"
        "print('BRANDED' if '暂时无法服务' in r.content.decode() else 'PLAIN');"
        "print(c.get('/healthz').status_code, c.get('/readyz').status_code)",
        DATABASE_URL="postgres://postgres@127.0.0.1:1/unreachable",
    )
    lines = result.stdout.split()
    assert lines[:3] == ["503", "30", "BRANDED"], result.stdout + result.stderr[-2000:]
    assert lines[3:] == ["200", "503"]


@override_settings(RATE_LIMITS={"plan": "3/60", "save": "2/60"})
def test_rate_limits_answer_429_with_retry_after(huairou, client):
    body = json.dumps({"stops": ["yanqi-lake"]})
    codes = [client.post("/api/plan", body, content_type="application/json").status_code
             for _ in range(4)]  # fmt: skip
    assert codes == [200, 200, 200, 429]
    limited = client.post("/api/plan", body, content_type="application/json",
                          HTTP_ACCEPT_LANGUAGE="en")  # fmt: skip
    seconds = int(limited["Retry-After"])
    assert 0 < seconds <= 60
    assert limited.json()["errors"]["rate"][0].startswith("Too many requests: try again in ")
    chinese = client.post("/api/plan", body, content_type="application/json")
    assert chinese.json()["errors"]["rate"][0].startswith("请求过于频繁，请 ")
    other_client = client.post("/api/plan", body, content_type="application/json",
                               REMOTE_ADDR="10.0.0.9")  # fmt: skip
    assert other_client.status_code == 200


@pytest.mark.parametrize("path", ["/nowhere/", "/spots/no-such-spot/"])
def test_not_found_is_a_bilingual_page(db, client, path):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert "找不到这个页面" in html and "Page not found" in html
