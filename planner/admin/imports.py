"""Bulk import/export of homestays and cafés (CSV, XLSX) with django-import-export.

Rows are validated one by one but written in bulk; their history versions are written in
bulk too (with the importing editor as author), and caches are refreshed once.

Rows are matched by slug, so re-importing updates. Every row is validated like an admin
form (model `clean`) plus what only a file can get wrong: an unknown town, a slug twice.
The admin shows a dry-run preview with each row's errors and writes nothing while any row
is wrong.
"""

from urllib.parse import urlparse

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets
from import_export.forms import ConfirmImportForm, ImportForm
from import_export.instance_loaders import CachedInstanceLoader

from planner.caching.content_version import bump_content_version
from planner.geo.geocoding import locate
from planner.geo.towns import TOWNS_ZH, known_town
from planner.models import Homestay, Source, VillageCafe
from planner.untrusted import formula_safe, unescape_formula, xml_safe

COMMON_FIELDS = (
    "slug", "name_zh", "name_en", "type", "town_zh", "town_en", "village_zh", "address_zh",
    "latitude", "longitude", "coord_confidence", "coord_note", "phone", "price_cny_min",
    "price_cny_max", "price_as_of", "price_note_zh", "price_note_en", "season_note_zh",
    "season_note_en", "hours_note_zh", "hours_note_en", "description_zh", "description_en",
    "sources", "confidence", "last_verified",
    "is_published", "is_illustrative",
)  # fmt: skip


GEOCODE_LABEL = _("Find coordinates from the address for rows without them (marked for review)")


class GeocodingImportForm(ImportForm):
    geocode_missing = forms.BooleanField(required=False, label=GEOCODE_LABEL)


class GeocodingConfirmImportForm(ConfirmImportForm):
    geocode_missing = forms.BooleanField(required=False, widget=forms.HiddenInput())


class ListWidget(widgets.Widget):
    """A list of URLs in one cell, separated by semicolons or new lines."""

    def clean(self, value, row=None, **kwargs):
        if not value:
            return []
        return [item.strip() for item in str(value).replace("\n", ";").split(";") if item.strip()]

    def render(self, value, obj=None, **kwargs):
        return "; ".join(value or [])


class CoordinateWidget(widgets.DecimalWidget):
    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except (ArithmeticError, ValueError):
            raise ValueError(
                f"Enter a number in decimal degrees (WGS-84), not {value!r}."
            ) from None


class SourceUrlsField(fields.Field):
    """The `sources` column: the URLs of a record's source rows, in order.

    On import the URLs are kept on the instance and written as rows once the records exist
    (see PlaceResource.write_sources); a URL already recorded keeps its title and date."""

    def get_value(self, obj):
        if hasattr(obj, "_source_urls") or obj.pk is None:
            return getattr(obj, "_source_urls", [])
        return [row.url or row.title for row in obj.sources.all()]

    def save(self, instance, row, is_m2m=False, **kwargs):
        instance._source_urls = self.clean(row, **kwargs)


