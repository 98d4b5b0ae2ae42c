"""Places: the abstract base every kind of place shares, and the concrete kinds.

Coordinates are WGS-84 decimals. A place without coordinates is kept (the dataset
lists several), shown in lists, and marked as "not on the map"; the planner cannot
route to it.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from geopy import Point
from geopy.distance import geodesic
from simple_history.models import HistoricalRecords

from planner.geo.extent import HUAIROU_EXTENT, is_inside_huairou
from planner.planning.seasons import SEASON_MONTHS
from planner.planning.types import LodgingKind

from .base import Timestamped
from .fields import months_field, research_notes_field, tags_field, weekdays_field


class CoordPrecision(models.TextChoices):
    EXACT = "exact", _("exact (the place itself)")
    VILLAGE = "village", _("village centre")
    TOWN = "town", _("town centre")
    APPROXIMATE = "approximate", _("approximate (within a few km)")


class Confidence(models.TextChoices):
    HIGH = "H", _("High — official, or two sources agree")
    MEDIUM = "M", _("Medium — one decent source")
    LOW = "L", _("Low — weak, old or unverified source")


class PlaceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def mapped(self):
        return self.filter(latitude__isnull=False, longitude__isnull=False)


class PlaceManager(models.Manager.from_queryset(PlaceQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Place(Timestamped):
    """What every place holds: names, location, contact, hours, prices, seasons, provenance."""

    kind = ""  # set by each concrete kind: the URL segment and the API's `kind`
    may_lie_outside_district = False

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    # Either name may be missing in the sources (a few places are known only in English).
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    town_zh = models.CharField(_("town (Chinese)"), max_length=100, blank=True)
    town_en = models.CharField(_("town (English)"), max_length=100, blank=True)
    village_zh = models.CharField(_("village (Chinese)"), max_length=100, blank=True)
    address_zh = models.CharField(_("address (Chinese)"), max_length=300, blank=True)

    latitude = models.DecimalField(
        _("latitude (WGS-84)"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude (WGS-84)"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    coord_confidence = models.CharField(
        _("coordinate confidence"), max_length=1, choices=Confidence.choices, blank=True
    )
    coord_precision = models.CharField(
        _("coordinate precision"),
        max_length=12,
        choices=CoordPrecision.choices,
        blank=True,
        help_text=_("Anything but 'exact' is shown to visitors as an approximate location."),
    )
    coord_note = models.TextField(_("coordinate note (editors only)"), blank=True)

    phone = models.CharField(_("phone"), max_length=60, blank=True)

    opens = models.TimeField(_("opening time"), null=True, blank=True)
    closes = models.TimeField(_("closing time"), null=True, blank=True)
    last_entry = models.TimeField(_("last entry"), null=True, blank=True)
    closed_weekdays = weekdays_field(_("closed on"))
    hours_note_zh = models.TextField(_("opening hours note (Chinese)"), blank=True)
    hours_note_en = models.TextField(_("opening hours note (English)"), blank=True)

    price_cny_min = models.PositiveIntegerField(_("price from (CNY)"), null=True, blank=True)
    price_cny_max = models.PositiveIntegerField(_("price up to (CNY)"), null=True, blank=True)
    price_note_zh = models.TextField(_("price note (Chinese)"), blank=True)
    price_note_en = models.TextField(_("price note (English)"), blank=True)
    price_as_of = models.CharField(
        _("price as of"), max_length=20, blank=True, help_text=_("Year or date the price is from.")
    )

    best_months = months_field(_("best months"))
    seasons = models.JSONField(_("seasons"), default=list, blank=True)
    tags = tags_field(_("themes"))

    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    notes = research_notes_field()

    confidence = models.CharField(
        _("confidence"), max_length=1, choices=Confidence.choices, default=Confidence.MEDIUM
    )
    last_verified = models.DateField(_("last verified"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    is_illustrative = models.BooleanField(
        _("illustrative record"),
        default=False,
        help_text=_("A sample or synthetic record, not a real place; labelled as such on pages."),
    )

    objects = PlaceManager()
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["slug"]
        # Map and planning queries filter by bounding box and by publication.
        indexes = [
            models.Index(fields=["latitude", "longitude"], name="%(class)s_lat_lng"),
            models.Index(fields=["is_published", "latitude"], name="%(class)s_pub_lat"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(latitude__isnull=False, longitude__isnull=False),
                name="%(class)s_lat_lng_together",
            ),
        ]

    def __str__(self):
        return " / ".join(name for name in (self.name_zh, self.name_en) if name) or self.slug

    def natural_key(self):
        return (self.slug,)

    # --- names in the visitor's language -------------------------------------------------

    @property
    def name(self) -> str:
        if viewer_reads_chinese():
            return self.name_zh or self.name_en
        return self.name_en or self.name_zh

    @property
    def town(self) -> str:
        return self.town_zh if viewer_reads_chinese() or not self.town_en else self.town_en

    @property
    def description(self) -> str:
        if viewer_reads_chinese() or not self.description_en:
            return self.description_zh or self.description_en
        return self.description_en

    @property
    def hours_note(self) -> str:
        return in_viewer_language(self.hours_note_zh, self.hours_note_en)

    @property
    def price_note(self) -> str:
        return in_viewer_language(self.price_note_zh, self.price_note_en)

    @property
    def season_note(self) -> str:
        zh, en = getattr(self, "season_note_zh", ""), getattr(self, "season_note_en", "")
        return in_viewer_language(zh, en)

    # --- location -----------------------------------------------------------------------

    @property
    def is_mapped(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def is_location_approximate(self) -> bool:
        return self.is_mapped and self.coord_precision != CoordPrecision.EXACT

    @property
    def coordinates(self) -> Point | None:
        if not self.is_mapped:
            return None
        return Point(float(self.latitude), float(self.longitude))

    def distance_km(self, other: "Place") -> float | None:
        """Geodesic distance in km, or None when either place has no coordinates."""
        if not (self.is_mapped and other.is_mapped):
            return None
        return geodesic(self.coordinates, other.coordinates).km

    def get_absolute_url(self):
        return reverse(f"planner:{self.kind}-detail", args=[self.slug])

    def clean(self):
        super().clean()
        errors = {}
        if not (self.name_zh or self.name_en):
            errors["name_zh"] = _("Give the place a name in Chinese or English.")
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            errors[missing] = _("Give both latitude and longitude, or neither.")
        elif (
            self.is_mapped
            and not self.may_lie_outside_district
            and not is_inside_huairou(self.latitude, self.longitude)
        ):
            box = HUAIROU_EXTENT
            errors["latitude"] = _(
                "%(lat)s, %(lng)s lies outside Huairou (latitude %(lat_min)s–%(lat_max)s, "
                "longitude %(lng_min)s–%(lng_max)s). Check that latitude and longitude are "
                "not swapped and that the point is WGS-84."
            ) % {"lat": self.latitude, "lng": self.longitude, **box}
        errors.update(self._hours_errors())
        errors.update(self._price_and_season_errors())
        if errors:
            raise ValidationError(errors)

    def get_constraints(self):
        """clean() already checks latitude/longitude together, with a clearer message;
        leaving that constraint to the database saves a query per validated record."""
        return [
            (model, [c for c in constraints if not c.name.endswith("lat_lng_together")])
            for model, constraints in super().get_constraints()
        ]

    def _hours_errors(self) -> dict:
        errors = {}
        if self.opens and self.closes and self.opens >= self.closes:
            errors["closes"] = _("Closing time must be after opening time.")
        elif self.last_entry and (
            (self.opens and self.last_entry < self.opens)
            or (self.closes and self.last_entry > self.closes)
        ):
            errors["last_entry"] = _("Last entry must lie between opening and closing time.")
        return errors

    def _price_and_season_errors(self) -> dict:
        errors = {}
        low, high = self.price_cny_min, self.price_cny_max
        if low is not None and high is not None and low > high:
            errors["price_cny_max"] = _("The highest price cannot be below the lowest price.")
        seasons = self.seasons or []
        if not isinstance(seasons, list) or any(s not in SEASON_MONTHS for s in seasons):
            errors["seasons"] = _("Seasons must be among spring, summer, autumn, winter.")
        return errors


def viewer_reads_chinese() -> bool:
    """The one test of the page's language: Chinese unless the viewer chose English."""
    return (get_language() or "zh-hans").startswith("zh")


