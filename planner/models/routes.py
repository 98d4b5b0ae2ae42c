"""The district's four seasonal routes and their ordered stops."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .base import Timestamped, exactly_one_of, which_is_set
from .fields import months_field, research_notes_field
from .places import (
    Confidence,
    Homestay,
    PointOfInterest,
    ScenicSpot,
    Village,
    VillageCafe,
    in_viewer_language,
)

# The fields of RouteStop that can point at a place, by the dataset's stop kind.
STOP_TARGET_FIELDS = {
    "spot": "spot",
    "homestay": "homestay",
    "cafe": "cafe",
    "village": "village",
    "poi": "poi",
}


class SeasonalRouteManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class SeasonalRoute(Timestamped):
    class Season(models.TextChoices):
        SPRING = "spring", _("spring")
        SUMMER = "summer", _("summer")
        AUTUMN = "autumn", _("autumn")
        WINTER = "winter", _("winter")

    slug = models.SlugField(_("season"), max_length=20, unique=True, choices=Season.choices)
    title_zh = models.CharField(_("title (Chinese)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    theme_zh = models.CharField(
        _("district theme line"), max_length=200, blank=True, help_text=_("怀柔四季精品旅游线路")
    )
    theme_en = models.CharField(_("theme in English"), max_length=200, blank=True)
    theme_confidence = models.CharField(
        _("theme confidence"), max_length=1, choices=Confidence.choices, blank=True
    )
    months = months_field(_("months"))
    days = models.PositiveSmallIntegerField(_("days"), default=1)
    summary_zh = models.TextField(_("how the route was built (Chinese)"), blank=True)
    summary_en = models.TextField(_("how the route was built (English)"), blank=True)
    notes = research_notes_field()
    last_verified = models.DateField(_("last verified"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=True)

    objects = SeasonalRouteManager()
    history = HistoricalRecords()

    SEASON_ORDER = ["spring", "summer", "autumn", "winter"]

    class Meta:
        verbose_name = _("seasonal route")
        verbose_name_plural = _("seasonal routes")
        ordering = ["slug"]

    def __str__(self):
        return self.title_zh

    def natural_key(self):
        return (self.slug,)

    @property
    def summary(self) -> str:
        return in_viewer_language(self.summary_zh, self.summary_en)

    @property
    def theme(self) -> str:
        return in_viewer_language(self.theme_zh, self.theme_en)

    @property
    def title(self) -> str:
        return in_viewer_language(self.title_zh, self.title_en)

    def get_absolute_url(self):
        return reverse("planner:route-detail", args=[self.slug])


class RouteStopQuerySet(models.QuerySet):
    def with_places(self):
        """Stops in order with the place each points at, in one query."""
        return self.select_related(*STOP_TARGET_FIELDS.values()).order_by("position")


class RouteStopManager(models.Manager.from_queryset(RouteStopQuerySet)):
    def get_by_natural_key(self, route_slug, position):
        return self.get(route__slug=route_slug, position=position)


class RouteStop(models.Model):
    route = models.ForeignKey(SeasonalRoute, on_delete=models.CASCADE, related_name="stops")
    position = models.PositiveSmallIntegerField(_("position"))
    day = models.PositiveSmallIntegerField(_("day"), default=1)
    spot = models.ForeignKey(ScenicSpot, null=True, blank=True, on_delete=models.PROTECT)
    homestay = models.ForeignKey(Homestay, null=True, blank=True, on_delete=models.PROTECT)
    cafe = models.ForeignKey(VillageCafe, null=True, blank=True, on_delete=models.PROTECT)
    village = models.ForeignKey(Village, null=True, blank=True, on_delete=models.PROTECT)
    poi = models.ForeignKey(PointOfInterest, null=True, blank=True, on_delete=models.PROTECT)
    note_zh = models.TextField(_("note (Chinese)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)
    is_optional = models.BooleanField(_("optional"), default=False)
    alternatives = models.JSONField(
        _("alternatives"), default=list, blank=True, help_text=_("List of {kind, slug}.")
    )

    objects = RouteStopManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("route stop")
        verbose_name_plural = _("route stops")
        ordering = ["route", "position"]
        constraints = [
            models.UniqueConstraint(fields=["route", "position"], name="routestop_unique_position"),
            exactly_one_of(STOP_TARGET_FIELDS.values(), "routestop_one_target"),
        ]

    def __str__(self):
        target = self.target
        return f"{self.route.slug} #{self.position}: {target.name_zh if target else '—'}"

    def natural_key(self):
        return (self.route.slug, self.position)

    natural_key.dependencies = [
        "planner.seasonalroute",
        "planner.scenicspot",
        "planner.homestay",
        "planner.villagecafe",
        "planner.village",
        "planner.pointofinterest",
    ]

    @property
    def target(self):
        return which_is_set(self, STOP_TARGET_FIELDS.values())[1]

    @property
    def note(self) -> str:
        return in_viewer_language(self.note_zh, self.note_en)

    def clean(self):
        super().clean()
        chosen = [f for f in STOP_TARGET_FIELDS.values() if getattr(self, f"{f}_id") is not None]
        if len(chosen) != 1:
            raise ValidationError(
                _(
                    "A route stop needs exactly one place (a spot, homestay, café, village or "
                    "point of interest); this one has %(count)d."
                )
                % {"count": len(chosen)}
            )
