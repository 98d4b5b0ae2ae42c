"""Bulk import benchmark: prints how long the homestay import takes for N rows.

Builds N synthetic rows (clearly marked illustrative, never kept: the run happens in a
transaction that is rolled back), then times the admin's dry-run preview and the real
import. Run: .venv/bin/python bench/import_bench.py [--rows 2000]
"""

import argparse
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "huairou_project.settings")

import django  # noqa: E402

django.setup()

import tablib  # noqa: E402
from django.db import transaction  # noqa: E402

from planner.admin.imports import COMMON_FIELDS, HomestayResource  # noqa: E402

HEADER = [*COMMON_FIELDS, "rooms"]


def synthetic_rows(count: int) -> tablib.Dataset:
    rng = random.Random(3)
    dataset = tablib.Dataset(headers=HEADER)
    for index in range(count):
        row = {
            "slug": f"bench-stay-{index}",
            "name_zh": f"示例民宿{index}",
            "name_en": f"Sample stay {index}",
            "type": "homestay",
            "town_zh": rng.choice(["渤海镇", "雁栖镇", "怀北镇", "九渡河镇"]),
            "latitude": f"{rng.uniform(40.3, 40.9):.6f}",
            "longitude": f"{rng.uniform(116.35, 116.9):.6f}",
            "price_cny_min": "400",
            "price_cny_max": "900",
            "sources": "https://example.org/synthetic",
            "confidence": "L",
            "is_published": "0",
            "is_illustrative": "1",
        }
        dataset.append([row.get(column, "") for column in HEADER])
    return dataset


class Rollback(Exception):
    pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000)
    args = parser.parse_args()
    dataset = synthetic_rows(args.rows)
    print(f"== Homestay import, {args.rows} rows (target: a few seconds) ==")
    try:
        with transaction.atomic():
            began = time.perf_counter()
            preview = HomestayResource().import_data(dataset, dry_run=True)
            dry = time.perf_counter() - began
            began = time.perf_counter()
            result = HomestayResource().import_data(dataset, dry_run=False)
            real = time.perf_counter() - began
            print(f"dry-run preview: {dry:6.2f} s   errors: {preview.has_errors()}")
            print(f"real import:     {real:6.2f} s   created: {result.totals['new']}")
            raise Rollback
    except Rollback:
        print("(rolled back: nothing kept)")


if __name__ == "__main__":
    main()
