from django.db.models.signals import post_delete, post_save

from .caching.content_version import bump_content_version


def connect_cache_invalidation() -> None:
    from .models import PLACE_MODELS, RouteStop, SeasonalRoute

    for model in (*PLACE_MODELS, SeasonalRoute, RouteStop):
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"bump-{model.__name__}")
        post_delete.connect(
            bump_content_version, sender=model, dispatch_uid=f"bump-del-{model.__name__}"
        )
