"""Every admin page of the six data apps opens for the methodologist, in Russian and Kazakh."""

import pytest
from django.contrib import admin
from django.urls import reverse

from branches.models import Region, Republic
from tests.admin.factories import ALL_MODELS
from tests.personas_once import *  # noqa: F403  (the personas, made once for the module's 87 tests)

APPS = {
    "branches",
    "holdings",
    "catalogue",
    "digitization",
    "publications",
    "events",
    "collection",
    "indicators",
    "management",
    "services",
}


def test_every_model_of_the_six_apps_has_an_admin():
    registered = {m for m in admin.site._registry if m._meta.app_label in APPS}
    # Beside the kinds of data, the levels above the ЦБС (the superuser's to keep).
    assert registered == {*ALL_MODELS, Region, Republic}


@pytest.mark.parametrize("language", ["ru", "kk"])
@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_methodologist_opens_changelist_search_add_and_change_pages(
    client, sign_in, methodologist, row_of, model, language
):
    row = row_of(model)
    sign_in(methodologist)
    client.post(reverse("set_language"), {"language": language, "next": "/admin/"})
    opts = model._meta
    prefix = f"admin:{opts.app_label}_{opts.model_name}"
    pages = [
        reverse(f"{prefix}_changelist"),
        reverse(f"{prefix}_changelist") + "?q=2021",
        reverse(f"{prefix}_change", args=[row.pk]),
        reverse(f"{prefix}_history", args=[row.pk]),
    ]
    if admin.site._registry[model].has_add_permission(_request_for(methodologist)):
        pages.append(reverse(f"{prefix}_add"))
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert f'lang="{language}"' in response.content.decode()


def test_admin_index_in_kazakh_shows_kazakh_app_names(client, methodologist):
    client.force_login(methodologist)
    client.post(reverse("set_language"), {"language": "kk", "next": "/admin/"})
    page = client.get(reverse("admin:index")).content.decode()
    assert "Түсімдер" in page  # holdings: «поступления»


class _request_for:
    method = "GET"  # asking whether to offer the add page, as the changelist does

    def __init__(self, user):
        self.user = user
