"""A production-mode gunicorn on loopback for the benchmarks (PostgreSQL, optional Redis)."""

import http.client
import os
import secrets
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST, PORT = "127.0.0.1", int(os.environ.get("LOAD_PORT", "8765"))
DATABASE = os.environ.get("LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/huairou_load")


def server_env(redis: bool = True, workers: int = 3) -> dict:
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": DATABASE,
        "SECURE_SSL_REDIRECT": "0",
        "TRUSTED_PROXY_COUNT": "0",
        "RATE_LIMIT_PLAN": "1000000/60",
        "RATE_LIMIT_SAVE": "1000000/60",
        "RATE_LIMIT_GEOJSON": "1000000/60",
        "RATE_LIMIT_READ": "1000000/60",
        "GUNICORN_BIND": f"{HOST}:{PORT}",
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_ACCESS_LOG": "/dev/null",
    }
    if redis:
        env["REDIS_URL"] = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/7")
    return env


def manage(env: dict, *command: str) -> str:
    result = subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True,
                            capture_output=True, text=True)  # fmt: skip
    return result.stdout


def prepare(env: dict) -> None:
    """A scratch database with the real data, and hashed, compressed static files."""
    database = DATABASE.rsplit("/", 1)[1]
    subprocess.run(["psql", "-h", HOST, "-U", "postgres", "-c", f"CREATE DATABASE {database}"],
                   capture_output=True)  # fmt: skip
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_huairou")
    manage(env, "collectstatic", "--noinput", "-v0")


def get(path: str, headers: dict | None = None) -> tuple[int, bytes, dict]:
    connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
    connection.request("GET", path, headers={"Host": HOST, **(headers or {})})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body, dict(response.getheaders())


@contextmanager
def gunicorn(env: dict):
    process = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "-c", "huairou_project/gunicorn.py",
         "huairou_project.wsgi"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        for _ in range(150):
            try:
                if get("/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        yield f"http://{HOST}:{PORT}"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
