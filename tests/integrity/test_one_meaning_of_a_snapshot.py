"""One meaning of a state in any span: a half starts where the previous one ended and a
year ends where its second half ends, for every library and in total; a library
without any recorded state has an unknown fund, not zero; an inventory that
differs from the ledger is its own «расхождение по инвентаризации» figure."""

import datetime

import pytest

from branches.calendar import span_parse
from holdings.models import FundSnapshot, WriteOff, WriteOffReason
from holdings.selectors import fund_movement
from reportkit import sections as S
from reports.builder import report_build

D = datetime.date


@pytest.fixture
def branch_opening_in_july(organization, second_half, other_library):
    """ф№4 writes off in March with no recorded fund, then records 5000 on 01.07.2021."""
    WriteOff.objects.create(
        library=other_library, date=D(2021, 3, 10), reason=WriteOffReason.objects.get(code="wear"),
        copies=1000, copies_kk=60,
    )  # fmt: skip
    FundSnapshot.objects.create(
        library=other_library, date=D(2021, 7, 1), kind="opening", copies=5000, copies_kk=400
    )


def build(organization, code):
    return report_build(organization=organization, span=span_parse(organization, code))


def fund_table(report):
    return next(
        block
        for block in report.section(S.RESOURCES).blocks
        if getattr(block, "title", "").startswith("Книжный фонд")
    )


def test_a_year_ends_where_its_second_half_ends(organization, branch_opening_in_july):
    h1, h2, year = (build(organization, code) for code in ("2021-H1", "2021-H2", "2021"))
    assert year.key_figures["fund_end"] == h2.key_figures["fund_end"]
    assert year.key_figures["fund_end_kk"] == h2.key_figures["fund_end_kk"]
    assert h2.key_figures["fund_start"] == h1.key_figures["fund_end"]
    assert year.key_figures["fund_start"] == h1.key_figures["fund_start"]
    # ЦГБ's 273318 + 500 − 18 and ф№4's 5000 recorded on 01.07.
    assert year.key_figures["fund_end"] == 273800 + 5000


def test_every_library_starts_a_half_where_it_ended_the_previous_one(
    organization, branch_opening_in_july
):
    def movement(start, end):
        return fund_movement(organization=organization, start=start, end=end)

    h1 = movement(D(2021, 1, 1), D(2021, 6, 30))
    h2 = movement(D(2021, 7, 1), D(2021, 12, 31))
    year = movement(D(2021, 1, 1), D(2021, 12, 31))
    for first, second, whole in zip(h1.rows, h2.rows, year.rows, strict=True):
        assert (first.end, first.end_known) == (second.start, second.start_known)
        assert (whole.end, whole.end_known) == (second.end, second.end_known)
    assert h1.total.end == h2.total.start and year.total.end == h2.total.end


def test_a_library_without_a_recorded_fund_prints_unknown_and_is_asked_for_it(
    organization, branch_opening_in_july
):
    year = build(organization, "2021")
    rows = {row.cells[0]: row.cells for row in fund_table(year).rows}
    branch = rows["ф№4"]
    assert branch[1:3] == ["неизвестно", "неизвестно"]  # at the start of the year
    assert branch[-2:] == [5000, 400]  # at its end: the state recorded on 01.07
    assert any("ф№4: фонд на начало 2021 года неизвестен" in note.text for note in year.notes), [
        n.text for n in year.notes
    ]


def test_notes_never_compare_negative_figures(organization, branch_opening_in_july):
    for code in ("2021-H1", "2021"):
        texts = [note.text for note in build(organization, code).notes]
        assert not any("больше, чем всего (-" in text for text in texts), texts
        assert not any("(-" in text and "казахском" in text for text in texts), texts


def test_an_inventory_that_differs_is_its_own_column(organization, seeded, library):
    FundSnapshot.objects.create(
        library=library, date=D(2021, 5, 1), kind="inventory", copies=284000, copies_kk=88000
    )
    report = build(organization, "2021-H1")
    table = fund_table(report)
    assert "Расхождение по инвентаризации" in [cell.text for cell in table.header[0]]
    total = table.rows[-1].cells
    start, received, written, discrepancy, end = total[1], total[3], total[5], total[7], total[9]
    assert start + received - written + discrepancy == end
    # Received and written off are what was recorded: the inventory is not folded in.
    assert (received, written) == (2035, 11837)


def test_a_half_that_does_not_start_where_the_approved_one_ended_is_flagged(
    organization, second_half, other_library
):
    from branches.models import ReportingPeriod
    from reports.models import Report
    from reports.services import report_set_status
    from tests.handin.helpers import accept_every_handin

    report = Report.objects.create(
        organization=organization, period=ReportingPeriod.objects.get(year=2021, half=1)
    )
    accept_every_handin(report.period)  # the hand-in gate (#13) is not under test here
    report_set_status(report=report, status="submitted")
    report_set_status(report=Report.objects.get(pk=report.pk), status="approved")
    assert not any("утверждённый отчёт за предыдущее" in n.text
                   for n in build(organization, "2021-H2").notes)  # fmt: skip
    # A write-off of ф№4 (no recorded fund: it counts in the ЦБС's total) in an older,
    # still open half-year moves the total under the approved report.
    ReportingPeriod.objects.create(organization=organization, year=2020, half=2)
    WriteOff.objects.create(
        library=other_library, date=D(2020, 12, 10), reason=WriteOffReason.objects.get(code="wear"),
        copies=10, copies_kk=0,
    )  # fmt: skip
    notes = [n.text for n in build(organization, "2021-H2").notes]
    assert any(
        "утверждённый отчёт за предыдущее полугодие закончился на 273318" in text
        and "273308" in text
        for text in notes
    ), notes
