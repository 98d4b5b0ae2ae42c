from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def compiled_catalogues() -> list[tuple[Path, Path]]:
    """Every (django.po, django.mo) pair under LOCALE_PATHS."""
    pairs = []
    for locale_dir in settings.LOCALE_PATHS:
        for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/django.po")):
            pairs.append((po_path, po_path.with_suffix(".mo")))
    return pairs


class Command(BaseCommand):
    help = "Compile .po catalogues to .mo with polib (no system gettext needed)."

    def handle(self, *args, **options):
        for po_path, mo_path in compiled_catalogues():
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            self.stdout.write(f"Compiled {mo_path.relative_to(settings.BASE_DIR)}", ending="\n")
