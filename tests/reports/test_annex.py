"""The statistical annex (reports.annex): a form's layout is a TOML file, its figures the
report's (figures.codes over the one figures reader), unknown never 0."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError, SystemCheckError
from docx import Document
from openpyxl import load_workbook

from branches.calendar import span_parse
from branches.handins import HandIn
from branches.models import Organization
from indicators.models import WorkLogEntry
from reports.annex.build import annex_build, annex_layout
from reports.annex.layout import LayoutError
from reports.builder import report_build
from reports.renderers.docx import render_docx
from reports.renderers.xlsx import render_xlsx_tables
from tests.recalc import ERRORS, recalculated

SHIPPED = "common_6nk_kz"

# A layout of one section: the ЦБС and each library as columns, a row per figure; the
# second row and the libraries' column are what the test adds without code.
USERS_LAYOUT = """\
title_ru = "Пробное приложение"
title_kk = "Сынақ қосымша"

[[section]]
ru = "Пользователи и посещения"
kk = "Пайдаланушылар мен келулер"
corner_ru = "Показатель"
corner_kk = "Көрсеткіш"

  [[section.column]]
  ru = "Всего по ЦБС"
  kk = "ОКЖ бойынша барлығы"
{extra_column}
  [[section.row]]
  ru = "Пользователей"
  kk = "Пайдаланушылар"
  figure = "users"
{extra_row}"""

LIBRARIES_COLUMN = """
  [[section.column]]
  scope = "libraries"
"""

VISITS_AND_LOANS_ROW = """
  [[section.row]]
  ru = "Посещений и выдач, с постоянной 10"
  kk = "Келулер мен берілім, тұрақты 10"
  figure = "visits + loans + 10"
"""


@pytest.fixture
def layouts(tmp_path, settings):
    settings.ANNEX_LAYOUTS_DIR = tmp_path
    return tmp_path


@pytest.fixture
def work_log(library, other_library, period):
    # The ЦГБ logged its work; ф№4 logged nothing: its figures are unknown, not 0.
    WorkLogEntry.objects.create(
        library=library, date=datetime.date(2021, 3, 1), users=7, visits=30, loans=50
    )


def _annex(organization, name, language="ru"):
    return annex_build(
        layout=annex_layout(name),
        organization=organization,
        span=span_parse(organization, "2021-H1"),
        language=language,
    )


def _grid(data, index=0):
    """[[caption, cell…]…] of a section's table, the header row first."""
    table = data.sections[index].tables()[0]
    return [[c.text for c in table.header[0]]] + [row.cells for row in table.rows]


def test_a_new_row_and_column_in_the_layout_file_appear_in_the_annex(
    layouts, organization, work_log
):
    (layouts / "trial.toml").write_text(
        USERS_LAYOUT.format(extra_column="", extra_row=""), encoding="utf-8"
    )
    assert _grid(_annex(organization, "trial")) == [
        ["Показатель", "Всего по ЦБС"],
        ["Пользователей", "7 (по 1 из 2 библиотек)"],
    ]
    (layouts / "trial.toml").write_text(
        USERS_LAYOUT.format(extra_column=LIBRARIES_COLUMN, extra_row=VISITS_AND_LOANS_ROW),
        encoding="utf-8",
    )
    data = _annex(organization, "trial")
    assert _grid(data) == [
        ["Показатель", "Всего по ЦБС", "ЦГБ", "ф№4"],
        ["Пользователей", "7 (по 1 из 2 библиотек)", 7, "нет данных"],
        # ф№4's visits and loans unknown: the sum says how much of it is known.
        ["Посещений и выдач, с постоянной 10", "90 (известно 2 из 4 слагаемых)", 90, "нет данных"],
    ]
    kazakh = _annex(organization, "trial", "kk")
    assert _grid(kazakh)[0] == ["Көрсеткіш", "ОКЖ бойынша барлығы", "ЦГБ", "ф№4"]
    assert _grid(kazakh)[1] == [
        "Пайдаланушылар",
        "7 (2 кітапхананың 1 кітапханасы бойынша)",
        7,
        "деректер жоқ",
    ]
    assert _grid(kazakh)[2][1] == "90 (4 қосылғыштың 2 қосылғышы бойынша)"
    # The same rows and columns in both files.
    sheet = load_workbook(io.BytesIO(render_xlsx_tables(data))).worksheets[0]
    values = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert [
        "Посещений и выдач, с постоянной 10",
        "90 (известно 2 из 4 слагаемых)",
        90,
        "нет данных",
    ] in values
    table = Document(io.BytesIO(render_docx(data))).tables[0]
    assert [c.text for c in table.rows[2].cells] == [
        "Посещений и выдач, с постоянной 10", "90 (известно 2 из 4 слагаемых)", "90", "нет данных"
    ]  # fmt: skip


