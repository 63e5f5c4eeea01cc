"""Sections I and II of the report: figures, order, Kazakh, and the XLSX's formulas."""

import datetime
import io
import shutil
from decimal import Decimal

import pytest
from docx import Document
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from branches.calendar import span_parse
from branches.models import ReportingPeriod
from events.models import Event, EventForm, Initiative
from holdings.models import FundingSource, FundSnapshot, Receipt
from indicators.models import IndicatorPlan, LibraryState, StaffState, WorkLogEntry
from reportkit.data import Paragraph
from reports.builder import report_build
from reports.renderers.docx import render_docx
from reports.renderers.xlsx import render_xlsx
from tests.recalc import recalculated_file

D = datetime.date


@pytest.fixture
def figures(organization, library, other_library):
    for year in (2020, 2021):
        for half in (1, 2):
            ReportingPeriod.objects.get_or_create(organization=organization, year=year, half=half)
    log = WorkLogEntry.objects.create
    log(library=library, date=D(2021, 1, 15), users=10, visits=50, loans=100, loans_kk=40)
    log(library=library, date=D(2021, 3, 1), span="month", users=30, visits=210, loans=430)
    log(library=library, date=D(2020, 2, 10), users=20, visits=130, loans=500)
    log(library=other_library, date=D(2021, 2, 1), users=5, visits=20, loans=50)
    IndicatorPlan.objects.create(library=library, year=2021, users=100, visits=1000, loans=2000)
    IndicatorPlan.objects.create(library=other_library, year=2021, users=10, visits=100, loans=90)
    FundSnapshot.objects.create(library=library, date=D(2021, 1, 1), copies=5000)
    FundSnapshot.objects.create(library=other_library, date=D(2021, 1, 1), copies=700)
    Receipt.objects.create(
        library=library, date=D(2021, 5, 1), source=FundingSource.objects.first(), copies=300
    )
    LibraryState.objects.create(
        library=library, date=D(2021, 1, 1), population=1234, area=Decimal("980.5"), seats=120,
        seats_computers=20, seats_internet=18, computers=24, outreach_points=3,
    )  # fmt: skip
    LibraryState.objects.create(library=other_library, date=D(2020, 1, 1), population=766)
    StaffState.objects.create(
        library=library, date=D(2021, 1, 1), persons=9, posts=Decimal("8.75"),
        higher_education=5, secondary_education=3, age_under_30=2, age_30_55=6, age_over_55=1,
    )  # fmt: skip
    quiz, contest = EventForm.objects.order_by("order")[:2]
    parasat = Initiative.objects.order_by("order").first()
    event = Event.objects.create
    event(library=library, date=D(2021, 2, 3), title="Викторина", form=quiz, is_online=False,
          participants=25)  # fmt: skip
    event(library=library, date=D(2021, 3, 3), title="Онлайн-викторина", form=quiz,
          participants=40).initiatives.add(parasat)  # fmt: skip
    event(library=other_library, date=D(2021, 4, 3), title="Конкурс", form=contest,
          is_online=False, participants=12).initiatives.add(parasat)  # fmt: skip
    return span_parse(organization, "2021-H1")


def rows_of(table):
    return [row.cells for row in table.rows]


def test_sections_one_and_two_stand_before_three_and_four_after_it(organization, figures):
    data = report_build(organization=organization, span=figures)
    titles = [s.title for s in data.sections]
    assert titles[:4] == [
        "I. Библиотечная сеть",
        "II. Основные (контрольные) показатели",
        "III. Библиотечные ресурсы: формирование фонда документов ЦБС",
        "IV. Массовая работа",
    ]
    assert titles[4].startswith("V. ")


