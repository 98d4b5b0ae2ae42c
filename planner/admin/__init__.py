"""Admin for district editors. Registered explicitly (see PlannerConfig.ready)."""

from . import places, routes  # noqa: F401
