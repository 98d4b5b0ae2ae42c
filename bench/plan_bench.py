"""Planning engine benchmark: prints figures, asserts nothing.

- p50/p95 of make_plan for 2-day plans with 6, 10 and 15 stops over the real places
  plus N synthetic homestays (generated here, never stored);
- the optimality ratio of our single-day order against brute force (and against the
  nearest-neighbour order other planners ship), on seeded random instances;
- the travel model's error against the sourced drive times in the dataset.

Run: .venv/bin/python bench/plan_bench.py [--homestays 2000] [--runs 60]
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from itertools import permutations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "huairou_project.settings")

from planner.planning import (  # noqa: E402
    Candidates,
    Pace,
    PlaceInfo,
    PlanRequest,
    Transport,
    make_plan,
)
from planner.planning.optimize import DayOrderProblem  # noqa: E402
from planner.planning.travel import TravelModel, access_minutes  # noqa: E402

DATASET = Path(os.environ.get("HUAIROU_DATASET", ROOT / "data" / "huairou.json"))


def load_places():
    data = json.loads(DATASET.read_text(encoding="utf-8"))

    def info(record, kind):
        return PlaceInfo(
            slug=record["slug"], kind=kind, name_zh=record.get("name_zh") or "",
            name_en=record.get("name_en") or "", lat=record["lat"], lng=record["lng"],
            visit_minutes=record.get("visit_minutes"), rating=record.get("rating") or "",
            price_cny_min=record.get("price_cny_min") or record.get("ticket_cny"),
        )  # fmt: skip

    def mapped(section, kind):
        return [info(r, kind) for r in data[section] if r.get("lat") is not None]

    return data, {
        "spots": mapped("scenic_spots", "spot"),
        "homestays": mapped("homestays", "homestay"),
        "cafes": mapped("cafes", "cafe"),
        "villages": mapped("villages", "village"),
        "starts": {p.slug: p for p in mapped("start_points", "start")},
    }


def synthetic_homestays(count, rng):
    return [
        PlaceInfo(
            slug=f"synthetic-{i}",
            kind="homestay",
            name_zh=f"示例民宿{i}",
            name_en=f"Sample {i}",
            lat=rng.uniform(40.3, 40.9),
            lng=rng.uniform(116.35, 116.9),
            price_cny_min=rng.choice([300, 500, 800, 1200]),
            is_illustrative=True,
        )  # fmt: skip
        for i in range(count)
    ]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def bench_latency(places, homestay_count, runs):
    rng = random.Random(42)
    stops_pool = places["spots"] + places["villages"] + places["cafes"]
    candidates = Candidates(
        homestays=tuple(places["homestays"] + synthetic_homestays(homestay_count, rng)),
        lunch_venues=tuple(places["cafes"]),
    )
    start = places["starts"]["dongzhimen"]
    import datetime as dt

    print(f"\n== Engine latency: 2-day plans, {len(candidates.homestays)} homestays ==")
    print(f"{'stops':>6} {'p50 ms':>8} {'p95 ms':>8}   target")
    for count in (6, 10, 15):
        timings = []
        for _ in range(runs):
            stops = tuple(rng.sample(stops_pool, min(count, len(stops_pool))))
            request = PlanRequest(start=start, date=dt.date(2026, 10, 10), stops=stops, days=2)
            began = time.perf_counter()
            make_plan(request, candidates)
            timings.append((time.perf_counter() - began) * 1000)
        limit = 10 if homestay_count <= 2000 else 30
        target = f"p50 ≤ {limit} ms" if count == 10 else ""
        p50, p95 = percentile(timings, 0.5), percentile(timings, 0.95)
        print(f"{count:>6} {p50:>8.2f} {p95:>8.2f}   {target}")


def bench_optimality(places, instances):
    rng = random.Random(7)
    start = places["starts"]["dongzhimen"]
    travel = TravelModel(Transport.CAR)
    print(f"\n== Optimality, {instances} seeded single-day instances per size ==")
    print(f"{'stops':>6} {'ours/brute':>11} {'nearest-neighbour/brute':>24}   target")
    pool = places["spots"] + places["villages"]
    for size in (4, 6, 8):
        ours, greedy = [], []
        for _ in range(instances):
            stops = rng.sample(pool, size)
            problem = DayOrderProblem(stops, start, start, travel, Pace.PACKED, True, 8 * 60)
            brute = min(problem.cost(order) for order in permutations(range(size)))
            ours.append(problem.cost(problem.solve())[1] / brute[1])
            greedy.append(problem.cost(problem._nearest_neighbour())[1] / brute[1])
        worst, peer = max(ours), statistics.mean(greedy)
        print(f"{size:>6} {worst:>11.3f} {peer:>24.3f}   ours = 1.000 (worst case shown)")


def bench_travel_model(data, places):
    """Compare modelled drive minutes with sourced car trips that have both ends mapped."""
    by_slug = {p.slug: p for group in ("spots", "homestays", "villages") for p in places[group]}
    by_slug.update(places["starts"])
    city = places["starts"]["dongzhimen"]  # 'central Beijing' in the facts
    travel = TravelModel(Transport.CAR)
    print("\n== Travel model vs sourced drive times (car; 'central Beijing' = Dongzhimen) ==")
    print(f"{'from':<18} {'to':<36} {'source':>7} {'model':>6} {'error':>7}  conditions")
    errors = []
    for fact in data["travel_facts"]:
        if fact["mode"] != "car" or fact["minutes"] is None:
            continue
        origin = city if fact["from"] == "central Beijing" else by_slug.get(fact["from"])
        target = by_slug.get(fact["to"])
        if origin is None or target is None:
            continue
        sourced = (fact["minutes"] + (fact["minutes_max"] or fact["minutes"])) / 2
        modelled = travel.minutes(origin, target) - access_minutes(target)
        error = (modelled - sourced) / sourced
        typical = "holiday" not in fact["conditions"] and "peak" not in fact["conditions"]
        if typical:
            errors.append(abs(error))
        print(f"{fact['from'][:18]:<18} {fact['to'][:36]:<36} {sourced:>7.0f} {modelled:>6.0f} "
              f"{error:>+7.0%}  {fact['conditions'][:40]}")  # fmt: skip
    if errors:
        print(f"mean absolute error on typical (non-holiday) trips: {statistics.mean(errors):.0%}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--homestays", default="2000,100000",
                        help="comma-separated numbers of synthetic homestays")  # fmt: skip
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--instances", type=int, default=30)
    args = parser.parse_args()
    data, places = load_places()
    for count in (int(value) for value in args.homestays.split(",")):
        bench_latency(places, count, args.runs)
    bench_optimality(places, args.instances)
    bench_travel_model(data, places)


if __name__ == "__main__":
    main()
