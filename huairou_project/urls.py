from django.contrib import admin
from django.urls import include, path

from planner.admin.geocode import geocode_view

urlpatterns = [
    path("admin/planner/geocode/", admin.site.admin_view(geocode_view), name="planner-geocode"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("planner.urls")),
]
