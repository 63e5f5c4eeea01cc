"""Doors the role matrix and the forged-request tests do not walk through.

Every model registered in the admin is probed by id from the outside (another
library's librarian, a methodologist of another ЦБС, staff without a profile):
change, delete, history list and an old version of the row, plus the changelist
filtered or searched for the foreign row. Then the history's revert form (a POST
that saves), the approved-period lock at that door, and refused actions that
must explain themselves in Russian.
"""

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth import get_user_model

from branches.models import Library, Platform, Region, ReportingPeriod, Republic
from branches.scoping import METHODOLOGIST, ensure_groups
from holdings.models import FundingSource, Receipt
from tests.admin.factories import ALL_MODELS, LIBRARY_FACTS, LIBRARY_PLANS, ORGANIZATION_ROWS
from tests.admin.posting import admin_url
from tests.personas_once import *  # noqa: F403  (the personas, made once for the module's 150 tests)

# Rows the outsider's organization does not own: a library's and the organization's.
SCOPED = [*LIBRARY_FACTS, *ORGANIZATION_ROWS, *LIBRARY_PLANS, Library, ReportingPeriod]


def test_every_registered_data_model_is_probed_here():
    """A model added to the admin later gets probed too, or this fails."""
    ours = {
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
    registered = {m for m in admin.site._registry if m._meta.app_label in ours}
    # The levels above the ЦБС are probed by tests/regions/test_doors.py.
    assert registered == {*ALL_MODELS, Region, Republic}


def history_detail_url(row):
    version = row.history.order_by("history_id").first()
    return admin_url(type(row), "simple_history", row.pk, version.history_id)


@pytest.fixture(scope="module")
def _personas_made(_personas_of_module, django_db_blocker):
    """The personas, and staff in the methodologist's group but without a staff profile
    (`no_profile`: sees nothing), made once for the module as they are (tests/personas_once.py)."""
    with django_db_blocker.unblock():
        user = get_user_model().objects.create_user("no-profile", password="pw", is_staff=True)
        user.groups.set([ensure_groups()[METHODOLOGIST]])
    return {**_personas_of_module, "no_profile": user}


@pytest.fixture
def no_profile(_personas):
    return _personas["no_profile"]


@pytest.fixture
def stranger(request, other_librarian, outsider, no_profile):
    return {"other_librarian": other_librarian, "outsider": outsider, "no_profile": no_profile}


# Libraries and periods of the organization are readable by all its librarians.
OUT_OF_REACH = [
    pytest.param(model, who, id=f"{model.__name__}-{who}")
    for model in SCOPED
    for who in ("other_librarian", "outsider", "no_profile")
    if not (model in (Library, ReportingPeriod) and who == "other_librarian")
]


@pytest.mark.parametrize("model, who", OUT_OF_REACH)
def test_a_row_out_of_reach_is_a_404_or_403_at_every_door_by_id(
    client, sign_in, stranger, row_of, model, who
):
    row = row_of(model)
    user = stranger[who]
    sign_in(user)
    doors = {
        "change": admin_url(model, "change", row.pk),
        "delete": admin_url(model, "delete", row.pk),
        "history": admin_url(model, "history", row.pk),
        "version": history_detail_url(row),
    }
    statuses = {door: client.get(url).status_code for door, url in doors.items()}
    assert statuses == dict.fromkeys(doors, statuses["change"]), statuses
    # No hint that the row exists (404); 403 only where the role has no right
    # on the model at all (a librarian and the budget), the same for every row.
    opts = model._meta
    may_view = user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
    assert statuses["change"] in ({404} if may_view else {403, 404}), statuses
    posted = {
        "change": client.post(doors["change"], {}).status_code,
        "delete": client.post(doors["delete"], {"post": "yes"}).status_code,
        "version": client.post(doors["version"], {}).status_code,
    }
    assert set(posted.values()) <= {403, 404}, posted
    assert model.objects.filter(pk=row.pk).exists()


# The history's revert form: a POST that saves the old version over the row.


def receipt_form(library, copies):
    return {
        "library": library.pk,
        "date": "15.03.2021",
        "source": FundingSource.objects.first().pk,
        "copies": copies,
        "copies_kk": 0,
        "document": "",
        "note": "",
    }


def first_version_url(row):
    return history_detail_url(row)


def test_the_director_can_neither_see_a_revert_button_nor_post_the_revert_form(
    client, director, library, row_of
):
    receipt = row_of(Receipt)
    client.force_login(director)
    page = client.get(first_version_url(receipt))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    response = client.post(first_version_url(receipt), receipt_form(library, 999))
    assert response.status_code == 403
    receipt.refresh_from_db()
    assert receipt.copies == 10


def test_a_librarian_cannot_change_a_pick_list_through_its_history(client, librarian, row_of):
    platform = row_of(Platform)
    client.force_login(librarian)
    url = history_detail_url(platform)
    response = client.post(
        url, {"name_ru": "Взломано", "name_kk": "", "code": platform.code, "order": 1}
    )
    assert response.status_code == 403
    platform.refresh_from_db()
    assert platform.name_ru == "Тестовое значение 1"


def test_a_row_of_an_approved_period_cannot_be_reverted(
    client, methodologist, library, period, row_of
):
    receipt = row_of(Receipt)
    period.status = ReportingPeriod.Status.APPROVED
    period.save()
    client.force_login(methodologist)
    page = client.get(first_version_url(receipt))
    assert 'name="_save"' not in page.content.decode()
    response = client.post(first_version_url(receipt), receipt_form(library, 999))
    assert response.status_code == 403
    receipt.refresh_from_db()
    assert receipt.copies == 10


def test_an_old_version_in_an_open_period_does_not_unlock_a_row_now_approved(
    client, methodologist, library, organization, period, row_of
):
    """The row was dated in the second half-year, then moved into the approved first."""
    import datetime

    ReportingPeriod.objects.create(organization=organization, year=2021, half=2)
    receipt = row_of(Receipt)
    receipt.date = datetime.date(2021, 8, 1)
    receipt.save()
    receipt.date = datetime.date(2021, 3, 15)
    receipt.save()
    period.status = ReportingPeriod.Status.APPROVED
    period.save()
    august = receipt.history.get(date=datetime.date(2021, 8, 1))
    url = admin_url(Receipt, "simple_history", receipt.pk, august.history_id)
    client.force_login(methodologist)
    response = client.post(url, {**receipt_form(library, 10), "date": "01.08.2021"})
    assert response.status_code == 403
    receipt.refresh_from_db()
    assert receipt.date == datetime.date(2021, 3, 15)


def test_a_librarian_cannot_take_back_a_row_moved_to_another_library(
    client, librarian, library, other_library, row_of
):
    """An old version naming the librarian's library is not a door to today's row."""
    receipt = row_of(Receipt)  # entered by cgb...
    receipt.library = other_library  # ...then moved by the methodologist to f4
    receipt.save()
    old = receipt.history.get(library=library)
    url = admin_url(Receipt, "simple_history", receipt.pk, old.history_id)
    client.force_login(librarian)
    assert client.get(url).status_code == 404
    assert client.post(url, receipt_form(library, 999)).status_code == 404
    receipt.refresh_from_db()
    assert (receipt.library, receipt.copies) == (other_library, 10)


def test_a_librarian_reverts_their_own_row(client, librarian, library, row_of):
    receipt = row_of(Receipt)
    receipt.copies = 50
    receipt.save()
    client.force_login(librarian)
    page = client.get(first_version_url(receipt))
    assert 'name="_save"' in page.content.decode()
    response = client.post(first_version_url(receipt), receipt_form(library, 10))
    assert response.status_code == 302
    receipt.refresh_from_db()
    assert receipt.copies == 10
    assert receipt.history.first().history_user == librarian


def test_a_deleted_row_of_another_library_has_no_history_for_a_librarian(
    client, other_librarian, row_of
):
    receipt = row_of(Receipt)
    pk = receipt.pk
    receipt.delete()
    client.force_login(other_librarian)
    assert client.get(admin_url(Receipt, "history", pk)).status_code == 404


def test_a_history_url_with_a_wrong_id_is_a_404_not_a_500(client, librarian, row_of):
    receipt = row_of(Receipt)
    client.force_login(librarian)
    assert client.get(f"/admin/holdings/receipt/{receipt.pk}/history/abc/").status_code == 404
    assert client.get("/admin/holdings/receipt/abc/history/").status_code == 404


# The changelist asked by hand for another library's rows.


def searchable_text(row) -> str:
    """A word of the row that its admin's search looks in."""
    return str(row.library.short_name) if getattr(row, "library_id", None) else str(row.pk)


@pytest.mark.parametrize("model", LIBRARY_FACTS, ids=lambda m: m.__name__)
def test_a_librarian_asking_the_changelist_for_another_library_gets_none_of_its_rows(
    client, sign_in, other_librarian, library, row_of, model
):
    row = row_of(model)
    sign_in(other_librarian)
    for query in (
        {"q": library.short_name},
        {"library__id__exact": library.pk},
        {"library": library.pk},
        {"library__code": library.code},
    ):
        response = client.get(admin_url(model, "changelist"), query)
        # Either the lookup is refused (400, or the page says the filter is
        # wrong: ?e=1), or it filters inside the user's rows.
        assert response.status_code in (200, 302, 400), (query, response.status_code)
        if response.status_code == 200:
            listed = set(response.context["cl"].result_list.values_list("pk", flat=True))
            assert row.pk not in listed, query


@pytest.mark.parametrize("model", LIBRARY_FACTS, ids=lambda m: m.__name__)
def test_delete_selected_with_forged_ids_deletes_nothing_of_another_library(
    client, sign_in, other_librarian, row_of, model
):
    row = row_of(model)
    sign_in(other_librarian)
    client.post(
        admin_url(model, "changelist"),
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [row.pk], "post": "yes"},
    )
    assert model.objects.filter(pk=row.pk).exists()


