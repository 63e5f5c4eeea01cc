"""Hand-made requests that try to reach another library's rows."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from branches.models import Library, Platform, ReportingPeriod
from catalogue.models import VirtualReferences
from events.models import Event, EventForm, Initiative
from holdings.models import FundingSource, Receipt
from tests.admin.factories import DAY

INVALID_CHOICE = "Выберите корректный вариант"


def receipt_post(library, **extra):
    return {
        "library": library.pk,
        "date": DAY.strftime("%d.%m.%Y"),
        "source": FundingSource.objects.get(code="gift").pk,
        "copies": 5,
        "copies_kk": 2,
        "document": "",
        "note": "",
        **extra,
    }


def test_librarian_adding_a_receipt_for_another_library_gets_a_form_error_and_nothing_is_saved(
    client, librarian, other_library
):
    client.force_login(librarian)
    response = client.post(reverse("admin:holdings_receipt_add"), receipt_post(other_library))
    assert response.status_code == 200
    assert INVALID_CHOICE in response.content.decode()
    assert not Receipt.objects.exists()


def test_librarian_adds_a_receipt_for_own_library(client, librarian, library, period):
    client.force_login(librarian)
    response = client.post(reverse("admin:holdings_receipt_add"), receipt_post(library))
    assert response.status_code == 302
    receipt = Receipt.objects.get()
    assert receipt.library == library
    assert receipt.history.get().history_user == librarian


def test_librarian_moving_own_row_to_another_library_gets_a_form_error(
    client, librarian, other_library, row_of
):
    receipt = row_of(Receipt)
    client.force_login(librarian)
    response = client.post(
        reverse("admin:holdings_receipt_change", args=[receipt.pk]), receipt_post(other_library)
    )
    assert response.status_code == 200
    assert INVALID_CHOICE in response.content.decode()
    receipt.refresh_from_db()
    assert receipt.library_id != other_library.pk


def test_librarian_changing_another_librarys_row_by_id_gets_404_and_it_is_unchanged(
    client, other_librarian, other_library, row_of
):
    receipt = row_of(Receipt)
    client.force_login(other_librarian)
    response = client.post(
        reverse("admin:holdings_receipt_change", args=[receipt.pk]),
        receipt_post(other_library, copies=999),
    )
    assert response.status_code == 404
    receipt.refresh_from_db()
    assert receipt.copies == 10


def test_librarian_deleting_another_librarys_row_by_id_gets_404_and_it_stays(
    client, other_librarian, row_of
):
    receipt = row_of(Receipt)
    client.force_login(other_librarian)
    response = client.post(
        reverse("admin:holdings_receipt_delete", args=[receipt.pk]), {"post": "yes"}
    )
    assert response.status_code == 404
    assert Receipt.objects.filter(pk=receipt.pk).exists()


def test_delete_selected_action_skips_rows_of_another_library(
    client, other_librarian, other_library, row_of
):
    foreign = row_of(Receipt)
    own = row_of(Receipt, of_library=other_library)
    client.force_login(other_librarian)
    client.post(
        reverse("admin:holdings_receipt_changelist"),
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [foreign.pk, own.pk], "post": "yes"},
    )
    assert Receipt.objects.filter(pk=foreign.pk).exists()
    assert not Receipt.objects.filter(pk=own.pk).exists()


def test_director_posting_a_change_gets_403_and_nothing_changes(client, director, library, row_of):
    receipt = row_of(Receipt)
    client.force_login(director)
    response = client.post(
        reverse("admin:holdings_receipt_change", args=[receipt.pk]),
        receipt_post(library, copies=999),
    )
    assert response.status_code == 403
    receipt.refresh_from_db()
    assert receipt.copies == 10


def test_director_posting_an_add_gets_403(client, director, library, period):
    client.force_login(director)
    response = client.post(reverse("admin:holdings_receipt_add"), receipt_post(library))
    assert response.status_code == 403
    assert not Receipt.objects.exists()


def test_librarian_adding_period_figures_for_another_library_is_refused(
    client, librarian, other_library, period
):
    client.force_login(librarian)
    response = client.post(
        reverse("admin:catalogue_virtualreferences_add"),
        {"library": other_library.pk, "period": period.pk, "count": 5},
    )
    assert INVALID_CHOICE in response.content.decode()
    assert not VirtualReferences.objects.exists()


def test_methodologist_cannot_pick_a_period_of_another_organization(
    client, methodologist, library, other_organization
):
    foreign_period = ReportingPeriod.objects.create(
        organization=other_organization, year=2021, half=1
    )
    client.force_login(methodologist)
    response = client.post(
        reverse("admin:catalogue_virtualreferences_add"),
        {"library": library.pk, "period": foreign_period.pk, "count": 5},
    )
    assert INVALID_CHOICE in response.content.decode()
    assert not VirtualReferences.objects.exists()


def test_librarian_adds_an_event_with_platforms_and_initiatives(client, librarian, library, period):
    client.force_login(librarian)
    response = client.post(
        reverse("admin:events_event_add"),
        {
            "library": library.pk,
            "date": "23.04.2021",
            "title": "час поэзии «Өрен жүйрік, өшпес бейне»",
            "form": EventForm.objects.get(code="poetry").pk,
            "dedication": "к 175-летию Ж.Жабаева",
            "is_online": "on",
            "platforms": [Platform.objects.get(code="instagram").pk],
            "initiatives": [Initiative.objects.get(code="kitap-fest").pk],
            "highlight": "literary",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get()
    assert event.library == library
    assert [p.code for p in event.platforms.all()] == ["instagram"]


@pytest.mark.parametrize("field", ["library"])
def test_autocomplete_of_library_lists_only_the_librarians_library(
    client, librarian, library, other_library, field
):
    client.force_login(librarian)
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "holdings", "model_name": "receipt", "field_name": field, "term": ""},
    )
    assert response.status_code == 200
    ids = {item["id"] for item in response.json()["results"]}
    assert ids == {str(library.pk)}


def test_autocomplete_search_does_not_reach_another_library(client, librarian, other_library):
    client.force_login(librarian)
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "holdings", "model_name": "receipt", "field_name": "library", "term": "ф№4"},
    )
    assert response.json()["results"] == []


def test_autocomplete_for_a_user_without_profile_is_refused(client, django_user_model, library):
    user = django_user_model.objects.create_user("nobody", password="pw", is_staff=True)
    client.force_login(user)
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "holdings", "model_name": "receipt", "field_name": "library", "term": ""},
    )
    assert response.status_code == 403


def test_methodologist_autocomplete_lists_libraries_of_own_organization_only(
    client, methodologist, library, other_library, other_organization
):
    Library.objects.create(
        organization=other_organization, code="x", kind="branch", short_name="X", name_ru="X"
    )
    client.force_login(methodologist)
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "holdings", "model_name": "receipt", "field_name": "library", "term": ""},
    )
    ids = {item["id"] for item in response.json()["results"]}
    assert ids == {str(library.pk), str(other_library.pk)}


def test_library_filter_lists_only_libraries_the_methodologist_may_see(
    client, methodologist, library, other_library, other_organization, period, row_of
):
    row_of(Receipt)
    row_of(Receipt, of_library=other_library)
    stranger = Library.objects.create(
        organization=other_organization, code="x", kind="branch", short_name="Чужая", name_ru="X"
    )
    foreign_period = ReportingPeriod.objects.create(
        organization=other_organization, year=2021, half=1
    )
    Receipt.objects.create(
        library=stranger, date=DAY, source=FundingSource.objects.first(), copies=1
    )
    client.force_login(methodologist)
    response = client.get(reverse("admin:holdings_receipt_changelist"))
    filters = {str(spec.title): spec for spec in response.context["cl"].filter_specs}
    library_choices = [c["display"] for c in filters["библиотека"].choices(response.context["cl"])]
    assert "ЦГБ" in library_choices and "ф№4" in library_choices
    assert "Чужая" not in library_choices
    period_choices = [
        c["display"] for c in filters["отчётный период"].choices(response.context["cl"])
    ]
    # Both periods read "1 полугодие 2021": only our own is offered.
    assert foreign_period.year == period.year and foreign_period.half == period.half
    assert period_choices.count("1 полугодие 2021") == 1


def test_librarian_has_no_library_filter(client, librarian, row_of):
    row_of(Receipt)
    client.force_login(librarian)
    response = client.get(reverse("admin:holdings_receipt_changelist"))
    titles = [str(spec.title) for spec in response.context["cl"].filter_specs]
    assert "библиотека" not in titles


def test_staff_without_a_profile_sees_nothing_even_in_a_role_group(
    client, django_user_model, row_of
):
    from branches.scoping import METHODOLOGIST, ensure_groups

    row = row_of(Receipt)
    user = django_user_model.objects.create_user("no-profile", password="pw", is_staff=True)
    user.groups.set([ensure_groups()[METHODOLOGIST]])
    client.force_login(user)
    index = client.get(reverse("admin:index"))
    ours = {"branches", "holdings", "catalogue", "digitization", "publications", "events"}
    assert not [app for app in index.context["app_list"] if app["app_label"] in ours]
    assert client.get(reverse("admin:holdings_receipt_changelist")).status_code == 403
    change = client.get(reverse("admin:holdings_receipt_change", args=[row.pk]))
    assert change.status_code in (403, 404)


def test_librarians_add_form_offers_only_their_library_preselected(client, librarian, library):
    client.force_login(librarian)
    form = client.get(reverse("admin:holdings_receipt_add")).context["adminform"].form
    choices = [(getattr(v, "value", v), label) for v, label in form.fields["library"].choices]
    assert choices == [(library.pk, "ЦГБ")]  # no empty choice, no other library
    assert form["library"].value() == library.pk
