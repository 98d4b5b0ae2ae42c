"""Give unmapped places coordinates from their address, outside any web request.

Each point found is marked low-confidence with a note for an editor to confirm on the map.
Provider errors are retried after a pause; the provider's rate limit is kept. Each save
bumps the content version (signals), so maps show the new points at once.
"""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from planner.geo.geocoding import locate
from planner.models import PLACE_MODEL_BY_KIND


class Command(BaseCommand):
    help = "Locate unmapped places from their address (marked for review)."

    def add_arguments(self, parser):
        parser.add_argument("--kind", choices=sorted(PLACE_MODEL_BY_KIND), action="append",
                            help="Only these kinds (repeatable); default: every kind.")  # fmt: skip
        parser.add_argument("--limit", type=int, default=None, help="At most this many places.")
        parser.add_argument("--retries", type=int, default=2)

    def handle(self, *args, kind, limit, retries, **options):
        records = [
            record
            for name in kind or sorted(PLACE_MODEL_BY_KIND)
            for record in PLACE_MODEL_BY_KIND[name].objects.filter(latitude__isnull=True)
        ][:limit]
        found, failures = 0, []
        for record in tqdm(records, desc="Locating", unit="place", file=self.stderr._out,
                           disable=not records):  # fmt: skip
            problem = locate(record, retries=retries)
            if problem:
                failures.append(f"{record.slug}: {problem}")
                continue
            record.save()
            found += 1
        for failure in failures:
            self.stderr.write(failure)
        self.stdout.write(f"Located {found} of {len(records)} places; {len(failures)} not found.")