def test_deleting_a_pick_list_value_never_shows_another_organizations_rows(
    client, outsider, library, period, row_of
):
    """The outsider may edit the shared lists, but the page listing what a
    deletion would take must not name the rows of another ЦБС, nor strip
    their links to the value."""
    from events.models import Event

    platform = row_of(Platform)
    event = row_of(Event)
    event.title = "Тайное мероприятие ЦГБ"
    event.save()
    event.platforms.add(platform)
    client.force_login(outsider)
    page = client.get(admin_url(Platform, "delete", platform.pk)).content.decode()
    assert "Тайное мероприятие" not in page and "Event_platforms" not in page
    assert "уже есть в данных (записей: 1), удалить его нельзя" in page
    client.post(admin_url(Platform, "delete", platform.pk), {"post": "yes"})
    bulk = {"action": "delete_selected", ACTION_CHECKBOX_NAME: [platform.pk], "post": "yes"}
    page = client.post(admin_url(Platform, "changelist"), bulk).content.decode()
    assert "удалить его нельзя" in page
    assert list(event.platforms.all()) == [platform], "another ЦБС's data changed"


def test_a_source_in_use_is_not_deleted_and_its_receipts_are_not_named(client, outsider, row_of):
    receipt = row_of(Receipt)
    receipt.document = "Секретный акт 77"
    receipt.save()
    client.force_login(outsider)
    url = admin_url(FundingSource, "delete", receipt.source_id)
    page = client.get(url).content.decode()
    assert "Секретный акт" not in page and "ЦГБ" not in page
    assert "удалить его нельзя" in page
    client.post(url, {"post": "yes"})
    assert FundingSource.objects.filter(pk=receipt.source_id).exists()


