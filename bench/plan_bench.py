"""Planning engine benchmark: prints figures, asserts nothing.

- p50/p95 of make_plan for 2-day plans with 6, 10 and 15 stops over the real places
  plus N synthetic homestays (generated here, never stored);
- the optimality ratio of our single-day order against brute force (and against the
  nearest-neighbour order other planners ship), on seeded random instances;
- the travel model's error on the sourced trips of data/roads/trips.json, calibration and
  hold-out sets apart.

Run: .venv/bin/python bench/plan_bench.py [--homestays 2000] [--runs 60]
"""

import argparse
import datetime as dt
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
from planner.planning.roads import straight_km  # noqa: E402
from planner.planning.traffic import traffic_at  # noqa: E402
from planner.planning.travel import TravelModel, direction, timetable_day_kind  # noqa: E402

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


TRIPS = ROOT / "data" / "roads" / "trips.json"
# A date and hour per traffic condition in trips.json (2026: 1 Oct is a National Day holiday).
CONDITION_DEPARTURE = {
    "typical": dt.datetime(2026, 11, 18, 10, 0),  # a Wednesday mid-morning
    "weekend": dt.datetime(2026, 11, 21, 8, 30),  # a Saturday morning
    "holiday_outbound_morning": dt.datetime(2026, 10, 1, 8, 0),
    "holiday_other": dt.datetime(2026, 10, 1, 14, 0),
    "holiday": dt.datetime(2026, 10, 1, 6, 56),
    "workday_peak": dt.datetime(2026, 11, 18, 17, 30),  # a Wednesday evening
}
# The day a trip ran, where its source says (2026: National Day runs 1-8 October).
DAY_OF = {
    "workday": dt.date(2026, 11, 18), "saturday": dt.date(2026, 11, 21),
    "sunday": dt.date(2026, 11, 22), "holiday_first_day": dt.date(2026, 10, 1),
    "holiday_middle_day": dt.date(2026, 10, 4), "holiday_last_day": dt.date(2026, 10, 8),
}  # fmt: skip


def modelled_trip(trip, car, transit):
    """Road km and minutes the model gives for a sourced trip (no parking/shuttle time).

    For a bus or train trip: the ride on the first line of the sourced mode.
    """
    a, b = (PlaceInfo(e["slug"], "poi", e["name"], e["name"], e["lat"], e["lng"])
            for e in (trip["from"], trip["to"]))  # fmt: skip
    depart = CONDITION_DEPARTURE.get(trip["conditions"], CONDITION_DEPARTURE["typical"])
    day = DAY_OF.get(trip.get("day"), depart.date())  # the day the source names, if any
    at = dt.time.fromisoformat(trip["depart"]) if trip.get("depart") else depart.time()
    depart = dt.datetime.combine(day, at)
    if trip["mode"] == "car":
        leg = car.leg(a, b, depart)
        return leg.km, leg.drive_minutes
    leg = transit.leg(a, b, depart)
    ride = next((step for step in leg.steps if step.line and step.mode == trip["mode"]), None)
    if ride is None:  # another way was quicker at that hour: the sourced line's own ride
        slowdown, kind = traffic_at(depart, direction(a, b)).factor, timetable_day_kind(depart)
        rides = [segment for chain in transit.transit.segments(a, b, kind, slowdown)
                 for segment in chain if segment.line and segment.mode == trip["mode"]]  # fmt: skip
        return leg.km, round(rides[0].minutes)
    return leg.km, ride.minutes


def sourced_value(trip, quantity):
    """The middle of the sourced range (or the single figure)."""
    return (trip[quantity] + (trip[f"{quantity}_max"] or trip[quantity])) / 2


def below_the_straight_line(trip):
    """True when the sourced km is shorter than the straight line between the endpoints:
    no road fits it (the source measured from a town's edge or another point)."""
    ends = (trip["from"]["lat"], trip["from"]["lng"], trip["to"]["lat"], trip["to"]["lng"])
    return trip["km"] is not None and sourced_value(trip, "km") < straight_km(*ends)


def holiday_peak(trip):
    return trip["conditions"] in ("holiday_outbound_morning", "holiday_inbound_afternoon")


