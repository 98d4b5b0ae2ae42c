from django.db import models


class ContentVersion(models.Model):
    """One row whose number is bumped in the same transaction as every change to published
    content; the shared cache only holds a copy of it (planner/caching/content_version.py)."""

    value = models.BigIntegerField()

    def __str__(self):
        return str(self.value)
