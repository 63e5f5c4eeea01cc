"""A locked page says why and what to do, in ru and kk; no «Добавить» where nothing
can be added (issue 24)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from branches.handins import HandIn, HandInTransition
from branches.models import ReportingPeriod
from holdings.models import FundingSource, Receipt

D = datetime.date


@pytest.fixture
def receipt(library, period):
    return Receipt.objects.create(
        library=library, date=D(2021, 3, 1), copies=5,
        source=FundingSource.objects.get(code="local-budget"),
    )  # fmt: skip


@pytest.fixture
def handed_in(library, period, librarian):
    handin = HandIn.objects.create(library=library, period=period, state=HandIn.State.SUBMITTED)
    HandInTransition.objects.create(
        handin=handin, from_state="draft", to_state="submitted", user=librarian
    )
    HandInTransition.objects.filter(handin=handin).update(
        at=datetime.datetime(2021, 7, 12, 10, tzinfo=datetime.UTC)
    )
    return handin


@pytest.fixture
def approved(period):
    period.status = ReportingPeriod.Status.APPROVED
    period.save()
    period.history.filter(status="approved").update(
        history_date=datetime.datetime(2021, 7, 20, 10, tzinfo=datetime.UTC)
    )
    return period


def _page(client, user, url, language):
    client.force_login(user)
    with translation.override(language):
        return client.get(url, HTTP_ACCEPT_LANGUAGE=language, follow=True)


CHANGE = "admin:holdings_receipt_change"
LIST = "admin:holdings_receipt_changelist"
ADD = "admin:holdings_receipt_add"


def _lang_url(name, language, *args):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.mark.parametrize(
    ("language", "said", "todo"),
    [
        ("ru", "Данные библиотеки за 1 полугодие 2021 года сданы 12.07.2021",
         "попросите методиста вернуть"),
        ("kk", "12.07.2021", "әдіскерден"),
    ],
)  # fmt: skip
def test_a_handed_in_row_and_list_say_why_to_the_librarian(
    client, librarian, handed_in, receipt, language, said, todo
):
    for url in (_lang_url(CHANGE, language, receipt.pk), _lang_url(LIST, language)):
        page = _page(client, librarian, url, language).content.decode()
        assert "data-lock-banner" in page
        assert said in page and todo in page
        assert "2021-H1" not in page.split("data-lock-banner")[1][:400]
        assert _lang_url(ADD, language) not in page  # no «Добавить»
    assert client.get(_lang_url(ADD, language)).status_code == 403


def test_the_methodologist_still_corrects_a_handed_in_row(
    client, methodologist, handed_in, receipt
):
    page = _page(client, methodologist, reverse(CHANGE, args=[receipt.pk]), "ru")
    assert "data-lock-banner" not in page.content.decode()
    page = _page(client, methodologist, reverse(LIST), "ru").content.decode()
    assert "data-lock-banner" not in page and reverse(ADD) in page


@pytest.mark.parametrize("role", ["librarian", "methodologist"])
@pytest.mark.parametrize(
    ("language", "said", "todo"),
    [
        ("ru", "1 полугодие 2021 года утверждено 20.07.2021", "следующего полугодия"),
        ("kk", "20.07.2021", "келесі жартыжылдық"),
    ],
)  # fmt: skip
def test_an_approved_half_year_says_so_to_everybody(
    request, client, receipt, approved, role, language, said, todo
):
    user = request.getfixturevalue(role)
    for url in (_lang_url(CHANGE, language, receipt.pk), _lang_url(LIST, language)):
        page = _page(client, user, url, language).content.decode()
        assert "data-lock-banner" in page
        assert said in page and todo in page
        assert _lang_url(ADD, language) not in page
    assert client.get(_lang_url(ADD, language)).status_code == 403


def test_an_open_row_has_no_banner_and_can_be_added(client, librarian, receipt):
    page = _page(client, librarian, reverse(CHANGE, args=[receipt.pk]), "ru").content.decode()
    assert "data-lock-banner" not in page
    page = _page(client, librarian, reverse(LIST), "ru").content.decode()
    assert "data-lock-banner" not in page and reverse(ADD) in page


def test_another_open_half_year_keeps_the_add_button(client, librarian, handed_in, organization):
    ReportingPeriod.objects.create(organization=organization, year=2021, half=2)
    page = _page(client, librarian, reverse(LIST), "ru").content.decode()
    assert "data-lock-banner" not in page and reverse(ADD) in page


def test_no_import_where_nothing_can_be_added(client, librarian, handed_in):
    page = _page(client, librarian, reverse(LIST), "ru").content.decode()
    assert reverse("admin:holdings_receipt_import") not in page
