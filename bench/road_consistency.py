"""Road graph consistency: legs that a third place would shorten. Prints figures, asserts nothing.

For every ordered pair of mapped places (data/huairou.json) and every third place, counts the
triples where the leg a → b is 5 km (or 5 minutes) longer than a → c → b. In minutes each is a
local road that should not exist (over a ridge) or a road the graph lacks; in km it may also be
a quicker, longer way (the expressway). The examples show which.
Run: .venv/bin/python bench/road_consistency.py [--examples 15]
"""

import argparse
import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.planning.roads import road_network  # noqa: E402

SECTIONS = ("scenic_spots", "villages", "homestays", "cafes", "restaurants", "start_points")
SLACK = 5  # km or minutes


def mapped_places() -> dict[str, tuple[float, float]]:
    data = json.loads((ROOT / "data" / "huairou.json").read_text(encoding="utf-8"))
    return {record["slug"]: (record["lat"], record["lng"])
            for section in SECTIONS for record in data.get(section, [])
            if record.get("lat") is not None}  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=15)
    args = parser.parse_args()
    places, network = mapped_places(), road_network()
    legs = {(a, b): network.quickest(places[a], places[b])[:2]
            for a in places for b in places if a != b}  # fmt: skip
    print(f"{len(places)} mapped places")
    for unit, column in (("min", 0), ("km", 1)):
        worst, count = {}, 0
        for a, b, c in itertools.permutations(places, 3):
            saving = legs[a, b][column] - legs[a, c][column] - legs[c, b][column]
            if saving >= SLACK:
                count += 1
                if saving > worst.get((a, b), (0,))[0]:
                    worst[a, b] = (saving, c)
        print(f"\n{count} triples where a third place saves ≥ {SLACK} {unit}")
        ranked = sorted(((saving, a, b, c) for (a, b), (saving, c) in worst.items() if a < b),
                        reverse=True)  # fmt: skip
        for _saving, a, b, c in ranked[: args.examples]:
            direct, first, second = (legs[pair][column] for pair in ((a, b), (a, c), (c, b)))
            print(f"  {a} → {b}: {direct:.1f} {unit}, via {c} {first:.1f} + {second:.1f}")


if __name__ == "__main__":
    main()
