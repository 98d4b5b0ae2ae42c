from pathlib import Path

import polib
from django.core.management import call_command

from planner.management.commands.compile_messages import compiled_catalogues


def test_chinese_catalogue_is_complete():
    (po_path,) = [po for po, _ in compiled_catalogues() if "zh_Hans" in str(po)]
    catalogue = polib.pofile(str(po_path))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


def test_committed_mo_files_are_current(tmp_path, settings):
    committed = {mo: Path(mo).read_bytes() for _, mo in compiled_catalogues()}
    call_command("compile_messages", verbosity=0)
    for mo, content in committed.items():
        assert Path(mo).read_bytes() == content, f"{mo} is stale: run manage.py compile_messages"
