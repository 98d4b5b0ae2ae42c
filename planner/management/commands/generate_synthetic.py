"""Synthetic homestays and cafés for benchmarks and scale tests — never for fixtures.

Every record is marked illustrative, unpublished unless asked, and has slug prefix
`synthetic-` and a source row titled "Synthetic benchmark record", so it can never pass for a
real place and
`--delete` removes exactly these.
"""

import random

from django.core.management.base import BaseCommand
from django.db import transaction

from planner.caching.content_version import bump_content_version
from planner.models import Homestay, Source, VillageCafe

PREFIX = "synthetic-"
TOWNS = ["渤海镇", "雁栖镇", "怀北镇", "九渡河镇", "琉璃庙镇", "汤河口镇", "桥梓镇", "宝山镇"]


def synthetic(model, count: int, rng: random.Random, published: bool, start: int = 0):
    kind = "homestay" if model is Homestay else "cafe"
    for index in range(start, start + count):
        price = rng.choice([280, 380, 480, 680, 880, 1280]) if kind == "homestay" else None
        yield model(
            slug=f"{PREFIX}{kind}-{index}",
            name_zh=f"示例{'民宿' if kind == 'homestay' else '村咖'}{index}",
            name_en=f"Sample {kind} {index}",
            town_zh=rng.choice(TOWNS),
            latitude=round(rng.uniform(40.30, 40.95), 6),
            longitude=round(rng.uniform(116.35, 116.90), 6),
            price_cny_min=price,
            price_cny_max=price,
            confidence="L",
            is_published=published,
            is_illustrative=True,
        )


class Command(BaseCommand):
    help = "Create (or --delete) synthetic, illustrative homestays and cafés for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--homestays", type=int, default=0)
        parser.add_argument("--cafes", type=int, default=0)
        parser.add_argument("--publish", action="store_true", help="Show them on the map.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--delete", action="store_true", help="Remove every synthetic record.")

    @transaction.atomic
    def handle(self, *args, homestays, cafes, publish, seed, delete, **options):
        if delete:
            removed = sum(
                model.objects.filter(slug__startswith=PREFIX).delete()[0]
                for model in (Homestay, VillageCafe)
            )
            bump_content_version()
            self.stdout.write(f"Removed {removed} synthetic records.")
            return
        rng = random.Random(seed)
        for model, count in ((Homestay, homestays), (VillageCafe, cafes)):
            start = model.objects.filter(slug__startswith=PREFIX).count()
            created = model.objects.bulk_create(
                synthetic(model, count, rng, publish, start), batch_size=2000
            )
            owner = "homestay" if model is Homestay else "cafe"
            Source.objects.bulk_create(
                (
                    Source(**{owner: record}, title="Synthetic benchmark record")
                    for record in created
                ),
                batch_size=2000,
            )
        bump_content_version()
        self.stdout.write(f"Created {homestays} homestays and {cafes} cafés (synthetic).")
