"""Saved itineraries: the request, the plan as computed at save time, and its days/stops.

The share token (192 random bits, never a sequence) lets anyone holding the link read and copy
an itinerary; changing it takes the separate edit key that only its creator received.
"""

import secrets

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import Timestamped


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Itinerary(Timestamped):
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    title = models.CharField(_("title"), max_length=120, blank=True)
    request = models.JSONField(_("request"))
    plan = models.JSONField(_("plan"))
    version = models.PositiveIntegerField(default=1)
    start_date = models.DateField(_("first day"))
    days_count = models.PositiveSmallIntegerField(_("days"), default=1)
    # SHA-256 of the edit key given only to the creator; "" = nobody may edit (saved before
    # edit keys existed). The share token lets people read and copy, never change.
    edit_key_hash = models.CharField(max_length=64, blank=True, default="", editable=False)
    # SHA-256 of the client's Idempotency-Key: a retried save returns this itinerary again.
    idempotency_key_hash = models.CharField(max_length=64, null=True, blank=True, unique=True,
                                            editable=False)  # fmt: skip

    class Meta:
        verbose_name = _("itinerary")
        verbose_name_plural = _("itineraries")
        ordering = ["-updated"]

    def __str__(self):
        return self.title or f"{self.start_date:%Y-%m-%d} ({self.token[:6]}…)"

    def get_absolute_url(self):
        return reverse("planner:itinerary", args=[self.token])


class ItineraryDay(models.Model):
    itinerary = models.ForeignKey(Itinerary, on_delete=models.CASCADE, related_name="days")
    number = models.PositiveSmallIntegerField()
    date = models.DateField()
    overnight_slug = models.SlugField(max_length=80, blank=True)

    class Meta:
        ordering = ["itinerary", "number"]
        constraints = [
            models.UniqueConstraint(fields=["itinerary", "number"], name="itineraryday_unique"),
        ]

    def __str__(self):
        return f"{self.itinerary} · day {self.number}"


class ItineraryStop(models.Model):
    day = models.ForeignKey(ItineraryDay, on_delete=models.CASCADE, related_name="stops")
    position = models.PositiveSmallIntegerField()
    slug = models.SlugField(max_length=80)
    kind = models.CharField(max_length=20)
    name_zh = models.CharField(max_length=200, blank=True)
    name_en = models.CharField(max_length=200, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6)
    longitude = models.DecimalField(max_digits=9, decimal_places=6)
    arrive = models.TimeField()
    depart = models.TimeField()
    suggested = models.BooleanField(default=False)
    role = models.CharField(max_length=10, default="visit")

    class Meta:
        ordering = ["day", "position"]
        constraints = [
            models.UniqueConstraint(fields=["day", "position"], name="itinerarystop_unique"),
        ]

    def __str__(self):
        return f"{self.day} · {self.position}. {self.name_zh or self.name_en}"