class PlaceResource(resources.ModelResource):
    sources = SourceUrlsField(attribute="sources", column_name="sources", widget=ListWidget())
    latitude = fields.Field(attribute="latitude", column_name="latitude", widget=CoordinateWidget())
    longitude = fields.Field(
        attribute="longitude", column_name="longitude", widget=CoordinateWidget()
    )

    class Meta:
        import_id_fields = ("slug",)
        # One query for every existing slug in the file, not one per row.
        instance_loader_class = CachedInstanceLoader
        skip_unchanged = True
        clean_model_instances = True
        use_transactions = True
        use_bulk = True
        batch_size = 500

    def before_import_row(self, row, **kwargs):
        # Cells arrive as typed in a spreadsheet: drop characters XML cannot carry and undo
        # the apostrophe our own export puts before formula-like text.
        for name, value in row.items():
            if isinstance(value, str):
                row[name] = unescape_formula(xml_safe(value))
        super().before_import_row(row, **kwargs)

    def export_field(self, field, instance, **kwargs):
        """Every exported cell is XML-safe (XLSX) and cannot start a spreadsheet formula."""
        return formula_safe(xml_safe(super().export_field(field, instance, **kwargs)))

    def before_import(self, dataset, **kwargs):
        self.importing_user = kwargs.get("user")
        self.geocode_missing = kwargs.get("geocode_missing", False)
        slugs = [str(row.get("slug") or "").strip() for row in dataset.dict]
        self.duplicate_slugs = {slug for slug in slugs if slug and slugs.count(slug) > 1}
        super().before_import(dataset, **kwargs)

    def import_instance(self, instance, row, **kwargs):
        errors: dict = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        _blank_to_defaults(instance)
        instance.updated = timezone.now()  # bulk writes skip Model.save
        if getattr(self, "geocode_missing", False) and instance.latitude is None:
            problem = locate(instance)
            if problem:
                instance.coord_note = f"Not located: {problem}"
        if instance.is_published and not getattr(instance, "_source_urls", None):
            errors.setdefault("sources", []).append("A published record needs at least one source.")
        for field, message in self.row_errors(row).items():
            errors.setdefault(field, []).append(message)
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # Rows are matched by slug (one cached lookup for the whole file) and slugs repeated
        # within the file are caught in row_errors, so the per-row uniqueness query is moot.
        super().validate_instance(instance, import_validation_errors, validate_unique=False)

    def get_bulk_update_fields(self):
        # Source rows are written after the records (write_sources), not as a column.
        fields = [name for name in super().get_bulk_update_fields() if name != "sources"]
        return [*fields, "updated"]

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        created = list(self.create_instances)
        super().bulk_create(using_transactions, dry_run, raise_errors, batch_size, result)
        self._record_history(created, dry_run, result, update=False)
        self.write_sources(created, dry_run, result)

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        updated = list(self.update_instances)
        super().bulk_update(using_transactions, dry_run, raise_errors, batch_size, result)
        self._record_history(updated, dry_run, result, update=True)
        self.write_sources(updated, dry_run, result)

    def write_sources(self, instances, dry_run, result) -> None:
        """Source rows for the written records: new URLs added, dropped URLs removed."""
        if dry_run or not instances or (result is not None and result.has_errors()):
            return
        owner = {"homestay": "homestay", "cafe": "cafe"}[self._meta.model.kind]
        for instance in instances:
            urls = getattr(instance, "_source_urls", None)
            if urls is None:
                continue
            existing = {row.url: row for row in Source.objects.filter(**{owner: instance})}
            Source.objects.filter(**{owner: instance}).exclude(url__in=urls).delete()
            for position, url in enumerate(urls, start=1):
                row = existing.get(url) or Source(**{owner: instance}, url=url, title=_title(url))
                row.position = position
                row.save()

    def _record_history(self, instances, dry_run, result, update: bool) -> None:
        """A history version per written row, as Model.save would have made (bulk skips it)."""
        if dry_run or not instances or (result is not None and result.has_errors()):
            return
        self._meta.model.history.bulk_history_create(
            instances,
            update=update,
            default_user=getattr(self, "importing_user", None),
            default_change_reason="bulk import",
        )

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if not kwargs.get("dry_run") and not result.has_errors():
            bump_content_version()

    def row_errors(self, row) -> dict[str, str]:
        errors = {}
        slug = str(row.get("slug") or "").strip()
        if not slug:
            errors["slug"] = "Every row needs a slug (letters, digits, hyphens)."
        elif slug in getattr(self, "duplicate_slugs", ()):
            errors["slug"] = f"The slug {slug!r} appears more than once in this file."
        town = str(row.get("town_zh") or "").strip()
        if town and not known_town(town):
            errors["town_zh"] = f"Unknown town {town!r}; use one of {', '.join(TOWNS_ZH)}."
        return errors


def _title(url: str) -> str:
    """A readable title for an imported URL until an editor writes a better one."""
    host = urlparse(url).netloc.removeprefix("www.")
    return host or url[:300]


def _blank_to_defaults(instance) -> None:
    """Empty spreadsheet cells arrive as None; text fields want "", flags their default."""
    for field in instance._meta.concrete_fields:
        if getattr(instance, field.attname) is not None or field.null:
            continue
        if field.get_internal_type() in {"CharField", "TextField", "SlugField"}:
            setattr(instance, field.attname, "")
        elif field.has_default():
            setattr(instance, field.attname, field.get_default())


class HomestayResource(PlaceResource):
    class Meta(PlaceResource.Meta):
        model = Homestay
        fields = (*COMMON_FIELDS, "rooms")
        export_order = fields


class VillageCafeResource(PlaceResource):
    class Meta(PlaceResource.Meta):
        model = VillageCafe
        fields = COMMON_FIELDS
        export_order = fields