def test_an_unused_pick_list_value_is_deleted(client, methodologist, row_of):
    platform = row_of(Platform)
    client.force_login(methodologist)
    response = client.post(admin_url(Platform, "delete", platform.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Platform.objects.filter(pk=platform.pk).exists()


# A refusal explains itself in the user's language, never in English.


def test_another_librarys_row_is_a_404_page_in_russian(client, other_librarian, row_of):
    receipt = row_of(Receipt)
    client.force_login(other_librarian)
    response = client.get(admin_url(Receipt, "change", receipt.pk))
    assert response.status_code == 404
    page = response.content.decode()
    assert "Страница не найдена" in page and "Not Found" not in page


def test_the_404_page_speaks_kazakh_to_a_kazakh_user(client, other_librarian, row_of):
    receipt = row_of(Receipt)
    client.force_login(other_librarian)
    client.cookies["django_language"] = "kk"
    response = client.get(admin_url(Receipt, "history", receipt.pk))
    assert response.status_code == 404
    assert "Бет табылмады" in response.content.decode()


def test_a_lookup_the_admin_does_not_offer_is_refused_in_russian(client, librarian, row_of):
    row_of(Receipt)
    client.force_login(librarian)
    response = client.get(admin_url(Receipt, "changelist"), {"library__code": "f4"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Неверный запрос" in page and "Bad Request" not in page
