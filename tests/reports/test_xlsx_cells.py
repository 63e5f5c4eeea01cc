"""The report's XLSX shows and computes, cell by cell, what the openpyxl renderer wrote
before the move to XlsxWriter (issue 28): the demo's workbooks for 2021-H1 and 2021, in
Russian and Kazakh, against `tests/reports/xlsx_reference/*.json` (see `xlsx_snapshot`).

Each cell's value (a formula's cached result), formula, number format and style, the
merged ranges and their borders, column widths, row heights, frozen panes, print
titles, autofilter and page setup."""

import copy
import json

import pytest

from branches.calendar import span_parse
from reports.builder import report_build
from reports.renderers import render_xlsx
from tests.demo.conftest import demo  # noqa: F401
from tests.reports.xlsx_snapshot import CASES, differences, reference_path, snapshot

pytestmark = pytest.mark.django_db


def reference(period: str, language: str) -> dict:
    return json.loads(reference_path(period, language).read_text(encoding="utf-8"))


@pytest.mark.parametrize(("period", "language"), CASES)
def test_the_demo_workbook_is_the_reference_cell_by_cell(demo, period, language):  # noqa: F811
    data = report_build(organization=demo, span=span_parse(demo, period), language=language)
    assert differences(snapshot(render_xlsx(data)), reference(period, language)) == []


def test_the_comparison_sees_a_value_a_formula_a_format_a_merge_and_a_width():
    old = reference("2021-H1", "ru")
    new = copy.deepcopy(old)
    fund = new["sheet"]["III Фонд"]
    ref, (value, formula, style) = next(
        (ref, cell) for ref, cell in fund["cells"].items() if cell[1]
    )
    fund["cells"][ref] = [value + 1, formula + "+1", style]
    plain = next(i for i, s in enumerate(new["styles"]) if "format" not in s)
    dated = next(
        ref
        for ref, cell in new["sheet"]["Список мероприятий"]["cells"].items()
        if ref.startswith("A") and ref != "A1"
    )
    new["sheet"]["Список мероприятий"]["cells"][dated][2] = plain
    merged = new["sheet"]["I Сеть"]["merged"]
    merged.pop(next(iter(merged)))
    new["sheet"]["Сводка"]["columns"]["A"] += 7
    found = differences(new, old)
    assert any(f"/III Фонд/cells/{ref}/value" in line for line in found)
    assert any(f"/III Фонд/cells/{ref}/formula" in line for line in found)
    assert any(f"/Список мероприятий/cells/{dated}/format" in line for line in found)
    assert any("/I Сеть/merged/" in line for line in found)
    assert any("/Сводка/columns/A" in line for line in found)
