"""A fund recorded for the first time inside a span is its own figure, «Фонд впервые
учтён», not an inventory discrepancy (issue 22, item 2): in the selector, the report's
table (every column adds up), the balance note and the hand-in checks."""

import datetime

import pytest
from django.utils import translation

from branches.calendar import span_parse
from branches.models import ReportingPeriod
from handin.checks import check_run
from holdings.models import FundingSource, FundSnapshot, Receipt
from holdings.selectors import Copies, fund_movement, period_fund_movement
from reports.builder import report_build
from tests.holdings.unknown_funds import unknown_funds

D = datetime.date


@pytest.fixture
def funds(organization, library, other_library):
    return unknown_funds(organization, library, other_library)


def test_a_first_opening_balance_is_first_recorded_not_a_discrepancy(organization, funds):
    period = ReportingPeriod.objects.get(organization=organization, year=2021, half=1)
    movement = period_fund_movement(period)
    sixth = next(row for row in movement.rows if row.library.short_name == "ф№6")
    assert (sixth.start_known, sixth.end_known) == (False, True)
    assert sixth.first_recorded == Copies(7000, 2500)
    assert sixth.discrepancy is None
    assert sixth.end == Copies(7000, 2500)
    assert movement.total.first_recorded == Copies(7000, 2500)
    assert movement.total.discrepancy is None
    assert (movement.with_first_recorded, movement.with_discrepancy) == (True, False)
    # Known from the start of the second half on: nothing first recorded there.
    second = ReportingPeriod.objects.get(organization=organization, year=2021, half=2)
    assert period_fund_movement(second).total.first_recorded is None


def test_first_recorded_is_the_state_less_the_movements_before_it(organization, library, period):
    """Copies received before the first state are in it: they are not counted twice;
    an inventory after the first state is a discrepancy of its own."""
    source = FundingSource.objects.get(code="gift")
    Receipt.objects.create(library=library, date=D(2021, 2, 1), source=source, copies=100)
    FundSnapshot.objects.create(library=library, date=D(2021, 4, 1), copies=1000)
    FundSnapshot.objects.create(library=library, date=D(2021, 6, 1), kind="inventory", copies=990)
    (row,) = fund_movement(organization=organization, start=D(2021, 1, 1), end=D(2021, 6, 30)).rows
    assert row.received == Copies(100, 0)
    assert row.first_recorded == Copies(900, 0)
    assert row.discrepancy == Copies(-10, 0)
    assert row.start + row.received - row.written_off + row.first_recorded + row.discrepancy == (
        row.end
    )
    assert row.end == Copies(990, 0)


def fund_table(organization, span: str, language: str = "ru"):
    report = report_build(
        organization=organization, span=span_parse(organization, span), language=language
    )
    return report, report.section("resources").tables()[0]


@pytest.mark.parametrize("span", ["2021-H1", "2021"])
def test_the_report_table_adds_up_in_every_row_and_column(organization, funds, span):
    report, table = fund_table(organization, span)
    heads = [cell.text for cell in table.header[0]][1:]
    assert heads[3] == "Фонд впервые учтён"
    assert "Расхождение по инвентаризации" not in heads
    rows = {row.cells[0]: row.cells[1:] for row in table.rows}
    assert rows["ф№6"][6:8] == [7000, 2500]
    assert rows["ЦГБ"][6:8] == [0, 0]
    total = rows["Всего по ЦБС"]
    for kk in (0, 1):
        start, received, off, first, end = total[kk::2]
        assert start + received - off + first == end
        for cells in rows.values():  # each known row adds up too
            if all(isinstance(v, int) for v in cells[kk::2]):
                assert cells[kk] + cells[2 + kk] - cells[4 + kk] + cells[6 + kk] == cells[8 + kk]
    for column in (2, 3, 4, 5, 6, 7):  # the columns every library knows
        assert (
            sum(cells[column] for name, cells in rows.items() if name != "Всего по ЦБС")
            == (total[column])
        )
    texts = [note.text for note in report.notes]
    assert not any("расхождение по инвентаризации" in t for t in texts if "ф№6" in t)
    assert any(t.startswith("Баланс фонда по ЦБС: 10000 + ") and "(фонд впервые учтён)" in t
               for t in texts)  # fmt: skip


def test_the_kazakh_table_names_the_column(organization, funds):
    with translation.override("kk"):
        _report, table = fund_table(organization, "2021", "kk")
    assert "Қор алғаш есепке алынды" in [cell.text for cell in table.header[0]]


def test_a_first_balance_raises_no_ledger_error_and_the_unknown_funds_are_asked_for(
    organization, funds
):
    period = ReportingPeriod.objects.get(organization=organization, year=2021, half=1)
    found = {}
    for result in check_run(period=period):
        found.setdefault(result.code, []).append(result)
    assert "ledger_identity" not in found
    assert sorted(r.library.short_name for r in found["unknown_fund"]) == ["ф№4", "ф№5"]
