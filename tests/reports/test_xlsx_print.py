"""The report's XLSX as it prints (issue 25's read of the Kazakh demo rendered to PNG): a
sheet's first table's header repeats on each printed page only when that table is the
sheet's one table, never over another table's rows; a header row is as tall as its words."""

import io

import openpyxl
import pytest

from branches.calendar import span_parse
from reports.builder import report_build
from reports.renderers import render_xlsx
from tests.demo.conftest import demo  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def workbook(demo):  # noqa: F811
    data = report_build(organization=demo, span=span_parse(demo, "2021-H1"), language="kk")
    return openpyxl.load_workbook(io.BytesIO(render_xlsx(data)))


def test_a_header_repeats_on_printed_pages_only_over_its_own_tables_rows(workbook):
    # Section II: six tables over three pages; the plan table's header («жылдық жоспар»)
    # printed over the loans table's rows named their columns wrongly.
    indicators = workbook["II Көрсеткіштер"]
    titles = [cell.value for cell in indicators["A"]]
    assert "Салыстырмалы көрсеткіштер" in titles  # one of its later tables
    assert indicators.print_title_rows is None
    assert workbook["IV Бұқаралық жұмыс"].print_title_rows is None
    # One table over several pages: its header on each of them.
    assert workbook["Басылымдар"].print_title_rows == "$2:$2"
    assert workbook["Іс-шаралар тізімі"].print_title_rows == "$1:$1"


def test_a_header_row_is_as_tall_as_its_words_need(workbook):
    sheet = workbook["IV Бұқаралық жұмыс"]
    rows = {cell.value: cell.row for cell in sheet["A"] if isinstance(cell.value, str)}
    # «Аудитория | Іс-шаралар»: one line, not three (15 pt is the sheet's default height).
    audience = rows["Аудитория"]
    assert sheet.row_dimensions[audience].height in (None, 15)
    # «Онлайн форматта» takes two lines in its column: two lines tall, no more.
    assert sheet.row_dimensions[rows["Кітапхана"]].height == 30
    # A long header keeps the three lines it had («2020 жылдың 1-жартыжылдығы», «Қызмет
    # көрсету аймағының тұрғындары» in a 12-wide column).
    indicators = workbook["II Көрсеткіштер"]
    title = next(c.row for c in indicators["A"] if c.value == "Салыстырмалы көрсеткіштер")
    assert indicators.cell(title + 1, 6).value == "Қызмет көрсету аймағының тұрғындары"
    assert indicators.row_dimensions[title + 1].height == 45
    # «2020 жылдың 1-жартыжылдығы» in a 12-wide column: LibreOffice breaks the long word
    # over a third line, so the row keeps its three.
    plan = next(c.row for c in indicators["E"] if c.value == "2020 жылдың 1-жартыжылдығы")
    assert indicators.row_dimensions[plan].height == 45
