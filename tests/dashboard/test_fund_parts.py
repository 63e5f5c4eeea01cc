"""The dashboard's fund table has the report's columns, «Фонд впервые учтён» among
them, and adds up as the report's does; its «Фонд на конец» card says over how many
libraries it is known (issue 22, items 2 and 6)."""

import re

import pytest

from branches.calendar import span_parse
from holdings.models import FundSnapshot
from reports.builder import report_build
from tests.holdings.unknown_funds import unknown_funds

pytestmark = pytest.mark.django_db


@pytest.fixture
def funds(organization, library, other_library):
    return unknown_funds(organization, library, other_library)


def page(client, user, url, language="ru"):
    client.force_login(user)
    client.cookies["django_language"] = language
    response = client.get(url)
    assert response.status_code == 200
    return response, response.content.decode()


def fund_table(text: str) -> list[list[str]]:
    """The fund table's rows as the page prints them: header, libraries, total."""
    caption = text.index("Движение фонда, экз.")
    table = text[text.rindex("<table", 0, caption) : text.index("</table>", caption)]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in rows
    ]  # fmt: skip


def test_the_fund_table_has_the_reports_columns_and_figures(client, director, organization, funds):
    _response, text = page(client, director, "/dashboard/?period=2021")
    rows = fund_table(text)
    assert rows[0] == [
        "Библиотека", "На начало", "Поступило", "Списано", "Фонд впервые учтён", "На конец",
    ]  # fmt: skip
    report = report_build(organization=organization, span=span_parse(organization, "2021"))
    printed = {row.cells[0]: row.cells[1:] for row in report.section("resources").tables()[0].rows}

    def as_report(cell: str):
        if cell == "неизвестно":
            return [cell, cell]
        copies, kk = re.match(r"(-?[\d\s\u00a0]+)\s*\((-?[\d\s\u00a0]+)\)", cell).groups()
        return [int(re.sub(r"\D", "", copies)), int(re.sub(r"\D", "", kk))]

    shown = {row[0]: [v for cell in row[1:] for v in as_report(cell)] for row in rows[1:]}
    shown["Всего по ЦБС"] = shown.pop("Всего")
    # Every row the report prints, the dashboard prints alike (it shows ф№5 too).
    for name, cells in printed.items():
        assert shown[name] == cells, name


def test_the_fund_card_says_over_how_many_libraries(client, director, funds):
    response, text = page(client, director, "/dashboard/?period=2021-H1")
    card = next(c for c in response.context["cards"] if c.key == "fund")
    assert card.value == 16820  # the report's ЦБС total
    assert card.note.startswith("по 2 из 4 библиотек: фонд остальных неизвестен")
    assert card.note in text
    _response, kazakh = page(client, director, "/dashboard/?period=2021-H1", "kk")
    assert "4 кітапхананың 2 бойынша" in kazakh


def test_a_fully_known_fund_says_nothing_of_parts(client, director, library, other_library, period):
    for lib in (library, other_library):
        FundSnapshot.objects.create(library=lib, date=period.start, copies=10, copies_kk=1)
    response, _text = page(client, director, "/dashboard/?period=2021-H1")
    card = next(c for c in response.context["cards"] if c.key == "fund")
    assert card.note == ""