RECEIPTS_LAYOUT = """\
title_ru = "Поступления"
title_kk = "Түсімдер"

[[section]]
ru = "Фонд"
kk = "Қор"

  [[section.column]]
  ru = "Поступило"
  kk = "Түсті"
  figure = "received"

  [[section.column]]
  ru = "Мероприятий"
  kk = "Іс-шаралар"
  figure = "events"

  [[section.row]]
  scope = "libraries"
"""


def test_nothing_entered_is_unknown_until_the_library_hands_the_half_year_in(
    layouts, organization, library, other_library, period
):
    (layouts / "receipts.toml").write_text(RECEIPTS_LAYOUT, encoding="utf-8")
    assert _grid(_annex(organization, "receipts"))[1:] == [
        ["ЦГБ", "нет данных", "нет данных"],
        ["ф№4", "нет данных", "нет данных"],
    ]
    HandIn.objects.create(library=library, period=period, state=HandIn.State.SUBMITTED)
    # Handed in, its data are complete: no receipt and no event is a real 0.
    assert _grid(_annex(organization, "receipts"))[1:] == [
        ["ЦГБ", 0, 0],
        ["ф№4", "нет данных", "нет данных"],
    ]


def test_a_layout_naming_an_unknown_figure_is_refused_at_start_up_with_its_file_and_line(
    layouts, db
):
    text = USERS_LAYOUT.format(extra_column="", extra_row=VISITS_AND_LOANS_ROW).replace(
        "visits + loans + 10", "visits + loans_in_braille"
    )
    path = layouts / "broken.toml"
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index('  figure = "visits + loans_in_braille"') + 1
    with pytest.raises(SystemCheckError) as refused:
        call_command("check")
    assert f"{path}:{line}: неизвестный код показателя «loans_in_braille»" in str(refused.value)
    assert "reports.E001" in str(refused.value)
    with pytest.raises(LayoutError, match=re.escape(f"{path}:{line}")):
        annex_layout("broken")


def test_a_layout_with_a_figure_in_both_a_row_and_a_column_is_refused(layouts, db):
    text = USERS_LAYOUT.format(extra_column='  figure = "visits"\n', extra_row="")
    (layouts / "both.toml").write_text(text, encoding="utf-8")
    with pytest.raises(LayoutError, match=r"both\.toml:4: в разделе .*показатель"):
        annex_layout("both")


def test_the_shipped_layouts_pass_the_start_up_check(db):
    call_command("check")  # raises SystemCheckError on a refused layout


# --- The demo's annex against the demo's report ---------------------------------------


@pytest.fixture
def demo(_demo_loaded, db):
    return Organization.objects.get(code="balkhash")


def _number(cell):
    """A cell's figure: the number, or the number a partial total starts with."""
    if isinstance(cell, int | float):
        return cell
    match = re.match(r"(\d+) \(", cell)
    return int(match.group(1)) if match else cell


