from django.contrib import admin

from planner.models import (
    Homestay,
    PointOfInterest,
    ScenicSpot,
    StartPoint,
    Village,
    VillageCafe,
)


class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name_zh", "name_en", "town_zh", "confidence", "last_verified", "is_published"]
    list_filter = ["is_published", "confidence", "town_zh"]
    search_fields = ["slug", "name_zh", "name_en", "village_zh", "address_zh"]
    prepopulated_fields = {}
    readonly_fields = ["created", "updated"]


@admin.register(ScenicSpot)
class ScenicSpotAdmin(PlaceAdmin):
    list_display = [
        "name_zh",
        "name_en",
        "rating",
        "rating_confirmed",
        *PlaceAdmin.list_display[2:],
    ]
    list_filter = ["rating", "rating_confirmed", *PlaceAdmin.list_filter]


@admin.register(Homestay)
class HomestayAdmin(PlaceAdmin):
    list_display = [
        *PlaceAdmin.list_display[:3],
        "price_cny_min",
        "price_cny_max",
        "price_as_of",
        *PlaceAdmin.list_display[3:],
    ]


@admin.register(VillageCafe)
class VillageCafeAdmin(PlaceAdmin):
    pass


@admin.register(Village)
class VillageAdmin(PlaceAdmin):
    pass


@admin.register(PointOfInterest)
class PointOfInterestAdmin(PlaceAdmin):
    list_display = ["name_zh", "name_en", "category", *PlaceAdmin.list_display[2:]]


@admin.register(StartPoint)
class StartPointAdmin(PlaceAdmin):
    list_display = ["name_zh", "name_en", "type", *PlaceAdmin.list_display[2:]]
