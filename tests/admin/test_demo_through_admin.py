"""Every row of the seed's half-year can be entered through the admin by the role
that owns it: each demo row's change form, re-submitted as it is by its
library's librarian (or by the methodologist for organization-wide rows),
passes every check and saves the row unchanged."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import models
from django.forms.models import model_to_dict
from django.test import Client, RequestFactory

from tests.admin.factories import LIBRARY_FACTS, LISTS, ORGANIZATION_ROWS
from tests.admin.posting import admin_url


@pytest.fixture
def demo(_demo_loaded, db):
    return get_user_model().objects


def owner_name(row) -> str:
    library = getattr(row, "library", None)
    return f"librarian-{library.code}" if library is not None else "methodist"


@pytest.fixture(scope="module")
def owner_sessions(_demo_loaded, django_db_blocker):
    """{username: session key}: every owner of the demo's rows (its methodologist and
    librarians) signed in once for the module, not in each of its tests; in the module's
    transaction, so a test's changes to a session are rolled back with the test's."""
    owners = get_user_model().objects.filter(
        models.Q(username="methodist") | models.Q(username__startswith="librarian-")
    )
    sessions = {}
    with django_db_blocker.unblock():
        for user in owners:
            browser = Client()
            browser.force_login(user)
            sessions[user.username] = browser.cookies[settings.SESSION_COOKIE_NAME].value
    return sessions


def as_post_data(form) -> dict:
    """What a browser would send back for `form` left as it is."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is None:
            data[name] = ""
        elif isinstance(value, datetime.date):
            data[name] = value.strftime("%d.%m.%Y")
        elif isinstance(value, list | tuple):
            data[name] = [str(v.pk if isinstance(v, models.Model) else v) for v in value]
        elif isinstance(value, Decimal):
            data[name] = format(value, "f").replace(".", ",")
        else:
            data[name] = str(value)
    return data


@pytest.mark.parametrize(
    "model",
    [m for m in [*LIBRARY_FACTS, *ORGANIZATION_ROWS, *LISTS] if m.__name__ != "StaffProfile"],
    ids=lambda m: m.__name__,
)
def test_every_demo_row_resubmits_unchanged_through_the_admin_as_its_owner(
    demo, owner_sessions, model
):
    model_admin = admin.site._registry[model]
    owned = any(f.name == "library" for f in model._meta.concrete_fields)
    rows = list(model.objects.select_related("library") if owned else model.objects.all())
    assert rows or model in LISTS, f"the demo has no {model.__name__}"
    owners = {}  # username -> (the user, a client signed in as them: one for all their rows)
    for row in rows:
        name = owner_name(row)
        if name not in owners:
            user = get_user_model().objects.get(username=name)
            owners[name] = (user, Client())
            owners[name][1].cookies[settings.SESSION_COOKIE_NAME] = owner_sessions[name]
        user, client = owners[name]
        request = RequestFactory().get("/")
        request.user = user
        form = model_admin.get_form(request, row, change=True)(instance=row)
        before = model_to_dict(row)
        response = client.post(admin_url(model, "change", row.pk), as_post_data(form))
        if response.status_code != 302:
            errors = response.context["adminform"].form.errors if response.context else None
            pytest.fail(f"{model.__name__} {row.pk} «{row}» as {user}: {errors}")
        row.refresh_from_db()
        assert model_to_dict(row) == before