def test_section_two_prints_plan_done_percent_last_year_and_change(organization, figures):
    users, visits, loans, ratios, users_visits, loans_references = (
        report_build(organization=organization, span=figures).section("control").tables()
    )
    # The plans are the year's: their % says so, with the pace expected at mid-year.
    assert users.title == (
        "Пользователи: выполнение годового плана за 1 полугодие 2021 года (к середине года — 50 %)"
    )
    # plan, done, % of plan, last year, change
    assert rows_of(users) == [
        ["ЦГБ", 100, 40, 40.0, 20, 100.0],
        # ф№4 has no work-log row a year before: nothing to compare with, not 0.
        ["ф№4", 10, 5, 50.0, "нет данных", None],
        # A year before only ЦГБ has figures: the total says so, and has no change.
        ["Всего по ЦБС", 110, 45, 40.9, "20 (по 1 из 2 библиотек)", None],
    ]
    assert rows_of(visits) == [
        ["ЦГБ", 1000, 260, 26.0, 130, 100.0],
        ["ф№4", 100, 20, 20.0, "нет данных", None],
        ["Всего по ЦБС", 1100, 280, 25.5, "130 (по 1 из 2 библиотек)", None],
    ]
    assert rows_of(loans) == [
        ["ЦГБ", 2000, 530, 26.5, 500, 6.0],
        ["ф№4", 90, 50, 55.6, "нет данных", None],
        ["Всего по ЦБС", 2090, 580, 27.8, "500 (по 1 из 2 библиотек)", None],
    ]
    assert rows_of(ratios) == [
        # users, visits, loans, fund at 01.07, population, and the five ratios
        ["ЦГБ", 40, 260, 530, 5300, 1234, 13.3, 6.5, 0.1, 132.5, 3.2],
        ["ф№4", 5, 20, 50, 700, 766, 10.0, 4.0, 0.1, 140.0, 0.7],
        ["Всего по ЦБС", 45, 280, 580, 6000, 2000, 12.9, 6.2, 0.1, 133.3, 2.3],
    ]
    assert rows_of(users_visits)[0] == ["ЦГБ", 40, 0, 0, 0, 260, 0, 0]
    assert rows_of(loans_references)[0] == ["ЦГБ", 530, 40, 0, 0, 0, 0, 0]


def test_section_one_prints_the_network_and_the_staff(organization, figures):
    network, premises, staff = (
        report_build(organization=organization, span=figures).section("network").tables()
    )
    assert rows_of(network)[0] == [
        "ЦГБ", "центральная городская библиотека", "городская", None, 1234,
    ]  # fmt: skip
    assert rows_of(network)[-1] == ["Всего по ЦБС", None, None, None, 2000]
    assert rows_of(premises)[0] == ["ЦГБ", 980.5, 120, 20, 18, 24, 3]
    assert rows_of(premises)[1] == ["ф№4", 0.0, 0, 0, 0, 0, 0]  # a state of population only
    assert rows_of(premises)[-1] == ["Всего по ЦБС", 980.5, 120, 20, 18, 24, 3]
    assert rows_of(staff)[0] == ["ЦГБ", 9, 8.75, 5, 3, 2, 6, 1, 0, 0, 0]
    assert rows_of(staff)[1] == ["ф№4", *[None] * 10]


