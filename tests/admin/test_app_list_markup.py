"""The admin's list of apps and models (sidebar and index) is written by
`entry/templatetags/admin_nav.py` instead of Django's `admin/app_list.html`, for speed.

Written against Django 5.2: its markup must stay Django's, which the admin's CSS and the
sidebar's filter script read. Here both write the same app list, for each role, in
Russian and Kazakh, on the index (with the «Изменить»/«Просмотр» links) and on a list page
(its model and app marked current), and must give the same HTML.
"""

from pathlib import Path

import django.contrib.admin
import pytest
from django.contrib import admin
from django.template import Context, Engine
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertHTMLEqual

from tests.personas_once import *  # noqa: F403  (the personas, made once per module)

pytestmark = pytest.mark.django_db

DJANGOS = Path(django.contrib.admin.__file__).parent / "templates" / "admin" / "app_list.html"


def djangos_markup(app_list, show_changelinks, request) -> str:
    template = Engine.get_default().from_string(DJANGOS.read_text(encoding="utf-8"))
    context = {"app_list": app_list, "show_changelinks": show_changelinks, "request": request}
    return template.render(Context(context))


def ours(app_list, show_changelinks, request) -> str:
    template = Engine.get_default().get_template("admin/app_list.html")
    context = {"app_list": app_list, "show_changelinks": show_changelinks, "request": request}
    return template.render(Context(context))


def request_of(user, path):
    request = RequestFactory().get(path)
    request.user = user
    return request


@pytest.mark.parametrize("language", ["ru", "kk"])
@pytest.mark.parametrize("persona", ["librarian", "methodologist", "superuser"])
def test_the_app_list_is_djangos_markup(
    persona, language, request, django_user_model, _personas_made
):
    if persona == "superuser":
        user = django_user_model.objects.create_superuser("root", password="pw")
    else:
        user = request.getfixturevalue(persona)
    index = reverse("admin:index")
    event_list = reverse("admin:events_event_changelist")
    with translation.override(language):
        for path, show_changelinks in [(index, True), (event_list, False)]:
            http = request_of(user, path)
            app_list = admin.site.get_app_list(http)
            assert app_list, f"{persona} sees no model at {path}"
            expected = djangos_markup(app_list, show_changelinks, http)
            assertHTMLEqual(ours(app_list, show_changelinks, http), expected)
            if path == event_list:
                assert 'class="model-event current-model"' in expected
                assert 'aria-current="page"' in expected
            if show_changelinks and persona == "librarian":
                assert 'class="viewlink"' in expected  # a pick list they only read


def test_nothing_to_show_says_so_as_django_does(django_user_model):
    user = django_user_model.objects.create_user("nobody", password="pw", is_staff=True)
    http = request_of(user, reverse("admin:index"))
    assert admin.site.get_app_list(http) == []
    with translation.override("ru"):
        expected = djangos_markup([], True, http)
        assertHTMLEqual(ours([], True, http), expected)
    assert "<p>" in expected
