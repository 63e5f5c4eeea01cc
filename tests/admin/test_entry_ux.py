"""What a librarian or methodologist sees while entering data: messages next to the
field they must correct, success messages that read as Russian, lists without noise."""

import datetime
import html
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.utils import translation
from django.utils.html import strip_tags

from branches.models import StaffProfile
from catalogue.models import CatalogueDatabase, RecordCount
from events.models import EventForm
from holdings.models import AcquisitionBudget, FundingSource, Receipt
from publications.models import Publication
from tests.admin.posting import admin_url, post_add
from tests.holdings.test_admin_validation import receipt as receipt_data


def field_errors(response) -> dict[str, list[str]]:
    assert response.status_code == 200, f"expected the form back, got {response.status_code}"
    form = response.context["adminform"].form
    return {name: [str(m) for m in messages] for name, messages in form.errors.items()}


def shown_messages(response) -> list[str]:
    return [strip_tags(str(m)) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def as_librarian(client, librarian, period):
    client.force_login(librarian)
    return client


@pytest.fixture
def as_methodologist(client, methodologist, period):
    client.force_login(methodologist)
    return client


def test_kazakh_copies_above_copies_are_refused_next_to_the_kazakh_field(as_librarian, library):
    errors = field_errors(post_add(as_librarian, Receipt, receipt_data(library, copies_kk=11)))
    assert errors == {
        "copies_kk": ["Экземпляров на казахском языке не может быть больше, чем всего экземпляров."]
    }
    assert not Receipt.objects.exists()


def test_a_second_count_for_the_same_day_is_refused_next_to_the_date(as_librarian, library):
    database = CatalogueDatabase.objects.get(code="book")
    day = datetime.date(2021, 7, 1)
    RecordCount.objects.create(library=library, database=database, date=day, records=100)
    data = {"library": library.pk, "database": database.pk, "date": "01.07.2021", "records": 5}
    errors = field_errors(post_add(as_librarian, RecordCount, data))
    assert errors == {"date": ["Для этой базы каталога на эту дату число записей уже внесено."]}
    assert RecordCount.objects.get().records == 100


def test_a_new_receipt_is_announced_without_a_wrong_gender(as_librarian, library):
    response = post_add(as_librarian, Receipt, receipt_data(library))
    assert response.status_code == 302
    assert shown_messages(response) == [
        "Добавлено: поступление «ЦГБ 15.03.2021: +10 экз. (Покупка из местного бюджета)»."
    ]


def test_a_deleted_row_is_announced_without_a_wrong_gender(as_librarian, library):
    receipt = Receipt.objects.create(
        library=library,
        date=datetime.date(2021, 3, 15),
        source=FundingSource.objects.get(code="gift"),
        copies=3,
    )
    response = as_librarian.post(admin_url(Receipt, "delete", receipt.pk), {"post": "yes"})
    assert response.status_code == 302
    assert shown_messages(response) == ["Удалено: поступление «ЦГБ 15.03.2021: +3 экз. (Дар)»."]
    assert not Receipt.objects.exists()


def test_the_kazakh_success_message_says_copies_in_kazakh(as_librarian, library):
    as_librarian.cookies["django_language"] = "kk"
    response = post_add(as_librarian, Receipt, receipt_data(library))
    assert response.status_code == 302
    (message,) = shown_messages(response)
    assert "+10 дана" in message
    assert "экз." not in message


def test_a_budget_names_its_amount_with_a_decimal_comma(period, organization):
    budget = AcquisitionBudget(
        organization=organization,
        period=period,
        source=FundingSource.objects.get(code="local-budget"),
        amount=Decimal("2770.4"),
    )
    assert str(budget) == "2021-H1: Покупка из местного бюджета — 2770,4 тыс. тг"
    with translation.override("kk"):
        assert str(budget).endswith("2770,4 мың теңге")


def test_a_librarians_list_has_no_library_column_the_methodologists_has(
    client, librarian, methodologist, period
):
    client.force_login(librarian)
    columns = client.get(admin_url(Receipt, "changelist")).context["cl"].list_display
    assert "library" not in columns
    client.force_login(methodologist)
    columns = client.get(admin_url(Receipt, "changelist")).context["cl"].list_display
    assert "library" in columns


def test_the_period_filter_names_half_years_in_words(as_librarian):
    page = as_librarian.get(admin_url(Receipt, "changelist")).content.decode()
    assert "1 полугодие 2021" in page
    assert ">2021-H1<" not in page


def test_an_empty_date_shows_the_format_to_type(as_librarian):
    page = as_librarian.get(admin_url(Receipt, "add")).content.decode()
    assert 'placeholder="дд.мм.гггг"' in page


def test_the_description_preview_says_when_it_appears(as_librarian):
    response = as_librarian.get(admin_url(Publication, "add"))
    assert "Появится после сохранения." in response.content.decode()


def test_a_list_value_with_a_taken_code_gets_a_russian_message(as_methodologist):
    data = {"name_ru": "Квест", "name_kk": "", "code": "live", "order": 1, "is_active": "on"}
    errors = field_errors(post_add(as_methodologist, EventForm, data))
    assert errors == {"code": ["Такой код уже есть в этом списке: придумайте другой."]}
    assert not EventForm.objects.filter(name_ru="Квест").exists()


def test_a_new_list_value_gets_its_code_from_its_name(as_methodologist):
    page = html.unescape(as_methodologist.get(admin_url(EventForm, "add")).content.decode())
    assert '"id": "#id_code", "name": "code", "dependency_ids": ["#id_name_ru"]' in page


def test_a_profile_is_offered_only_users_of_the_methodologists_own_organization(
    as_methodologist, methodologist, librarian, outsider, django_user_model
):
    # A user without a profile is nobody's: another ЦБС could have created it.
    newcomer = django_user_model.objects.create_user("newcomer", password="pw", is_staff=True)
    profile = StaffProfile.objects.get(user=librarian)
    form = (
        as_methodologist.get(admin_url(StaffProfile, "change", profile.pk))
        .context["adminform"]
        .form
    )
    offered = set(form.fields["user"].queryset)
    assert librarian in offered and methodologist in offered
    assert newcomer not in offered and outsider not in offered
