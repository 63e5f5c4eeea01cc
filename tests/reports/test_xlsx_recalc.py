"""The XLSX recalculates to what it prints (issue 22, item 1): every formula, once
LibreOffice has recalculated the file, gives the value the file caches (the value the
DOCX prints), and no cell shows an error. Skipped, saying why, without LibreOffice."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from branches.calendar import span_parse
from reports.builder import report_build
from reports.renderers import render_xlsx
from tests.demo.conftest import demo  # noqa: F401
from tests.holdings.unknown_funds import unknown_funds
from tests.recalc import disagreements_of, formula_cells, recalculated, require_soffice

pytestmark = pytest.mark.django_db


def xlsx(organization, span: str, language: str = "ru") -> bytes:
    data = report_build(
        organization=organization, span=span_parse(organization, span), language=language
    )
    return render_xlsx(data)


def test_the_helper_sees_a_formula_whose_cached_value_is_wrong():
    """Without this, a LibreOffice that kept the cached values would pass every test."""
    require_soffice()
    book = Workbook()
    sheet = book.active
    sheet["A1"], sheet["A2"], sheet["A3"] = 2, 3, "=A1+A2"
    sheet["B1"] = "=A1/0"
    saved = io.BytesIO()
    book.save(saved)
    computed = recalculated(saved.getvalue())[sheet.title]
    assert computed["A3"] == 5
    assert computed["B1"] == "#DIV/0!"


def test_the_demo_recalculates_to_what_it_prints(demo):  # noqa: F811
    """The half-year and the year, recalculated by one LibreOffice (it takes seconds to start)."""
    contents = {span: xlsx(demo, span) for span in ["2021-H1", "2021"]}
    for span, content in contents.items():
        assert sum(len(refs) for refs in formula_cells(content).values()) > 50, span
    assert disagreements_of(contents) == {span: [] for span in contents}


def test_unknown_and_first_recorded_funds_recalculate_to_what_is_printed(
    organization, library, other_library
):
    """Two libraries of unknown fund, one first recorded on 01.07.2021, and 2022 with
    only its first half: the fund table's totals stay the ЦБС's (the saved value), not
    a SUM of the known libraries only, and no audit formula gives #VALUE!. Every span
    recalculated by one LibreOffice."""
    unknown_funds(organization, library, other_library)
    contents = {span: xlsx(organization, span) for span in ["2021-H1", "2021-H2", "2021", "2022"]}
    assert disagreements_of(contents) == {span: [] for span in contents}


def fund_sheet(content: bytes, data_only: bool):
    return load_workbook(io.BytesIO(content), data_only=data_only)["III Фонд"]


def test_a_column_with_unknown_funds_keeps_its_printed_total(organization, library, other_library):
    """No LibreOffice needed: which cells are formulas and which are values."""
    unknown_funds(organization, library, other_library)
    content = xlsx(organization, "2021")
    formulas, cached = fund_sheet(content, False), fund_sheet(content, True)
    rows = {sheet_row[0].value: sheet_row for sheet_row in formulas.iter_rows(min_row=5)}
    total = rows["Всего по ЦБС"]
    # B (start) and J (end) have «неизвестно» above them: the printed figure, no formula.
    assert [total[1].value, total[9].value] == [10000, 17195]
    # D (received) has numbers only: a SUM, cached.
    assert total[3].value == "=SUM(D5:D8)"
    assert cached.cell(total[3].row, 4).value == 815
    # The audit columns: a formula where the row's figures are known, empty where not.
    # (columns B–K and a blank L; the audit columns are M and N)
    assert rows["ЦГБ"][12].value == "=B5+D5-F5+H5"
    assert rows["ф№4"][12].value is None
    assert total[12].value == "=B9+D9-F9+H9"
    assert cached.cell(total[12].row, 13).value == 17195