def _by_name(table, first=1):
    return {row.cells[0]: row.cells[first:] for row in table.rows}


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_demo_annex_prints_the_reports_fund_users_visits_and_loans(demo, language):
    report = report_build(organization=demo, span=span_parse(demo, "2021-H1"), language=language)
    annex = _annex(demo, SHIPPED, language)
    unknown = {"ru": "нет данных", "kk": "деректер жоқ"}[language]
    over = {"ru": "%s (по 1 из 9 библиотек)", "kk": "%s (9 кітапхананың 1 кітапханасы бойынша)"}

    def over_some(value):
        return over[language] % value

    # The fund: start, received, of them in Kazakh, written off, of them in Kazakh, end,
    # of it in Kazakh (the report's table also gives the start in Kazakh). The demo's fund
    # is the ЦБС's, kept as the ЦГБ's: the report prints its total row alone; the annex
    # prints each library's row, and says that the total is known for one library.
    (report_total,) = report.section("resources").tables()[0].rows
    annex_fund = annex.sections[1].tables()[0].rows
    assert [row.cells[0] for row in annex_fund] == [
        *(library.abbreviation(language) for library in demo.libraries.order_by("order", "code")),
        report_total.cells[0],
    ]
    # Only the ЦГБ's figures are known: the others entered no receipts nor write-offs and
    # did not hand the half-year in (this demo is loaded without `--hand-in`).
    assert annex_fund[-1].cells[1:] == [
        over_some(283120),
        over_some(2035),
        over_some(1193),
        over_some(11837),
        over_some(956),
        over_some(273318),
        over_some(88068),
    ]
    report_figures = [report_total.cells[i] for i in (1, 3, 4, 5, 6, 7, 8)]
    assert [_number(cell) for cell in annex_fund[-1].cells[1:]] == report_figures
    assert annex_fund[0].cells[1:] == report_figures  # the ЦГБ's: known, a plain number
    assert annex_fund[1].cells[1:] == [unknown] * 7

    # Users (all, children, youth, remote), visits (all, events, remote), loans (all, Kazakh).
    control = report.section("control").tables()
    users_visits, loans = _by_name(control[-2]), _by_name(control[-1])
    annex_users = _by_name(annex.sections[3].tables()[0])
    annex_visits = _by_name(annex.sections[4].tables()[0])
    assert users_visits.keys() == annex_users.keys() == annex_visits.keys()
    for name in users_visits:
        assert annex_users[name] == users_visits[name][:4]
        assert annex_visits[name][:3] == users_visits[name][4:7]
        assert annex_visits[name][3:5] == loans[name][:2]
        assert annex_visits[name][5] == loans[name][5]  # references
    assert annex_visits[list(annex_visits)[-1]][:4] == [89835, 17943, 8959, 241423]

    # Captions in the report's language.
    assert annex.title.startswith({"ru": "Статистическое", "kk": "Статистикалық"}[language])
    assert annex.sections[1].title == {
        "ru": "2. Библиотечный фонд, экз.", "kk": "2. Кітапхана қоры, дана"
    }[language]  # fmt: skip


def test_the_demo_annex_xlsx_recalculates_to_what_it_prints(demo):
    content = render_xlsx_tables(_annex(demo, SHIPPED))
    printed = load_workbook(io.BytesIO(content))
    formulas = {
        (sheet.title, cell.coordinate)
        for sheet in printed.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith("=")
    }
    assert formulas  # the libraries' rows are summed where they add up
    cached = load_workbook(io.BytesIO(content), data_only=True)
    computed = recalculated(content)
    for sheet, coordinate in formulas:
        value = computed[sheet][coordinate]
        assert not (isinstance(value, str) and value.startswith(ERRORS)), (sheet, coordinate)
        assert value == cached[sheet][coordinate].value, (sheet, coordinate)


def test_build_annex_writes_the_kazakh_docx_of_the_shipped_layout(demo, tmp_path):
    path = tmp_path / "annex.docx"
    call_command(
        "build_annex", "--layout", SHIPPED, "--period", "2021-H1", "--format", "docx",
        "--language", "kk", "--output", str(path), stdout=io.StringIO(),
    )  # fmt: skip
    document = Document(str(path))
    assert len(document.tables) == 7  # section 7: the reference work (services)
    texts = [p.text for p in document.paragraphs]
    assert "4. Пайдаланушылар, адам" in texts
    users = document.tables[3]
    assert [c.text for c in users.rows[-1].cells] == [
        "ОКЖ бойынша барлығы",
        "16931",
        "6538",
        "4512",
        "821",
    ]


def test_build_annex_names_the_layouts_there_are_when_asked_for_another(demo, tmp_path):
    with pytest.raises(CommandError, match=f"нет такого макета; есть: .*{SHIPPED}"):
        call_command(
            "build_annex", "--layout", "6-nk-2030", "--period", "2021-H1", "--format", "xlsx",
            "--output", str(tmp_path / "annex.xlsx"),
        )  # fmt: skip


def test_a_layout_that_is_no_toml_is_refused_with_its_line(layouts, db):
    (layouts / "typo.toml").write_text('title_ru = "А"\ntitle_kk = "Ә"\n[[section]\n')
    with pytest.raises(LayoutError, match=r"typo\.toml:3: "):
        annex_layout("typo")
