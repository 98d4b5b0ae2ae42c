"""The "Editors" group: district editors add, change and publish content; they cannot
manage users or groups, and they unpublish rather than delete places."""

from django.db import migrations

from planner.migrations._editors import editors_and_permissions

CONTENT_MODELS = [
    "scenicspot",
    "homestay",
    "villagecafe",
    "village",
    "pointofinterest",
    "startpoint",
    "seasonalroute",
    "routestop",
]
DELETABLE = {"routestop"}


def create_editors(apps, schema_editor):
    codenames = []
    for model in CONTENT_MODELS:
        actions = ["add", "change", "view"] + (["delete"] if model in DELETABLE else [])
        codenames += [f"{action}_{model}" for action in actions]
    editors, permissions = editors_and_permissions(apps, codenames)
    editors.permissions.set(permissions)


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("planner", "0003_history"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
