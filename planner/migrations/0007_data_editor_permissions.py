"""Editors add, change and remove a record's sources, opening periods and highlights."""

from django.db import migrations

from planner.migrations._editors import editors_and_permissions

ROW_MODELS = ["source", "openingperiod", "highlight"]


def grant(apps, schema_editor):
    codenames = [f"{action}_{model}" for model in ROW_MODELS
                 for action in ("add", "change", "view", "delete")]  # fmt: skip
    editors, permissions = editors_and_permissions(apps, codenames)
    editors.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("planner", "0006_data_sources_hours")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
