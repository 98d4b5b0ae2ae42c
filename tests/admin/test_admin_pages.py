import pytest
from django.urls import reverse

from planner.models import PLACE_MODELS, SeasonalRoute

ADMIN_MODELS = [*PLACE_MODELS, SeasonalRoute]


def admin_urls(model):
    meta = model._meta
    instance = model.objects.first()
    return [
        reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"),
        reverse(f"admin:{meta.app_label}_{meta.model_name}_add"),
        reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[instance.pk]),
    ]


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda m: m.__name__)
def test_staff_sees_changelist_and_forms(huairou, admin_client, model):
    for url in admin_urls(model):
        assert admin_client.get(url).status_code == 200, url


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda m: m.__name__)
def test_anonymous_users_are_sent_to_login(huairou, client, model):
    for url in admin_urls(model):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("admin:login") in response["Location"]