def test_the_kazakh_report_names_the_sections_and_columns_in_kazakh(organization, figures):
    data = report_build(organization=organization, span=figures, language="kk")
    assert data.section("control").title == "II. Негізгі (бақылау) көрсеткіштері"
    ratios = data.section("control").tables()[3]
    assert [cell.text for cell in ratios.header[0]][6:8] == ["Оқылым", "Келім"]
    document = Document(io.BytesIO(render_docx(data)))
    assert "I. Кітапханалар желісі" in [p.text for p in document.paragraphs]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_the_xlsx_formulas_recalculate_in_libreoffice_to_the_printed_values(
    organization, figures, other_library
):
    # ф№4's fund unknown: its обращаемость and документообеспеченность blank; the ЦБС's
    # divide the ЦБС's fund that section III prints.
    FundSnapshot.objects.filter(library=other_library).delete()
    data = report_build(organization=organization, span=figures)
    ratios = data.section("control").tables()[3]
    assert [row.cells[8:10] for row in ratios.rows] == [[0.1, 132.5], [None, None], [0.1, 117.8]]
    content = render_xlsx(data)
    sheet = load_workbook(io.BytesIO(content))["II Показатели"]
    cached = load_workbook(io.BytesIO(content), data_only=True)["II Показатели"]
    values = load_workbook(io.BytesIO(recalculated_file(content)), data_only=True)["II Показатели"]
    titles = {sheet.cell(r, 1).value: r for r in range(1, sheet.max_row + 1)}
    formulas = sums = unknown = as_values = 0
    for table in data.section("control").tables():
        first = titles[table.title] + 1 + len(table.header)
        for offset, row in enumerate(table.rows):
            for c, printed in enumerate(row.cells[1:], 2):
                letter = get_column_letter(c)
                formula = sheet.cell(first + offset, c).value
                if letter in table.formulas:
                    if formula == printed:  # it reads an unknown figure: printed, no formula
                        unknown += 1
                        continue
                    assert formula.startswith("=IF("), (table.title, letter)
                    formulas += 1
                elif row.kind == "total" and isinstance(printed, int | float):
                    parts = [r.cells[c - 1] for r in table.rows[:offset]]
                    if not all(isinstance(part, int | float) for part in parts):
                        # a part is a word (an unknown fund): the ЦБС's figure, no SUM
                        assert formula == pytest.approx(printed), (table.title, letter)
                        as_values += 1
                        continue
                    assert formula == f"=SUM({letter}{first}:{letter}{first + offset - 1})"
                    sums += 1
                else:
                    continue
                computed = values.cell(first + offset, c).value
                if printed is None:  # no plan, nothing last year: the formula's "" too
                    assert computed in ("", None), (table.title, letter, offset)
                else:
                    assert computed == pytest.approx(printed), (table.title, letter, offset)
                    # …and a viewer that does not recalculate shows the same figure.
                    assert cached.cell(first + offset, c).value == pytest.approx(printed)
    # % of plan and change for 3 figures, the 5 ratios, in 2 libraries' rows and the total;
    # but ф№4's обращаемость and документообеспеченность read its unknown fund, and the
    # change of ф№4 and of the total, 3 figures each, reads ф№4's «нет данных» last year.
    assert (formulas, unknown) == ((6 + 5) * 3 - 8, 8)
    # The totals of plan and done (2 × 3; last year's is over one library of two: words),
    # of the ratios' 4 figures known in every row, of the 14 parts; the ЦБС's fund (ф№4's
    # is a word) is the figure section III prints, as a value.
    assert (sums, as_values) == (6 + 4 + 14, 1)


def test_figures_that_need_a_look_get_a_note_in_section_two(organization, figures, library):
    from catalogue.models import VirtualReferences

    WorkLogEntry.objects.create(library=library, date=D(2021, 1, 20), users=3000, loans=1)
    period = ReportingPeriod.objects.get(organization=organization, year=2021, half=1)
    VirtualReferences.objects.create(library=library, period=period, count=5)
    other = WorkLogEntry.objects.get(date=D(2021, 2, 1))
    WorkLogEntry.objects.filter(pk=other.pk).update(loans=600)
    notes = [n.text for n in report_build(organization=organization, span=figures).section(
        "control"
    ).notes]  # fmt: skip
    assert notes == [
        "ЦГБ: посещений (260) меньше, чем пользователей (3040): каждый записавшийся хотя бы "
        "раз посетил библиотеку.",
        "ЦГБ: виртуальных справок (5) больше, чем всех справок в дневнике работы (0).",
        "ф№4: на пользователя выдано 120,0 документов (600 на 5) — больше 100. Проверьте "
        "число пользователей: пользователь учитывается один раз в году.",
    ]


def test_section_two_and_the_key_figures_read_one_figures_path(
    organization, figures, library, other_library
):
    from figures.reader import figures_read, library_figures

    reads = figures_read(
        organization=organization, span=figures, library_ids=[library.pk, other_library.pk]
    )
    per_library = {lib.pk: f.indicators for lib, f in library_figures(reads)}
    visits = report_build(organization=organization, span=figures).section("control").tables()[1]
    assert (
        [row.cells[2] for row in visits.rows[:2]]
        == [  # visits done
            per_library[library.pk].visits,
            per_library[other_library.pk].visits,
        ]
        == [260, 20]
    )


