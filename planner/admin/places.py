import datetime as dt

from django.contrib import admin, messages
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from simple_history.admin import SimpleHistoryAdmin

from planner.geo.geocoding import locate
from planner.models import (
    Homestay,
    PointOfInterest,
    ScenicSpot,
    StartPoint,
    Village,
    VillageCafe,
)

from .facts import HighlightInline, OpeningPeriodInline, SourceInline
from .forms import PlaceAdminForm
from .imports import (
    GeocodingConfirmImportForm,
    GeocodingImportForm,
    HomestayResource,
    VillageCafeResource,
)
from .widgets import MapPickerWidget

STALE_AFTER = dt.timedelta(days=365)
# Places one admin request may geocode: at the providers' one a second, about ten seconds.
GEOCODE_BATCH = 10


class TownFilter(admin.SimpleListFilter):
    title = _("town")
    parameter_name = "town"

    def lookups(self, request, model_admin):
        towns = model_admin.model.objects.exclude(town_zh="").values_list("town_zh", flat=True)
        return [(town, town) for town in sorted(set(towns))]

    def queryset(self, request, queryset):
        return queryset.filter(town_zh=self.value()) if self.value() else queryset


class StaleFilter(admin.SimpleListFilter):
    title = _("verification")
    parameter_name = "stale"

    def lookups(self, request, model_admin):
        return [("yes", _("stale (not verified for 12 months)")), ("no", _("verified recently"))]

    def queryset(self, request, queryset):
        cutoff = timezone.localdate() - STALE_AFTER
        stale = Q(last_verified__lt=cutoff) | Q(last_verified__isnull=True)
        if self.value() == "yes":
            return queryset.filter(stale)
        if self.value() == "no":
            return queryset.exclude(stale)
        return queryset


@admin.action(description=_("Publish"), permissions=["change"])
def publish(modeladmin, request, queryset):
    ready = queryset.filter(sources__isnull=False).distinct()
    skipped = queryset.count() - ready.count()
    for record in ready:
        record.is_published = True
        record.save(update_fields=["is_published"])
    modeladmin.message_user(request, _("Published %(n)d.") % {"n": ready.count()})
    if skipped:
        modeladmin.message_user(
            request,
            ngettext(
                "%(n)d record has no source and stays unpublished.",
                "%(n)d records have no source and stay unpublished.",
                skipped,
            )
            % {"n": skipped},
            messages.WARNING,
        )


@admin.action(description=_("Unpublish"), permissions=["change"])
def unpublish(modeladmin, request, queryset):
    for record in queryset:
        record.is_published = False
        record.save(update_fields=["is_published"])
    modeladmin.message_user(request, _("Unpublished %(n)d.") % {"n": queryset.count()})


@admin.action(description=_("Mark verified today"), permissions=["change"])
def mark_verified_today(modeladmin, request, queryset):
    today = timezone.localdate()
    for record in queryset:
        record.last_verified = today
        record.save(update_fields=["last_verified"])
    modeladmin.message_user(request, _("Marked %(n)d as verified today.") % {"n": queryset.count()})


@admin.action(
    description=_("Find coordinates from address (unmapped only)"), permissions=["change"]
)
def geocode_missing(modeladmin, request, queryset):
    """Best candidate inside Huairou, marked low-confidence for an editor to confirm.

    A request asks the provider (one a second) for at most GEOCODE_BATCH places and never
    retries; `manage.py locate_places` does any number, with retries and a progress bar.
    """
    found = failed = 0
    unmapped = queryset.filter(latitude__isnull=True)
    waiting = unmapped.count()
    for record in unmapped[:GEOCODE_BATCH]:
        problem = locate(record)
        if problem:
            modeladmin.message_user(request, f"{record}: {problem}", messages.WARNING)
            failed += 1
            continue
        record.save()
        found += 1
    modeladmin.message_user(
        request, _("Located %(found)d; %(failed)d not found.") % {"found": found, "failed": failed}
    )
    if waiting > GEOCODE_BATCH:
        left = waiting - GEOCODE_BATCH
        modeladmin.message_user(
            request,
            _(
                "Located the first %(batch)d only; %(left)d more are waiting. Run the action "
                "again, or “manage.py locate_places” for all of them."
            )
            % {"batch": GEOCODE_BATCH, "left": left},
            messages.WARNING,
        )


class PlaceAdmin(SimpleHistoryAdmin):
    form = PlaceAdminForm
    inlines = [SourceInline]
    list_display = ["name_zh", "name_en", "town_zh", "confidence", "last_verified", "is_published"]
    list_filter = ["is_published", "confidence", TownFilter, StaleFilter, "is_illustrative"]
    search_fields = ["slug", "name_zh", "name_en", "town_zh", "town_en", "village_zh", "address_zh"]
    readonly_fields = ["created", "updated"]
    actions = [publish, unpublish, mark_verified_today, geocode_missing]
    list_per_page = 50
    save_on_top = True

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if "longitude" in form.base_fields:
            form.base_fields["longitude"].widget = MapPickerWidget(
                kind=self.model.kind,
                slug=obj.slug if obj else "",
                may_lie_outside=self.model.may_lie_outside_district,
            )
        return form


@admin.register(ScenicSpot)
class ScenicSpotAdmin(PlaceAdmin):
    list_display = ["name_zh", "name_en", "rating", "rating_confirmed", "town_zh",
                    "price_cny_min", "price_as_of", "confidence", "last_verified",
                    "is_published"]  # fmt: skip
    list_filter = ["rating", "rating_confirmed", "outdoor", *PlaceAdmin.list_filter]
    inlines = [SourceInline, OpeningPeriodInline, HighlightInline]


class LodgingAndCafeAdmin(ImportExportMixin, PlaceAdmin):
    # Nothing is written while any row is wrong, even outside the admin's preview.
    rollback_on_validation_errors = True
    formats = [CSV, XLSX]
    import_form_class = GeocodingImportForm
    confirm_form_class = GeocodingConfirmImportForm

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial["geocode_missing"] = import_form.cleaned_data.get("geocode_missing", False)
        return initial

    def get_import_data_kwargs(self, **kwargs):
        form = kwargs.get("form")
        geocode = bool(form and form.cleaned_data.get("geocode_missing"))
        return {**super().get_import_data_kwargs(**kwargs), "geocode_missing": geocode}

    list_display = ["name_zh", "name_en", "town_zh", "price_cny_min", "price_cny_max",
                    "price_as_of", "confidence", "last_verified", "is_published"]  # fmt: skip
    list_filter = ["type", *PlaceAdmin.list_filter]


@admin.register(Homestay)
class HomestayAdmin(LodgingAndCafeAdmin):
    resource_classes = [HomestayResource]


@admin.register(VillageCafe)
class VillageCafeAdmin(LodgingAndCafeAdmin):
    resource_classes = [VillageCafeResource]


@admin.register(Village)
class VillageAdmin(PlaceAdmin):
    inlines = [SourceInline, HighlightInline]


@admin.register(PointOfInterest)
class PointOfInterestAdmin(PlaceAdmin):
    list_display = ["name_zh", "name_en", "category", *PlaceAdmin.list_display[2:]]
    list_filter = ["category", *PlaceAdmin.list_filter]
    inlines = [SourceInline, HighlightInline]


@admin.register(StartPoint)
class StartPointAdmin(PlaceAdmin):
    list_display = ["name_zh", "name_en", "type", *PlaceAdmin.list_display[2:]]
    inlines = [SourceInline, HighlightInline]
