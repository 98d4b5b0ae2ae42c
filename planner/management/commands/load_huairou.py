import hashlib
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from planner.models import DatasetLoad

DEFAULT_FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "huairou.json"


class Command(BaseCommand):
    help = (
        "Load fixtures/huairou.json when it changed since the last load. Records are matched by "
        "slug, so loading twice changes nothing and records not in the fixture are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fixture", type=Path, default=DEFAULT_FIXTURE)
        parser.add_argument("--force", action="store_true", help="Load even if unchanged.")

    def handle(self, *args, fixture: Path, force: bool, **options):
        digest = hashlib.sha256(fixture.read_bytes()).hexdigest()
        record = DatasetLoad.objects.filter(fixture=fixture.name).first()
        if record and record.sha256 == digest and not force:
            self.stdout.write(
                f"{fixture.name} unchanged since {record.loaded_at:%Y-%m-%d}; skipped."
            )
            return
        with transaction.atomic():
            call_command("loaddata", str(fixture), verbosity=0)
            # Fixtures load with raw saves, which history skips: give every record its
            # first version so an editor's first change can be reverted.
            call_command("populate_history", auto=True, verbosity=0)
            DatasetLoad.objects.update_or_create(fixture=fixture.name, defaults={"sha256": digest})
        self.stdout.write(f"Loaded {fixture.name}.")