def test_the_report_runs_as_many_queries_with_a_hundred_times_the_indicators(
    organization, figures, library, other_library, django_assert_num_queries
):
    from branches.models import Library

    # report_build's docstring lists the 38; the base has periods here, whose
    # virtual references are read too.
    with django_assert_num_queries(39):
        report_build(organization=organization, span=figures)
    more = [
        Library.objects.create(
            organization=organization, code=f"x{i}", kind="branch", short_name=f"ф№{10 + i}"
        )
        for i in range(8)
    ]
    libraries = [library, other_library, *more]
    # Every third day of 2020 and 2021-H1 (none the fixture logged; March 2021, which ЦГБ
    # logged as one month's row, left out).
    days = [D(2020, 1, 1) + datetime.timedelta(days=n) for n in range(0, 540, 3)]
    WorkLogEntry.objects.bulk_create(
        WorkLogEntry(library=lib, date=day, users=1, visits=3, loans=5, references=1)
        for lib in libraries
        for day in days
        if (day.year, day.month) != (2021, 3)
    )
    for lib in libraries:
        for month in range(1, 13):
            LibraryState.objects.get_or_create(
                library=lib, date=D(2020, month, 1), defaults={"population": 1000 + month}
            )
            StaffState.objects.get_or_create(
                library=lib, date=D(2020, month, 1), defaults={"persons": 2, "posts": 2}
            )
        for year in (2020, 2022):
            IndicatorPlan.objects.get_or_create(
                library=lib, year=year, half=None, defaults={"users": 1, "visits": 1, "loans": 1}
            )
    assert WorkLogEntry.objects.count() > 100 * 4
    with django_assert_num_queries(39):
        data = report_build(organization=organization, span=figures)
    assert len(data.section("control").tables()[0].rows) == 10 + 1


def test_the_xlsx_rows_with_formulas_are_one_line_high(organization, figures):
    sheet = load_workbook(
        io.BytesIO(render_xlsx(report_build(organization=organization, span=figures)))
    )["II Показатели"]
    # Rows of figures only: a word («нет данных», «… (по 1 из 2 библиотек)») may wrap.
    formula_rows = {
        row[0].row
        for row in sheet.iter_rows()
        if any(str(c.value).startswith("=IF(") for c in row)
        and not any(isinstance(c.value, str) and not c.value.startswith("=") for c in row[1:])
    }
    assert formula_rows
    # No height of their own (XlsxWriter writes none equal to the default) is the sheet's
    # default row, one line of 15 pt.
    assert sheet.sheet_format.defaultRowHeight == 15
    assert {sheet.row_dimensions[r].height or 15 for r in formula_rows} == {15}


def test_a_second_halfs_ratios_divide_the_year_so_far_with_the_halfs_flows_beside(
    organization, figures, library
):
    """Issue 22, item 3: H2's users are the year's so far, so its посещаемость and
    читаемость divide the year's visits and loans so far, not the half's own; ф№4 logs
    nothing in H2: «нет данных», not 0."""
    log = WorkLogEntry.objects.create
    log(library=library, date=D(2021, 9, 1), users=5, visits=100, loans=200)
    data = report_build(organization=organization, span=span_parse(organization, "2021-H2"))
    tables = data.section("control").tables()
    users, ratios = tables[0], tables[3]
    assert [cell.text for cell in ratios.header[1]] == ["за полугодие", "с начала года"] * 2
    assert "Пользователей с начала года" in [c.text.replace("\u00ad", "") for c in ratios.header[0]]
    # users (year so far), visits: half, year; loans: half, year; fund; population;
    # читаемость 730 / 45, посещаемость 360 / 45, обращаемость 730 / 5300,
    # документообеспеченность 5300 / 45, охват 45 per 100 of 1234.
    assert rows_of(ratios)[0] == [
        "ЦГБ",
        45,
        100,
        360,
        200,
        730,
        5300,
        1234,
        16.2,
        8.0,
        0.1,
        117.8,
        3.6,
    ]
    assert rows_of(ratios)[1][:6] == ["ф№4", *["нет данных"] * 5]
    assert rows_of(users)[1][1:] == [10, "нет данных", None, "нет данных", None]
    footnote = [b.text for b in data.section("control").blocks if isinstance(b, Paragraph)][-1]
    assert "читаемость — документовыдача с начала года на пользователя" in footnote
    assert "посещаемость — посещения с начала года на пользователя" in footnote
