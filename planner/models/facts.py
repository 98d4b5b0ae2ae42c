"""Facts attached to a place or a route as rows an editor adds one by one: sources, seasonal
opening periods, highlights (by month) and facts, each in both languages."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from planner.planning.types import in_yearly_span

from .base import exactly_one_of, which_is_set
from .fields import months_field

# The models a source, highlight or period may belong to, by the field that points at them.
SOURCE_OWNERS = ("spot", "homestay", "cafe", "village", "poi", "start", "route")
HIGHLIGHT_OWNERS = ("spot", "village", "poi", "start")


class OwnedRowManager(models.Manager):
    def get_by_natural_key(self, owner_field, slug, position):
        return self.get(**{f"{owner_field}__slug": slug, "position": position})


class OwnedRow(models.Model):
    """A row of one record (a source, a highlight): it points at its owner through exactly one
    of the `owners` fields and is known by that field, the owner's slug and its position."""

    owners: tuple[str, ...] = ()
    position = models.PositiveSmallIntegerField(_("position"), default=1)

    objects = OwnedRowManager()

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    def natural_key(self):
        field, owner = which_is_set(self, self.owners)
        return (field, owner.slug if owner else "", self.position)

    # Every kind of owner loads first (for any one kind of row, a few more than it needs).
    natural_key.dependencies = [
        "planner.scenicspot", "planner.homestay", "planner.villagecafe", "planner.village",
        "planner.pointofinterest", "planner.startpoint", "planner.seasonalroute",
    ]  # fmt: skip


def _owner_fk(model: str, label, related_name: str):
    return models.ForeignKey(
        model,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name=related_name,
        verbose_name=label,
    )


class Source(OwnedRow):
    """A public page or document that supports a record: what visitors see as a citation."""

    owners = SOURCE_OWNERS

    class Supports(models.TextChoices):
        GENERAL = "", _("general")
        RATING = "rating", _("A-level rating")
        HOURS = "hours", _("opening hours")
        TICKET = "ticket", _("ticket or price")
        THEME = "theme", _("route theme")
        LOCATION = "location", _("location")

    spot = _owner_fk("planner.ScenicSpot", _("scenic spot"), "sources")
    homestay = _owner_fk("planner.Homestay", _("homestay"), "sources")
    cafe = _owner_fk("planner.VillageCafe", _("village café"), "sources")
    village = _owner_fk("planner.Village", _("village"), "sources")
    poi = _owner_fk("planner.PointOfInterest", _("point of interest"), "sources")
    start = _owner_fk("planner.StartPoint", _("start point"), "sources")
    route = _owner_fk("planner.SeasonalRoute", _("seasonal route"), "sources")
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    as_of = models.CharField(
        _("as of"),
        max_length=20,
        blank=True,
        help_text=_("Date or year of the page, e.g. 2024-04-07."),
    )
    supports = models.CharField(_("supports"), max_length=10, choices=Supports.choices, blank=True)
    editor_ref = models.CharField(
        _("research reference (editors only)"), max_length=300, blank=True
    )

    class Meta(OwnedRow.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [exactly_one_of(SOURCE_OWNERS, "source_one_owner")]

    def __str__(self):
        return self.title


class OpeningPeriodManager(models.Manager):
    def get_by_natural_key(self, slug, position):
        return self.get(spot__slug=slug, position=position)


class OpeningPeriod(models.Model):
    """Hours in force every year between two dates (inclusive; may wrap the new year)."""

    class Reason(models.TextChoices):
        NONE = "", _("—")
        FIRE_SEASON = "fire_season", _("forest fire season")
        WINTER = "winter", _("winter")
        WORKS = "works", _("works")
        EVENT = "event", _("event")

    spot = models.ForeignKey("planner.ScenicSpot", on_delete=models.CASCADE, related_name="periods")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    start_month = models.PositiveSmallIntegerField(_("from month"))
    start_day = models.PositiveSmallIntegerField(_("from day"), default=1)
    end_month = models.PositiveSmallIntegerField(_("to month"))
    end_day = models.PositiveSmallIntegerField(_("to day"))
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    last_entry = models.TimeField(_("last entry"), null=True, blank=True)
    closed = models.BooleanField(_("closed for the season"), default=False)
    reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices, blank=True)
    ticket_cny = models.PositiveIntegerField(_("ticket (CNY)"), null=True, blank=True)
    note_zh = models.CharField(_("note (Chinese)"), max_length=300, blank=True)
    note_en = models.CharField(_("note (English)"), max_length=300, blank=True)

    objects = OpeningPeriodManager()

    class Meta:
        verbose_name = _("opening period")
        verbose_name_plural = _("opening periods")
        ordering = ["position", "start_month", "start_day"]

    def __str__(self):
        return f"{self.start_month}/{self.start_day}–{self.end_month}/{self.end_day}"

    def clean(self):
        super().clean()
        errors = {}
        for month, day, name in (
            (self.start_month, self.start_day, "start_day"),
            (self.end_month, self.end_day, "end_day"),
        ):
            if not (1 <= (month or 0) <= 12 and 1 <= (day or 0) <= 31):
                errors[name] = _("Give a real month (1–12) and day (1–31).")
        if self.closed and not self.reason:
            errors["reason"] = _("Say why the place is closed for the season.")
        if not self.closed and self.opens and self.closes and self.opens >= self.closes:
            errors["closes"] = _("Closing time must be after opening time.")
        if self.last_entry and self.closes and self.last_entry > self.closes:
            errors["last_entry"] = _("Last entry must not be after closing time.")
        if errors:
            raise ValidationError(errors)

    def covers(self, date) -> bool:
        """True when the date falls in this period, both ends included (it may wrap the year)."""
        start, end = (self.start_month, self.start_day), (self.end_month, self.end_day)
        return in_yearly_span(date, start, end)

    def natural_key(self):
        return (self.spot.slug, self.position)

    natural_key.dependencies = ["planner.scenicspot"]


class Highlight(OwnedRow):
    """Something worth knowing, in both languages; with months it is a seasonal highlight."""

    owners = HIGHLIGHT_OWNERS

    spot = _owner_fk("planner.ScenicSpot", _("scenic spot"), "highlights")
    village = _owner_fk("planner.Village", _("village"), "highlights")
    poi = _owner_fk("planner.PointOfInterest", _("point of interest"), "highlights")
    start = _owner_fk("planner.StartPoint", _("start point"), "highlights")
    months = months_field(_("months"))
    text_zh = models.TextField(_("text (Chinese)"))
    text_en = models.TextField(_("text (English)"))
    source_title = models.CharField(_("source title"), max_length=300, blank=True)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    source_as_of = models.CharField(_("source as of"), max_length=20, blank=True)

    class Meta(OwnedRow.Meta):
        verbose_name = _("highlight or fact")
        verbose_name_plural = _("highlights and facts")
        constraints = [exactly_one_of(HIGHLIGHT_OWNERS, "highlight_one_owner")]

    def __str__(self):
        return self.text_en[:60] or self.text_zh[:60]
