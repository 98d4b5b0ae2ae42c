"""Editors add, change and remove a record's sources, opening periods and highlights."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROW_MODELS = ["source", "openingperiod", "highlight"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("planner")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    codenames = [f"{action}_{model}" for model in ROW_MODELS
                 for action in ("add", "change", "view", "delete")]  # fmt: skip
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="planner", codename__in=codenames)
    )


class Migration(migrations.Migration):
    dependencies = [("planner", "0006_data_sources_hours")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
