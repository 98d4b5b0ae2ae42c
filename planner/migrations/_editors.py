"""What the Editors migrations (0004, 0007) share. The leading underscore keeps Django's
migration loader from reading this module as a migration.

Frozen with those migrations: a change here changes what a fresh database gets, never an
existing one. New rights go in a new migration."""

from django.contrib.auth.management import create_permissions


def editors_and_permissions(apps, codenames):
    """The Editors group (created if missing) and the planner permissions named.

    Permissions are normally created after all migrations; create them now. The stub app
    config of a migration needs `models_module` set for create_permissions to run.
    """
    app_config = apps.get_app_config("planner")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    editors, _ = apps.get_model("auth", "Group").objects.get_or_create(name="Editors")
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="planner", codename__in=codenames
    )
    return editors, permissions
