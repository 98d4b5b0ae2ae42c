"""A record of which fixture file was last loaded, so `make run` can skip an unchanged one."""

from django.db import models


class DatasetLoad(models.Model):
    fixture = models.CharField(max_length=200, unique=True)
    sha256 = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.fixture} ({self.sha256[:10]})"
