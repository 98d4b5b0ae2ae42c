from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlannerConfig(AppConfig):
    name = "planner"
    verbose_name = _("Huairou weekend planner")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Registered explicitly: the project uses SimpleAdminConfig (no autodiscovery),
        # so that django-leaflet's GDAL-importing admin module is never loaded.
        from . import admin  # noqa: F401
        from .signals import connect_cache_invalidation

        connect_cache_invalidation()