def in_viewer_language(text_zh: str, text_en: str) -> str:
    """The viewer's language, else the other one (both are required for published facts)."""
    if viewer_reads_chinese():
        return text_zh or text_en
    return text_en or text_zh


class Rating(models.TextChoices):
    FIVE_A = "5A", "5A"
    FOUR_A = "4A", "4A"
    THREE_A = "3A", "3A"
    TWO_A = "2A", "2A"
    ONE_A = "1A", "1A"


class ScenicSpot(Place):
    kind = "spot"

    rating = models.CharField(_("A-level rating"), max_length=2, choices=Rating.choices, blank=True)
    rating_confirmed = models.BooleanField(
        _("rating confirmed"),
        default=False,
        help_text=_("True when two independent sources support the rating."),
    )
    visit_minutes = models.PositiveIntegerField(_("typical visit (minutes)"), null=True, blank=True)
    visit_note = models.TextField(_("visit note (editors only)"), blank=True)
    outdoor = models.BooleanField(_("outdoor"), default=True, help_text=_("Visits end by sunset."))

    class Meta(Place.Meta):
        verbose_name = _("scenic spot")
        verbose_name_plural = _("scenic spots")
        ordering = ["rating", "slug"]

    @property
    def ticket_cny(self) -> int | None:
        """Adult admission: the lower recorded price."""
        return self.price_cny_min


