"""District scale and beyond: 100,000 synthetic homestays in a scratch PostgreSQL database.

Prints the size of each GeoJSON answer the map asks for, at zooms from the district to a
street; what the builder transfers on first load (its page, scripts, styles and the places
its map asks for, gzipped as served); the time of a place page with its "nearby" lists; and
the p50/p95 of POST /api/plan (2 days, 10 stops) over HTTP on loopback.
Run: .venv/bin/python bench/scale.py [--homestays 100000]
"""

import argparse
import http.client
import json
import random
import re
import statistics
import time

from server import HOST, PORT, gunicorn, manage, prepare, server_env

STOPS = ["mutianyu-great-wall", "hongluo-temple", "yanqi-lake", "qinglong-gorge",
         "shengquan-mountain", "jiugukou", "huanghuacheng-lakeside-great-wall", "shentangyu",
         "baiquan-mountain", "xiangshuihu-great-wall", "labagou-primeval-forest",
         "beigou"]  # fmt: skip
VIEWS = {  # zoom: bbox of a 1280×900 map around the district centre at that zoom, padded
    9: "115.5,39.4,117.7,41.5",
    11: "116.25,40.2,116.95,40.7",
    13: "116.5,40.38,116.68,40.5",
    15: "116.55,40.41,116.6,40.44",
    17: "116.56,40.42,116.575,40.43",
}


def post(path: str, body: dict) -> tuple[int, float]:
    connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
    began = time.perf_counter()
    connection.request("POST", path, json.dumps(body), {"Content-Type": "application/json",
                                                        "Host": HOST})  # fmt: skip
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, (time.perf_counter() - began) * 1000


def get_size(path: str) -> tuple[int, int, float]:
    connection = http.client.HTTPConnection(HOST, PORT, timeout=60)
    began = time.perf_counter()
    connection.request("GET", path, headers={"Host": HOST})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, len(body), (time.perf_counter() - began) * 1000


# The builder map's first view (LEAFLET_CONFIG: zoom 9 around the district), as it asks.
BUILDER_VIEW = "/api/places.geojson?kind=spot,homestay,cafe,village,poi&bbox={}&zoom=9"
PLACE_PAGE = "/spots/mutianyu-great-wall/"


def transfer(path: str) -> tuple[int, int]:
    """(status, bytes on the wire) for a GET that accepts gzip, as a browser does."""
    connection = http.client.HTTPConnection(HOST, PORT, timeout=60)
    connection.request("GET", path, headers={"Host": HOST, "Accept-Encoding": "gzip"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, len(body)


def builder_first_load() -> list[tuple[str, int]]:
    """Every request the builder makes before the visitor does anything, with its size."""
    status, _size = transfer("/plan/")
    assert status == 200, status
    connection = http.client.HTTPConnection(HOST, PORT, timeout=60)
    connection.request("GET", "/plan/", headers={"Host": HOST})
    html = connection.getresponse().read().decode()
    connection.close()
    paths = ["/plan/", *re.findall(r'(?:src|href)="(/static/[^"]+\.(?:js|css))"', html)]
    paths.append(BUILDER_VIEW.format(VIEWS[9]))
    return [(path, transfer(path)[1]) for path in paths]


def place_page_ms(runs: int) -> tuple[float, float]:
    get_size(PLACE_PAGE)  # builds the per-version nearby grids once
    timings = sorted(get_size(PLACE_PAGE)[2] for _ in range(runs))
    return statistics.median(timings), timings[int(0.95 * len(timings)) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--homestays", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    env = server_env(redis=True, workers=2)
    prepare(env)
    manage(env, "generate_synthetic", "--delete")
    manage(env, "generate_synthetic", f"--homestays={args.homestays}", "--cafes=200", "--publish")
    try:
        with gunicorn(env):
            print(f"== Map at scale: {args.homestays} synthetic homestays + the real places ==")
            print(f"{'zoom':>5} {'KB':>8} {'first ms':>9} {'cached ms':>10}   target ≤ 200 KB")
            for zoom, bbox in VIEWS.items():
                path = f"/api/places.geojson?bbox={bbox}&zoom={zoom}&unmapped=1"
                status, size, cold = get_size(path)
                _status, _size, warm = get_size(path)
                print(f"{zoom:>5} {size / 1024:>8.1f} {cold:>9.1f} {warm:>10.1f}   HTTP {status}")
            loads = builder_first_load()
            total = sum(size for _path, size in loads) / 1024
            print(f"== Builder first load: {len(loads)} requests, {total:.1f} KB (≤ 300 KB) ==")
            for path, size in loads:
                print(f"{size / 1024:>8.1f} KB  {path[:90]}")
            p50, p95 = place_page_ms(args.runs)
            print(f"== Place page {PLACE_PAGE} with nearby homestays and cafés ==")
            print(f"p50 {p50:.1f} ms   p95 {p95:.1f} ms   target ≤ 50 ms")
            rng = random.Random(5)
            post("/api/plan", {"stops": STOPS[:3], "days": 2})  # loads the candidates once
            timings = []
            for _ in range(args.runs):
                body = {"stops": rng.sample(STOPS, 10), "days": 2}
                status, ms = post("/api/plan", body)
                assert status == 200, status
                timings.append(ms)
            p50, p95 = statistics.median(timings), sorted(timings)[int(0.95 * len(timings)) - 1]
            print(
                f"== POST /api/plan over loopback, 2 days, 10 stops, {args.homestays} homestays =="
            )
            print(f"p50 {p50:.1f} ms   p95 {p95:.1f} ms   target p50 ≤ 30 ms")
    finally:
        manage(env, "generate_synthetic", "--delete")


if __name__ == "__main__":
    main()
