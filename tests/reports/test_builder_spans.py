"""Spans beyond the seed's half-year: the next half, a year, nothing, a bare library."""

import datetime
import io

from docx import Document

from branches.calendar import span_parse
from branches.models import Library, ReportingPeriod
from events.models import OnlineFigures
from holdings.models import FundSnapshot
from reports.builder import report_build
from reports.renderers import render_docx
from tests.reports.seed_data import grow

D = datetime.date


def fund_total(report):
    table = report.section("resources").tables()[0]
    return table.rows[-1].cells[1:]


def test_the_second_half_starts_where_the_first_ended_to_the_copy(organization, second_half):
    first = report_build(organization=organization, span=span_parse(organization, "2021-H1"))
    second = report_build(organization=organization, span=span_parse(organization, "2021-H2"))
    start, start_kk = fund_total(second)[:2]
    end, end_kk = fund_total(first)[6:8]
    assert (start, start_kk) == (end, end_kk) == (273318, 88068)
    assert fund_total(second) == [273318, 88068, 500, 300, 18, 2, 273800, 88366]
    headers = [c.text for c in second.section("resources").tables()[0].header[0]]
    assert headers[1] == "Состояло на начало 2-го полугодия 2021"
    assert headers[4] == "Состоит на 01.01.2022"


def test_a_year_report_is_the_sum_of_its_halves(organization, second_half):
    year = report_build(organization=organization, span=span_parse(organization, "2021"))
    assert fund_total(year) == [283120, 87831, 2535, 1493, 11855, 958, 273800, 88366]
    assert year.subtitle == "за 2021 год"
    assert year.key_figures["online_events"] == 183
    assert year.key_figures["digitization_done"] == 213
    headers = [c.text for c in year.section("resources").tables()[0].header[0]]
    assert headers[1:] == [
        "Состояло на начало 2021 года", "Поступило за 2021 год",
        "Выбыло за 2021 год", "Состоит на 01.01.2022",
    ]  # fmt: skip


def test_a_period_with_no_data_builds_an_empty_report_with_notes(organization, library, period):
    report = report_build(organization=organization, span=span_parse(organization, "2021-H1"))
    assert fund_total(report) == [0] * 8
    assert report.section("local_history").tables()[0].rows[-1].cells == ["Всего", 0, 0]
    assert report.section("totals").blocks[0].text == (
        "Всего было проведено 0 онлайн-мероприятий, зафиксировано 0 подписчиков, "
        "0 просмотров, 0 публикаций."
    )
    assert "ЦГБ: за 1 полугодие 2021 года нет никаких данных." in [n.text for n in report.notes]


def test_a_library_with_only_an_opening_snapshot(organization, library, other_library, period):
    FundSnapshot.objects.create(
        library=other_library, date=D(2021, 1, 1), copies=900, copies_kk=400
    )
    report = report_build(organization=organization, span=span_parse(organization, "2021-H1"))
    table = report.section("resources").tables()[0]
    # One library's row would only repeat the total: the total alone is printed.
    assert [row.cells for row in table.rows] == [["Всего по ЦБС", 900, 400, 0, 0, 0, 0, 900, 400]]
    notes = [n.text for n in report.notes]
    assert any(
        t.startswith("ф№4: за 1 полугодие 2021 года нет данных, кроме остатка фонда") for t in notes
    )


def test_the_fund_table_has_a_row_per_library_once_two_have_a_fund(
    organization, library, other_library, period
):
    FundSnapshot.objects.create(library=library, date=D(2021, 1, 1), copies=1000, copies_kk=300)
    FundSnapshot.objects.create(
        library=other_library, date=D(2021, 1, 1), copies=900, copies_kk=400
    )
    report = report_build(organization=organization, span=span_parse(organization, "2021-H1"))
    table = report.section("resources").tables()[0]
    assert [row.cells for row in table.rows] == [
        ["ЦГБ", 1000, 300, 0, 0, 0, 0, 1000, 300],
        ["ф№4", 900, 400, 0, 0, 0, 0, 900, 400],
        ["Всего по ЦБС", 1900, 700, 0, 0, 0, 0, 1900, 700],
    ]


