from django.db import models
from django.utils import timezone


class Timestamped(models.Model):
    # Defaults rather than auto_now: fixtures load with raw saves, which skip auto_now.
    created = models.DateTimeField(default=timezone.now, editable=False)
    updated = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.updated = timezone.now()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "updated"}
        super().save(*args, **kwargs)


def exactly_one_of(fields, name: str) -> models.CheckConstraint:
    """The check that exactly one of these nullable foreign keys is set on a row."""
    fields = tuple(fields)
    condition = models.Q()
    for chosen in fields:
        only_this = models.Q(**{f"{chosen}__isnull": False})
        for other in fields:
            if other != chosen:
                only_this &= models.Q(**{f"{other}__isnull": True})
        condition |= only_this
    return models.CheckConstraint(condition=condition, name=name)


def which_is_set(row, fields):
    """(field name, related object) of the first of these foreign keys set on the row, else
    (None, None)."""
    for field in fields:
        if getattr(row, f"{field}_id") is not None:
            return field, getattr(row, field)
    return None, None
