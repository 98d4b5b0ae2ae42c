"""Load test: gunicorn on PostgreSQL, driven over loopback by N concurrent clients.

Starts gunicorn (production settings) on 127.0.0.1 against a scratch PostgreSQL database,
runs a bounded mix of plan / save / fetch / GeoJSON requests for --seconds, prints
requests/s, p50/p99 latency and errors, and checks that every save answered 201 is in the
database. Only loopback is ever contacted. It stops by itself.

Run: .venv/bin/python bench/load.py [--clients 8] [--seconds 20] [--workers 3]
"""

import argparse
import http.client
import json
import random
import subprocess
import sys
import threading
import time

from server import HOST, PORT, PYTHON, ROOT, gunicorn, prepare, server_env

STOPS = ["mutianyu-great-wall", "hongluo-temple", "yanqi-lake", "qinglong-gorge",
         "shengquan-mountain", "jiugukou", "huanghuacheng-lakeside-great-wall"]  # fmt: skip


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
        self.latencies: dict[str, list[float]] = {}
        self.errors: list[str] = []
        self.saved: list[str] = []

    def run(self):
        while time.monotonic() < self.deadline:
            kind = self.random.choices(["plan", "save", "fetch", "geojson"], [4, 1, 2, 3])[0]
            body = {"stops": self.random.sample(STOPS, self.random.randint(2, 5)),
                    "days": self.random.randint(1, 2), "date": "2026-10-10"}  # fmt: skip
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
                self.errors.append(f"{kind}: {error}")
                continue
            self.latencies.setdefault(kind, []).append(ms)
            if status >= 400:
                self.errors.append(f"{kind}: HTTP {status}")


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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--no-redis", action="store_true")
    args = parser.parse_args()
    env = server_env(redis=not args.no_redis, workers=args.workers)
    prepare(env)
    with gunicorn(env):
        deadline = time.monotonic() + args.seconds
        clients = [Client(deadline, seed) for seed in range(args.clients)]
        began = time.monotonic()
        for client in clients:
            client.start()
        for client in clients:
            client.join(args.seconds + 35)
        elapsed = time.monotonic() - began
    latencies: dict[str, list[float]] = {}
    for client in clients:
        for kind, values in client.latencies.items():
            latencies.setdefault(kind, []).extend(values)
    errors = [error for client in clients for error in client.errors]
    saved = [token for client in clients for token in client.saved]
    total = sum(len(values) for values in latencies.values())
    redis_state = "off" if args.no_redis else "on"
    print(f"== Load: {args.clients} clients, {args.workers} gunicorn workers, PostgreSQL, "
          f"Redis {redis_state}, {elapsed:.1f} s ==")  # fmt: skip
    print(f"requests/s: {total / elapsed:.1f}   requests: {total}   errors: {len(errors)}")
    everything = [value for values in latencies.values() for value in values]
    if everything:
        p50, p99 = percentile(everything, 0.5), percentile(everything, 0.99)
        print(f"all       p50 {p50:7.1f} ms   p99 {p99:7.1f} ms")
    for kind, values in sorted(latencies.items()):
        p50, p99 = percentile(values, 0.5), percentile(values, 0.99)
        print(f"{kind:<9} p50 {p50:7.1f} ms   p99 {p99:7.1f} ms   n={len(values)}")
    stored = saved_tokens_in_database(env, saved)
    print(f"saves answered 201: {len(saved)}   found in the database: {stored}")
    for error in errors[:5]:
        print("  error:", error)
    if errors or stored != len(saved):
        sys.exit(1)


if __name__ == "__main__":
    main()
