"""The admin's app list (every page's sidebar, the index) is given again to a request
whose rights are the same as an earlier one's (`entry.admin_site.AdminSite._rights`).

Here each change that changes what a user may open or add is made, and the list given
after it must be the one built anew for it: a stale list would show «Добавить» after
a hand-in, a model after its permission was taken away, or Russian names in Kazakh.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from branches.handins import HandIn
from branches.models import ReportingPeriod, StaffProfile
from branches.scoping import LIBRARIAN, ensure_groups

pytestmark = pytest.mark.django_db

RECEIPTS = "/admin/holdings/receipt/"  # the changelist's URL in the lists


def request_of(user, method="get"):
    request = getattr(RequestFactory(), method)(reverse("admin:index"))
    # A fresh user object per request, as the authentication middleware gives one.
    request.user = type(user).objects.get(pk=user.pk)
    return request


def plain(app_list) -> list:
    """The list as a page shows it: names (in the active language), links and rights."""
    return [
        (
            str(app["name"]),
            app["app_url"],
            [
                (str(m["name"]), m["admin_url"], m["add_url"], m["view_only"], dict(m["perms"]))
                for m in app["models"]
            ],
        )
        for app in app_list
    ]


def given_and_built(user, method="get") -> tuple[list, list]:
    """The list get_app_list gives (from the memo, once one was built) and one built anew."""
    request = request_of(user, method)
    given = plain(admin.site.get_app_list(request))
    fresh = plain(admin.site._app_list(request_of(user, method), None))
    return given, fresh


def add_url_of_receipts(app_list: list):
    return next(m[2] for app in app_list for m in app[2] if m[1] == RECEIPTS)


def test_the_same_rights_get_the_same_list(librarian, methodologist, period):
    for user in (librarian, methodologist):
        first, fresh = given_and_built(user)
        again, _ = given_and_built(user)
        assert first == fresh == again
        assert add_url_of_receipts(first)


def test_a_hand_in_takes_add_away_at_once(librarian, library, period):
    before, _ = given_and_built(librarian)
    assert add_url_of_receipts(before)
    HandIn.objects.create(library=library, period=period, state=HandIn.State.SUBMITTED)
    after, fresh = given_and_built(librarian)
    assert after == fresh
    assert add_url_of_receipts(after) is None


def test_an_approved_half_year_takes_add_away_from_the_methodologist(methodologist, period):
    given_and_built(methodologist)
    period.status = ReportingPeriod.Status.APPROVED
    period.save()
    after, fresh = given_and_built(methodologist)
    assert after == fresh
    assert add_url_of_receipts(after) is None


def test_a_form_sent_back_keeps_its_own_list(librarian, library, period):
    """A POST asks no lock for «Добавить» (the data layer answers it): its list is its own."""
    HandIn.objects.create(library=library, period=period, state=HandIn.State.SUBMITTED)
    get, _ = given_and_built(librarian)
    post, fresh = given_and_built(librarian, "post")
    assert post == fresh
    assert add_url_of_receipts(get) is None and add_url_of_receipts(post)


def test_a_permission_taken_away_takes_the_model_away(librarian, period):
    before, _ = given_and_built(librarian)
    assert add_url_of_receipts(before)
    group = ensure_groups()[LIBRARIAN]
    group.permissions.remove(*Permission.objects.filter(codename__endswith="_receipt"))
    after, fresh = given_and_built(librarian)
    assert after == fresh
    assert RECEIPTS not in {m[1] for app in after for m in app[2]}


def test_a_librarian_moved_to_another_library_gets_its_locks(
    librarian, library, other_library, period
):
    HandIn.objects.create(library=other_library, period=period, state=HandIn.State.SUBMITTED)
    before, _ = given_and_built(librarian)
    assert add_url_of_receipts(before)
    StaffProfile.objects.filter(user=librarian).update(library=other_library)
    after, fresh = given_and_built(librarian)
    assert after == fresh
    assert add_url_of_receipts(after) is None


def test_each_language_gets_its_own_list(methodologist, period):
    """Names are read in the page's language, and the apps sorted by them: in Kazakh
    their order is not the Russian one."""
    with translation.override("ru"):
        russian, _ = given_and_built(methodologist)
    with translation.override("kk"):
        kazakh, fresh = given_and_built(methodologist)
    assert kazakh == fresh
    assert [app[1] for app in kazakh] != [app[1] for app in russian]
