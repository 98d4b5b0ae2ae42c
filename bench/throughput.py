"""Throughput: the cached GeoJSON endpoint against a trivial Django view (/healthz), measured
in the same run with wrk on loopback against gunicorn. The ratio is what counts.

Run: .venv/bin/python bench/throughput.py [--seconds 10] [--connections 16]
"""

import argparse
import re
import shutil
import subprocess

from server import gunicorn, prepare, server_env

TARGET_RATIO = 0.70


def wrk(url: str, seconds: int, connections: int) -> float:
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-H", "Accept-Encoding: gzip", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk not found: apt-get install -y wrk")
        return
    env = server_env(redis=True, workers=args.workers)
    prepare(env)
    with gunicorn(env) as base:
        geojson = base + "/api/places.geojson"
        subprocess.run(["wrk", "-t1", "-c1", "-d1s", geojson], capture_output=True)  # warm cache
        trivial = wrk(base + "/healthz", args.seconds, args.connections)
        cached = wrk(geojson, args.seconds, args.connections)
    ratio = cached / trivial
    print(f"== Throughput, gunicorn ({args.workers} workers) + PostgreSQL + Redis, wrk "
          f"{args.connections} connections, {args.seconds} s each ==")  # fmt: skip
    print(f"trivial view /healthz:       {trivial:8.1f} requests/s")
    print(f"cached /api/places.geojson:  {cached:8.1f} requests/s")
    print(f"ratio: {ratio:.2f}   target ≥ {TARGET_RATIO:.2f}")


if __name__ == "__main__":
    main()