class SeasonNotes(models.Model):
    """When in the year a stay or a café is open or worth it, in both languages."""

    season_note_zh = models.TextField(_("season note (Chinese)"), blank=True)
    season_note_en = models.TextField(_("season note (English)"), blank=True)

    class Meta:
        abstract = True


# The codes are the engine's (planning.types.LodgingKind), the labels the editors'.
LODGING_KIND_LABELS = {
    LodgingKind.HOMESTAY: _("homestay (民宿)"),
    LodgingKind.HOTEL: _("hotel"),
    LodgingKind.FARMSTAY: _("farmstay (农家院)"),
}


class Homestay(SeasonNotes, Place):
    kind = "homestay"

    type = models.CharField(
        _("lodging kind"),
        max_length=20,
        choices=[(kind.value, label) for kind, label in LODGING_KIND_LABELS.items()],
        default=LodgingKind.HOMESTAY.value,
    )
    rooms = models.PositiveIntegerField(_("rooms"), null=True, blank=True)

    class Meta(Place.Meta):
        verbose_name = _("homestay")
        verbose_name_plural = _("homestays")


class VillageCafe(SeasonNotes, Place):
    kind = "cafe"

    class Type(models.TextChoices):
        CAFE = "cafe", _("café")
        CAFE_RESTAURANT = "cafe-restaurant", _("café-restaurant")

    type = models.CharField(_("type"), max_length=20, choices=Type.choices, default=Type.CAFE)

    class Meta(Place.Meta):
        verbose_name = _("village café")
        verbose_name_plural = _("village cafés")


class Village(Place):
    kind = "village"

    related = models.JSONField(_("related places"), default=list, blank=True)

    class Meta(Place.Meta):
        verbose_name = _("village")
        verbose_name_plural = _("villages")


class PointOfInterest(Place):
    kind = "poi"

    category = models.CharField(_("category"), max_length=40, blank=True)
    parent_spot = models.ForeignKey(
        ScenicSpot, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta(Place.Meta):
        verbose_name = _("point of interest")
        verbose_name_plural = _("points of interest")


class StartPoint(Place):
    """Transport hubs where a trip begins; most lie in central Beijing, outside the district."""

    kind = "start"
    may_lie_outside_district = True

    class Type(models.TextChoices):
        BUS = "bus-terminal", _("bus terminal")
        BUS_STOP = "bus-stop", _("bus stop")
        RAIL = "rail", _("suburban rail station")
        HSR = "hsr", _("high-speed rail station")

    type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    lines = models.JSONField(_("lines"), default=list, blank=True)
    first_departure = models.TimeField(_("first departure"), null=True, blank=True)
    last_departure = models.TimeField(_("last departure"), null=True, blank=True)
    connections = models.JSONField(
        _("onward connections (editors only)"),
        default=list,
        blank=True,
        help_text=_("List of {to, lines, text}."),
    )

    class Meta(Place.Meta):
        verbose_name = _("start point")
        verbose_name_plural = _("start points")


PLACE_MODELS = (ScenicSpot, Homestay, VillageCafe, Village, PointOfInterest, StartPoint)
PLACE_MODEL_BY_KIND = {model.kind: model for model in PLACE_MODELS}
