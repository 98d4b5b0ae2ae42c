"""Admin for district editors. Registered explicitly (see PlannerConfig.ready)."""

# Users and groups: django.contrib.auth's own admin, registered explicitly like ours.
import django.contrib.auth.admin  # noqa: F401

from . import places, routes  # noqa: F401
