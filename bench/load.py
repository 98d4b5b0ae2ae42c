"""Load test: gunicorn on PostgreSQL, driven over loopback by N concurrent clients.

Starts gunicorn (production settings) on 127.0.0.1 against a scratch PostgreSQL database,
runs a bounded mix of plan / save / fetch / GeoJSON requests for --seconds, prints
requests/s, p50/p99 latency and errors, and checks that every save answered 201 is in the
database. Only loopback is ever contacted. It stops by itself.

Fault modes split the run into before / during / after and print requests/s, errors and p99
for each: `--fault redis-frozen` (our own redis-server on 127.0.0.1:6390, SIGSTOPped),
`--fault db-blackhole` (PostgreSQL behind a loopback proxy that stops passing bytes),
`--slow-clients N` (N connections that dribble their headers, as slow phones do).

Run: .venv/bin/python bench/load.py [--clients 8] [--seconds 20] [--workers 3]
     .venv/bin/python bench/load.py --fault redis-frozen --seconds 30
"""

import argparse
import contextlib
import datetime as dt
import http.client
import json
import random
import subprocess
import sys
import threading
import time
from urllib.parse import urlsplit, urlunsplit

from faults import SlowClients, TcpProxy, freeze, own_redis_server, thaw
from server import DATABASE, HOST, PORT, PYTHON, ROOT, gunicorn, prepare, server_env

STOPS = ["mutianyu-great-wall", "hongluo-temple", "yanqi-lake", "qinglong-gorge",
         "shengquan-mountain", "jiugukou", "huanghuacheng-lakeside-great-wall"]  # fmt: skip
# Plans start today or later: a Saturday a few weeks ahead.
_TODAY = dt.date.today()
TRIP_DATE = (_TODAY + dt.timedelta(days=28 + (5 - _TODAY.weekday()) % 7)).isoformat()
FAULT_REDIS_PORT = 6390
PHASES = ("before", "during", "after")


