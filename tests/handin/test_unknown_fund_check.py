"""A library with receipts or write-offs but no recorded state of its fund: its
librarian is asked for the opening balance on the hand-in (a warning to explain), the
report prints its note in section III as before (issue 22, item 6: it was saved without
a word and the home page said «Проверки ничего не нашли»)."""

import datetime

import pytest

from branches.calendar import span_for_period
from handin.checks import check_run
from holdings.models import FundingSource, FundSnapshot, Receipt
from reports.builder import report_build

pytestmark = pytest.mark.django_db


@pytest.fixture
def received_without_fund(library, other_library, period):
    """ф№4 received 40 copies and has no state of its fund; ЦГБ's fund is known."""
    FundSnapshot.objects.create(
        library=library, date=datetime.date(2021, 1, 1), copies=1000, copies_kk=300
    )
    Receipt.objects.create(
        library=other_library, date=datetime.date(2021, 3, 1),
        source=FundingSource.objects.get(code="gift"), copies=40, copies_kk=10,
    )  # fmt: skip
    return period


def test_the_hand_in_asks_for_the_opening_balance(received_without_fund, other_library):
    results = [r for r in check_run(period=received_without_fund) if r.code == "unknown_fund"]
    assert [(r.library.code, r.severity) for r in results] == [("f4", "warning")]
    assert results[0].message("ru") == (
        "ф№4: фонд неизвестен — не внесено ни одно состояние фонда, а поступило 40 экз., "
        "списано 0 экз. Внесите начальный остаток фонда: без него остаток библиотеки не "
        "считается."
    )
    assert "қор белгісіз" in results[0].message("kk")


def test_the_librarians_home_shows_it(client, other_librarian, received_without_fund):
    client.force_login(other_librarian)
    text = client.get("/").content.decode()
    assert "фонд неизвестен" in text
    assert "Проверки ничего не нашли" not in text


def test_the_report_prints_its_note_in_section_three(organization, received_without_fund):
    data = report_build(organization=organization, span=span_for_period(received_without_fund))
    notes = [n.text for n in data.section("resources").notes]
    assert (
        "ф№4: фонд на начало 1-го полугодия 2021 неизвестен — не внесено ни одно состояние "
        "фонда. Её "
        "поступления и списания учтены в итогах ЦБС; внесите начальный остаток фонда "
        "библиотеки." in notes
    )


def test_a_library_with_a_known_fund_is_not_asked(received_without_fund, library):
    results = check_run(period=received_without_fund, libraries=[library])
    assert not [r for r in results if r.code == "unknown_fund"]
