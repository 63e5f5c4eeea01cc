"""The write-off form says when the library's fund is unknown (no state of it recorded):
what that means and what to enter first, in Russian and Kazakh (issue 22, item 6)."""

import datetime

import pytest

from holdings.models import FundSnapshot, WriteOff, WriteOffReason

ADD = "/admin/holdings/writeoff/add/"
SNAPSHOT_ADD = "/admin/holdings/fundsnapshot/add/"


@pytest.fixture
def as_librarian(client, librarian, period):
    client.force_login(librarian)
    return client


def opened(client, url, language="ru") -> str:
    client.cookies["django_language"] = language
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_add_form_asks_for_the_opening_balance_first(as_librarian, library):
    text = opened(as_librarian, ADD)
    assert "Фонд библиотеки неизвестен (ЦГБ): не внесён её начальный остаток фонда." in text
    assert f'<a href="{SNAPSHOT_ADD}">добавить состояние фонда' in text
    kazakh = opened(as_librarian, ADD, "kk")
    assert "Кітапхана қоры белгісіз (ЦГБ)" in kazakh and "бастапқы қалдығын" in kazakh


def test_the_change_form_of_an_unknown_fund_says_it_too(as_librarian, library):
    row = WriteOff.objects.create(
        library=library, date=datetime.date(2021, 3, 1),
        reason=WriteOffReason.objects.get(code="wear"), copies=5,
    )  # fmt: skip
    text = opened(as_librarian, f"/admin/holdings/writeoff/{row.pk}/change/")
    assert "Фонд библиотеки неизвестен (ЦГБ)" in text


def test_no_notice_once_the_fund_is_recorded(as_librarian, library, period):
    FundSnapshot.objects.create(library=library, date=period.start, copies=100)
    assert "Фонд библиотеки неизвестен" not in opened(as_librarian, ADD)


def test_a_methodologist_sees_which_libraries_have_no_fund(
    client, methodologist, library, other_library, period
):
    client.force_login(methodologist)
    assert "Фонд библиотек неизвестен (ЦГБ, ф№4): не внесён их начальный" in opened(client, ADD)
    FundSnapshot.objects.create(library=library, date=period.start, copies=100)
    assert "Фонд библиотеки неизвестен (ф№4)" in opened(client, ADD)