def request(method: str, path: str, body: dict | None = None):
    connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
    payload = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json", "Host": HOST} if payload else {"Host": HOST}
    began = time.perf_counter()
    connection.request(method, path, payload, headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, data, (time.perf_counter() - began) * 1000


class Client(threading.Thread):
    def __init__(self, deadline: float, seed: int):
        super().__init__(daemon=True)
        self.deadline, self.random = deadline, random.Random(seed)
        # (started at, kind, milliseconds, error or "")
        self.results: list[tuple[float, str, float, str]] = []
        self.saved: list[str] = []

    def run(self):
        while time.monotonic() < self.deadline:
            kind = self.random.choices(["plan", "save", "fetch", "geojson"], [4, 1, 2, 3])[0]
            body = {"stops": self.random.sample(STOPS, self.random.randint(2, 5)),
                    "days": self.random.randint(1, 2), "date": TRIP_DATE}  # fmt: skip
            began = time.monotonic()
            try:
                if kind == "plan":
                    status, _, ms = request("POST", "/api/plan", body)
                elif kind == "save":
                    status, data, ms = request("POST", "/api/itineraries", body)
                    if status == 201:
                        self.saved.append(json.loads(data)["token"])
                elif kind == "fetch" and self.saved:
                    status, _, ms = request(
                        "GET", f"/api/itineraries/{self.random.choice(self.saved)}"
                    )
                else:
                    kind = "geojson"
                    status, _, ms = request("GET", "/api/places.geojson")
            except OSError as error:
                self.results.append((began, kind, (time.monotonic() - began) * 1000,
                                     f"{kind}: {error}"))  # fmt: skip
                continue
            self.results.append(
                (began, kind, ms, f"{kind}: HTTP {status}" if status >= 400 else "")
            )


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def saved_tokens_in_database(env: dict, tokens: list[str]) -> int:
    script = (
        "import json,sys,django,os;django.setup();from planner.models import Itinerary;"
        "t=json.load(sys.stdin);print(Itinerary.objects.filter(token__in=t).count())"
    )
    env = {**env, "DJANGO_SETTINGS_MODULE": "huairou_project.settings"}
    result = subprocess.run([PYTHON, "-c", script], cwd=ROOT, env=env, input=json.dumps(tokens),
                            capture_output=True, text=True, check=True)  # fmt: skip
    return int(result.stdout.strip())


class Fault:
    """Sets up what a fault mode needs, and applies / lifts the fault itself."""

    def __init__(self, args, env: dict):
        self.args, self.env = args, env
        self.stack = contextlib.ExitStack()
        self.name = args.fault or (f"{args.slow_clients} slow clients" if args.slow_clients
                                   else "")  # fmt: skip

    def __enter__(self):
        if self.args.fault == "redis-frozen":
            self.redis = self.stack.enter_context(own_redis_server(FAULT_REDIS_PORT))
            self.env["REDIS_URL"] = f"redis://{HOST}:{FAULT_REDIS_PORT}/0"
        elif self.args.fault == "db-blackhole":
            url = urlsplit(DATABASE)
            self.proxy = self.stack.enter_context(TcpProxy(url.port or 5432))
            proxied = url._replace(netloc=f"{url.username or 'postgres'}@{HOST}:{self.proxy.port}")
            self.env["DATABASE_URL"] = urlunsplit(proxied)
        return self

    def __exit__(self, *exc):
        self.stack.close()

    def apply(self):
        if self.args.fault == "redis-frozen":
            freeze(self.redis)
        elif self.args.fault == "db-blackhole":
            self.proxy.blackhole()
        if self.args.slow_clients:
            self.slow = SlowClients(self.args.slow_clients, PORT).__enter__()

    def lift(self):
        if self.args.fault == "redis-frozen":
            thaw(self.redis)
        elif self.args.fault == "db-blackhole":
            self.proxy.restore()
        if self.args.slow_clients:
            self.slow.__exit__(None, None, None)


def report(title: str, results, seconds: float) -> None:
    errors = [error for *_, error in results if error]
    latencies = [ms for _, _, ms, _ in results]
    p99 = f"{percentile(latencies, 0.99):7.1f} ms" if latencies else "      — "
    print(f"{title:<9} requests/s {len(results) / seconds:7.1f}   errors {len(errors):5d}   "
          f"p99 {p99}   n={len(results)}")  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--no-redis", action="store_true")
    parser.add_argument("--fault", choices=["redis-frozen", "db-blackhole"])
    parser.add_argument("--slow-clients", type=int, default=0)
    args = parser.parse_args()
    env = server_env(redis=not args.no_redis, workers=args.workers)
    prepare(env)
    with Fault(args, env) as fault, gunicorn(env):
        third = args.seconds / 3
        began = time.monotonic()
        deadline = began + args.seconds
        clients = [Client(deadline, seed) for seed in range(args.clients)]
        for client in clients:
            client.start()
        marks = {"before": began}
        if fault.name:
            time.sleep(third)
            marks["during"] = time.monotonic()
            fault.apply()
            time.sleep(third)
            fault.lift()
            marks["after"] = time.monotonic()
        for client in clients:
            client.join(args.seconds + 35)
        elapsed = time.monotonic() - began
    results = [result for client in clients for result in client.results]
    saved = [token for client in clients for token in client.saved]
    redis_state = "off" if args.no_redis else "on"
    suffix = f", fault: {fault.name}" if fault.name else ""
    print(f"== Load: {args.clients} clients, {args.workers} gunicorn workers, PostgreSQL, "
          f"Redis {redis_state}, {elapsed:.1f} s{suffix} ==")  # fmt: skip
    report("all", results, elapsed)
    if fault.name:
        bounds = [marks["before"], marks["during"], marks["after"], began + elapsed]
        # A request belongs to the phase in which its answer arrived.
        for phase, start, end in zip(PHASES, bounds, bounds[1:], strict=False):
            answered = [r for r in results if start <= r[0] + r[2] / 1000 < end]
            report(phase, answered, max(end - start, 1e-6))
    for kind in sorted({r[1] for r in results}):
        values = [r[2] for r in results if r[1] == kind]
        print(f"{kind:<9} p50 {percentile(values, 0.5):7.1f} ms   "
              f"p99 {percentile(values, 0.99):7.1f} ms   n={len(values)}")  # fmt: skip
    env["DATABASE_URL"] = DATABASE
    stored = saved_tokens_in_database(env, saved)
    print(f"saves answered 201: {len(saved)}   found in the database: {stored}")
    errors = [r[3] for r in results if r[3]]
    for error in errors[:5]:
        print("  error:", error)
    after_errors = [r for r in results if r[3] and fault.name and r[0] >= marks["after"] + 3]
    if stored != len(saved) or (errors and not fault.name) or after_errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