def bench_travel_model():
    """The travel model against sourced trips: calibration and hold-out sets apart."""
    trips = json.loads(TRIPS.read_text(encoding="utf-8"))["trips"]
    car, transit = TravelModel(Transport.CAR), TravelModel(Transport.TRANSIT)
    errors = {(s, q): [] for s in ("calibration", "holdout") for q in ("km", "minutes")}
    print("\n== Travel model vs sourced trips (data/roads/trips.json) ==")
    print("(* = sourced km shorter than the straight line between the endpoints)")
    print(f"{'id':>3} {'set':<11} {'from':<14} {'to':<22} {'km src/model':>13} "
          f"{'min src/model':>14}  conditions")  # fmt: skip
    for trip in trips:
        km, minutes = modelled_trip(trip, car, transit)
        row = f"{trip['id']:>3} {trip['set']:<11} {trip['from']['slug'][:14]:<14} "
        row += f"{trip['to']['slug'][:22]:<22} "
        cells = []
        for quantity, modelled in (("km", km), ("minutes", minutes)):
            if trip[quantity] is None:
                cells.append(" " * (13 if quantity == "km" else 14))
                continue
            sourced = sourced_value(trip, quantity)
            errors[(trip["set"], quantity)].append((abs(modelled - sourced) / sourced, trip))
            mark = "*" if quantity == "km" and below_the_straight_line(trip) else ""
            cell = f"{mark}{sourced:.0f}/{modelled:.0f}"
            cells.append(f"{cell:>13}" if quantity == "km" else f"{cell:>14}")
        print(row + " ".join(cells) + f"  {trip['conditions']}")
    print_errors(errors)


def bootstrap_interval(errors, resamples=2000, seed=1):
    """Where the mean error of this many trips could lie by the luck of which trips were
    found: the 2.5th and 97.5th percentiles of the mean over resampled sets (seeded)."""
    rng = random.Random(seed)
    means = sorted(statistics.mean(rng.choices(errors, k=len(errors))) for _ in range(resamples))
    return means[int(0.025 * resamples)], means[int(0.975 * resamples) - 1]


def print_errors(errors):
    targets = {"km": 0.12, "minutes": 0.15}
    counts = {s: sum(1 for t in json.loads(TRIPS.read_text(encoding="utf-8"))["trips"]
                     if t["set"] == s) for s in ("calibration", "holdout")}  # fmt: skip
    print(f"\ntrips: {counts['calibration']} calibration, {counts['holdout']} hold-out")
    for subset in ("calibration", "holdout"):
        for quantity in ("km", "minutes"):
            found = errors[(subset, quantity)]
            if not found:
                continue
            mae = statistics.mean(error for error, _ in found)
            low, high = bootstrap_interval([error for error, _ in found])
            print(f"{subset:<11} {quantity:<7} MAE {mae:>5.1%} over {len(found):>2} trips "
                  f"(95 % interval {low:.0%}–{high:.0%})   "
                  f"target on hold-out ≤ {targets[quantity]:.0%}")  # fmt: skip
            apart = ("below the straight line", below_the_straight_line)
            if quantity == "minutes":
                apart = ("holiday peaks", holiday_peak)
            rest = [error for error, trip in found if not apart[1](trip)]
            if rest and len(rest) < len(found):
                print(
                    f"{'':<19} {statistics.mean(rest):>5.1%} over {len(rest):>2} trips "
                    f"without the {len(found) - len(rest)} {apart[0]} (not a target)"
                )


def print_source_spread():
    """How far the sources disagree among themselves: where two or more trips give the same
    endpoints, mode, conditions, day and departure, their mean absolute deviation from their
    own median. The model answers those trips alike, so no parameters can do better on them."""
    trips = json.loads(TRIPS.read_text(encoding="utf-8"))["trips"]
    print("\nSource spread (same endpoints, mode and conditions, 2+ sources):")
    for quantity in ("km", "minutes"):
        groups = {}
        for trip in trips:
            if trip[quantity] is None:
                continue
            when = (trip["conditions"], trip.get("day"), trip.get("depart"))
            key = (trip["from"]["slug"], trip["to"]["slug"], trip["mode"])
            key += when if quantity == "minutes" else ()
            groups.setdefault(key, []).append(sourced_value(trip, quantity))
        deviations = []
        for values in groups.values():
            if len(values) > 1:
                middle = statistics.median(values)
                deviations += [abs(value - middle) / value for value in values]
        if deviations:
            print(f"  {quantity:<7} {statistics.mean(deviations):>5.1%} over {len(deviations)} "
                  f"trips in {sum(len(v) > 1 for v in groups.values())} groups")  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--homestays", default="2000,100000",
                        help="comma-separated numbers of synthetic homestays")  # fmt: skip
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--instances", type=int, default=30)
    args = parser.parse_args()
    bench_travel_model()
    print_source_spread()
    if not DATASET.exists():
        print(f"\n(no dataset at {DATASET}: latency and optimality skipped)")
        return
    data, places = load_places()
    for count in (int(value) for value in args.homestays.split(",")):
        bench_latency(places, count, args.runs)
    bench_optimality(places, args.instances)


if __name__ == "__main__":
    main()
