import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from planner.dataset_to_fixture import build_fixture

DEFAULT_OUTPUT = Path(settings.BASE_DIR) / "fixtures" / "huairou.json"


class Command(BaseCommand):
    help = "Regenerate fixtures/huairou.json from the researched dataset (data/huairou.json)."

    def add_arguments(self, parser):
        parser.add_argument("--dataset", type=Path, default=settings.HUAIROU_DATASET)
        parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)

    def handle(self, *args, dataset: Path, output: Path, **options):
        if not dataset.exists():
            raise CommandError(f"Dataset not found: {dataset} (set HUAIROU_DATASET).")
        objects = build_fixture(json.loads(dataset.read_text(encoding="utf-8")))
        output.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(objects, ensure_ascii=False, indent=1) + "\n"
        output.write_text(text, encoding="utf-8")
        self.stdout.write(f"Wrote {len(objects)} objects to {output}")
