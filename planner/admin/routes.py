from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from planner.models import RouteStop, SeasonalRoute

from .facts import SourceInline
from .forms import CleanTextModelForm


class RouteStopInline(admin.TabularInline):
    model = RouteStop
    form = CleanTextModelForm
    extra = 0
    ordering = ["position"]
    fields = ["position", "day", "spot", "homestay", "cafe", "village", "poi", "is_optional",
              "note_zh", "note_en"]  # fmt: skip


@admin.register(SeasonalRoute)
class SeasonalRouteAdmin(SimpleHistoryAdmin):
    form = CleanTextModelForm
    list_display = ["slug", "title_zh", "title_en", "days", "is_published", "last_verified"]
    list_filter = ["is_published"]
    search_fields = ["slug", "title_zh", "title_en", "theme_zh"]
    inlines = [RouteStopInline, SourceInline]
    readonly_fields = ["created", "updated"]
