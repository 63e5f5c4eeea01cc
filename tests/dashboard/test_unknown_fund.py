"""A library with no recorded state of its fund: its fund is unknown, and the
dashboard says «неизвестно» (Kazakh «белгісіз») where the report does, by the
report's rule (`FundMovement.unknown`, `MovementRow.start_known/end_known`), with
the report's note. Its receipts still count in the ЦБС's total, as in the report."""

import datetime
import re

import pytest

from branches.models import Library
from holdings.checks import unknown_fund_messages
from holdings.models import FundingSource, Receipt
from holdings.selectors import fund_movement

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_state(organization, half_year):
    """ф№7: 40 copies received in 2021-H1, no state of its fund ever recorded."""
    library = Library.objects.create(
        organization=organization, code="f7", kind="branch", number=7, short_name="ф№7",
        name_ru="Библиотека-филиал №7", name_kk="№7 кітапхана-филиалы", order=70,
    )  # fmt: skip
    Receipt.objects.create(
        library=library, date=datetime.date(2021, 3, 1),
        source=FundingSource.objects.get(code="gift"), copies=40, copies_kk=10,
    )  # fmt: skip
    return library


def page(client, user, url, language="ru"):
    client.force_login(user)
    client.cookies["django_language"] = language
    response = client.get(url)
    assert response.status_code == 200
    return response, response.content.decode()


def row_of(text, code) -> str:
    """The library's row of the libraries table (the ratios table has rows too)."""
    table = re.search(r'<table class="data libraries[^"]*">(.*?)</table>', text, re.S).group(1)
    return re.search(rf'<tr data-library="{code}">.*?</tr>', table, re.S).group(0)


def test_the_organization_page_says_unknown_where_the_report_does(
    client, director, organization, no_state
):
    response, text = page(client, director, "/dashboard/?period=2021-H1")
    span = response.context["span"]
    fund = fund_movement(organization=organization, start=span.start, end=span.end)
    assert [row.library for row in fund.unknown] == [no_state]  # the report's rule
    assert "неизвестно" in row_of(text, "f7")  # the libraries table: the fund at the end
    assert "неизвестно" not in row_of(text, "cgb")
    for message in unknown_fund_messages(fund, span):  # the report's note, word for word
        assert message in text
    # The ЦБС's fund still counts its receipts, as the report's total does.
    card = next(c for c in response.context["cards"] if c.key == "fund")
    assert card.value == fund.total.end.copies
    assert not card.unknown


def test_the_library_page_says_unknown_in_both_languages(client, director, no_state):
    response, text = page(client, director, "/dashboard/library/f7/?period=2021-H1")
    card = next(c for c in response.context["cards"] if c.key == "fund")
    assert (card.value, card.unknown) == (None, True)
    received = next(c for c in response.context["cards"] if c.key == "received")
    assert received.value == 40  # its movements are known
    fund_table = text[text.index('id="fund-table-title"') :]
    assert fund_table.count('<span class="unknown">неизвестно</span>') == 2  # start and end
    assert (
        "40 <" not in text[text.index('data-figure="fund"') : text.index('data-figure="received"')]
    )
    _response, kazakh = page(client, director, "/dashboard/library/f7/?period=2021-H1", "kk")
    assert "белгісіз" in kazakh and "неизвестно" not in kazakh


def test_a_library_with_a_state_shows_its_fund(client, director, no_state, library):
    response, text = page(client, director, "/dashboard/library/cgb/?period=2021-H1")
    card = next(c for c in response.context["cards"] if c.key == "fund")
    assert card.value and not card.unknown
    assert "неизвестно" not in text
