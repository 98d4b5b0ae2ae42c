"""The "Editors" group: district editors add, change and publish content; they cannot
manage users or groups, and they unpublish rather than delete places."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

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
    # Permissions are normally created after all migrations; create them now. The stub
    # app config of a migration needs `models_module` set for create_permissions to run.
    app_config = apps.get_app_config("planner")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    codenames = []
    for model in CONTENT_MODELS:
        actions = ["add", "change", "view"] + (["delete"] if model in DELETABLE else [])
        codenames += [f"{action}_{model}" for action in actions]
    permissions = Permission.objects.filter(content_type__app_label="planner", codename__in=codenames)
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