def test_an_inventory_that_disagrees_and_a_falling_catalogue_are_noted(
    organization, seeded, library
):
    from catalogue.models import CatalogueDatabase, RecordCount

    FundSnapshot.objects.create(
        library=library, date=D(2021, 7, 1), kind="inventory", copies=273300, copies_kk=88068
    )
    RecordCount.objects.filter(database=CatalogueDatabase.objects.get(code="sd")).filter(
        date=D(2021, 7, 1)
    ).update(records=70)
    report = report_build(organization=organization, span=span_parse(organization, "2021-H1"))
    notes = [n.text for n in report.notes if n.level == "warning"]
    assert any(
        "по инвентаризации фонд на 01.07.2021 – 273300" in t
        and "расхождение по инвентаризации -18" in t
        for t in notes
    )
    assert "ЭК «СД»: записей стало меньше – было 73, стало 70." in notes


def test_the_report_runs_a_fixed_number_of_queries(
    organization, seeded, library, other_library, django_assert_num_queries
):
    span = span_parse(organization, "2021-H1")
    # report_build's docstring lists the 38 (41 before the fund ledger).
    with django_assert_num_queries(38):
        report_build(organization=organization, span=span)
    grow(organization, library, other_library, n=41)
    Library.objects.create(organization=organization, code="f5", kind="branch", short_name="ф№5")
    with django_assert_num_queries(38):
        report_build(organization=organization, span=span)


def test_a_years_subscribers_are_the_count_at_its_end_not_a_sum(organization, second_half, library):
    """Views and posts add up over the halves; subscribers are counted at a moment."""
    h2 = ReportingPeriod.objects.get(organization=organization, year=2021, half=2)
    OnlineFigures.objects.create(
        library=library, period=h2, online_events=10, subscribers=26000, views=1000, posts=50
    )
    year = report_build(organization=organization, span=span_parse(organization, "2021"))
    assert year.key_figures["subscribers"] == 26000
    assert year.key_figures["views"] == 164785 + 1000
    assert year.key_figures["online_events"] == 183 + 10


def test_a_year_with_an_empty_half_says_so_once_per_section_and_dates_its_fund_where_data_end(
    organization, seeded
):
    """Issue 22, item 8: one note per section with figures, not a mark on every heading
    and sentence, and the fund dated where the data end (01.07, not 01.01 next year)."""
    ReportingPeriod.objects.create(organization=organization, year=2021, half=2)
    year = report_build(organization=organization, span=span_parse(organization, "2021"))
    said = "Данных за 2 полугодие 2021 года нет: цифры раздела — за остальные месяцы года."
    assert any(
        n.level == "warning" and n.text.startswith("За 2 полугодие 2021 года нет")
        for n in year.notes
    )
    resources = year.section("resources")
    assert resources.blocks[0].text == said
    assert [b.text for b in resources.blocks if getattr(b, "text", "") == said] == [said]
    assert resources.tables()[0].title == "Книжный фонд на 01.07.2021"
    assert resources.tables()[0].header[0][-1].text == "Состоит на 01.07.2021"
    totals = year.section("totals")
    assert totals.blocks[0].text == said
    assert totals.blocks[1].text.endswith("публикаций.")  # the sentence keeps its full stop
    # A section of lists only (no figure) gets no note.
    assert not [b for b in year.section("literary").blocks if getattr(b, "style", "") == "note"]
    kk = report_build(
        organization=organization, span=span_parse(organization, "2021"), language="kk"
    )
    assert (
        kk.section("resources")
        .blocks[0]
        .text.startswith("2021 жылдың 2-жартыжылдығы бойынша деректер жоқ")
    )
    document = Document(io.BytesIO(render_docx(year)))
    texts = [p.text for p in document.paragraphs]
    assert "Книжный фонд на 01.07.2021" in texts
    assert not [t for t in texts if "(нет данных" in t]
    assert any(t.startswith("! За 2 полугодие 2021 года нет никаких данных") for t in texts)


def test_a_year_with_both_halves_recorded_has_no_such_mark(organization, second_half):
    year = report_build(organization=organization, span=span_parse(organization, "2021"))
    resources = year.section("resources")
    assert resources.tables()[0].title == "Книжный фонд на 01.01.2022"
    assert not [b for b in resources.blocks if getattr(b, "style", "") == "note"]
