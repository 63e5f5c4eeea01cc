"""What a workbook shows and computes, as plain JSON data, to compare two renderers' files.

`snapshot(content)` reads an XLSX with openpyxl and keeps, sheet by sheet:
- every cell that holds something or is styled: its value (a formula's cached result),
  its formula, its number format, and its style (font where the cell holds a value,
  fill, borders, alignment);
- the merged ranges, each with the borders drawn along its four edges (what a merged
  range shows; the cells inside it are not compared);
- the column widths in pixels as a spreadsheet draws them, the row heights (an unset
  height is the default 15 pt), the frozen panes, the rows repeated on each printed
  page, the autofilter and the page setup.

`tests/reports/xlsx_reference/*.json` are the demo's workbooks (2021-H1 and 2021, ru
and kk) as the openpyxl renderer wrote them before the XLSX moved to XlsxWriter
(issue 28); `test_xlsx_cells.py` compares the current renderer's files with them. A
change that means to change what the XLSX shows regenerates them on purpose, as the
golden files (`python -m tests.golden.outputs` writes both), and the diff of the JSON
is part of the review:

    DATABASE_URL=sqlite:////tmp/golden.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/golden.sqlite3 .venv/bin/python manage.py load_demo
    DATABASE_URL=sqlite:////tmp/golden.sqlite3 .venv/bin/python -m tests.reports.xlsx_snapshot
"""

import datetime
import io
import json
import math
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries

REFERENCE = Path(__file__).resolve().parent / "xlsx_reference"
CASES = [(period, language) for period in ("2021-H1", "2021") for language in ("ru", "kk")]
# Excel's and LibreOffice's default row height for an 11 pt default font.
DEFAULT_ROW_HEIGHT = 15.0
# Pixels of the widest digit of the default font (Calibri 11): a column's width in
# characters is drawn as a whole number of pixels.
DIGIT_PIXELS = 7


def reference_path(period: str, language: str) -> Path:
    return REFERENCE / f"report-{period}-{language}.json"


def _rgb(color) -> str | None:
    """A colour as six hex digits; None for a theme or default colour (the text's own)."""
    if color is None or color.type != "rgb" or not isinstance(color.rgb, str):
        return None
    return color.rgb[-6:].upper()


def _side(side) -> list | None:
    if side is None or side.style is None:
        return None
    return [side.style, _rgb(side.color)]


def _style(cell, with_font: bool) -> dict:
    style = {}
    if with_font:
        font = cell.font
        style["font"] = [font.name, bool(font.b), bool(font.i), float(font.sz or 11)]
        if _rgb(font.color) not in (None, "000000"):
            style["font"].append(_rgb(font.color))
    fill = cell.fill
    if fill is not None and fill.fill_type:
        style["fill"] = [fill.fill_type, _rgb(fill.fgColor)]
    borders = {
        name: _side(getattr(cell.border, name)) for name in ("left", "right", "top", "bottom")
    }
    borders = {name: side for name, side in borders.items() if side}
    if borders:
        style["border"] = borders
    alignment = cell.alignment
    aligned = [alignment.horizontal, alignment.vertical, bool(alignment.wrap_text)]
    if aligned != [None, None, False]:
        style["align"] = aligned
    if cell.number_format != "General":
        style["format"] = cell.number_format
    return style


def _value(value):
    if value == "":
        return None  # an empty text and an empty cell look the same
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return value


def _pixels(width: float) -> int:
    """Excel's rule: a width of w characters is drawn trunc((256w + trunc(128/7)) / 256 × 7) px."""
    return math.trunc((256 * width + 128 // DIGIT_PIXELS) / 256 * DIGIT_PIXELS)


def _outline(sheet, ref: str) -> dict:
    """The borders drawn along each edge of a merged range: {edge: [side of each cell]}."""
    first_col, first_row, last_col, last_row = range_boundaries(ref)
    edges = {
        "top": [(first_row, c) for c in range(first_col, last_col + 1)],
        "bottom": [(last_row, c) for c in range(first_col, last_col + 1)],
        "left": [(r, first_col) for r in range(first_row, last_row + 1)],
        "right": [(r, last_col) for r in range(first_row, last_row + 1)],
    }
    return {
        edge: [_side(getattr(sheet.cell(r, c).border, edge)) for r, c in cells]
        for edge, cells in edges.items()
    }


def _sheet(formulas, cached, styles: dict[str, int]) -> dict:
    merged = sorted(str(r) for r in formulas.merged_cells.ranges)
    inside = set()
    for ref in merged:
        first_col, first_row, last_col, last_row = range_boundaries(ref)
        inside |= {
            (r, c)
            for r in range(first_row, last_row + 1)
            for c in range(first_col, last_col + 1)
            if (r, c) != (first_row, first_col)
        }
    cells = {}
    for row in formulas.iter_rows():
        for cell in row:
            if (cell.row, cell.column) in inside:
                continue
            written = cell.value
            value = _value(cached.cell(cell.row, cell.column).value)
            style = _style(cell, with_font=_value(written) is not None)
            if _value(written) is None and not style:
                continue
            formula = None
            if isinstance(written, str) and written.startswith("=") and cell.data_type == "f":
                formula = written
            key = json.dumps(style, sort_keys=True)
            if key not in styles:
                styles[key] = len(styles)
            cells[cell.coordinate] = [value, formula, styles[key]]
    heights = {
        str(number): dimension.height
        for number, dimension in formulas.row_dimensions.items()
        if dimension.height is not None and dimension.height != DEFAULT_ROW_HEIGHT
    }
    widths = {}
    for dimension in formulas.column_dimensions.values():
        if dimension.customWidth or dimension.width:
            for column in range(dimension.min or 1, (dimension.max or dimension.min or 1) + 1):
                widths[get_column_letter(column)] = _pixels(dimension.width)
    setup = formulas.page_setup
    margins = formulas.page_margins
    return {
        "cells": cells,
        "merged": {ref: _outline(formulas, ref) for ref in merged},
        "columns": dict(sorted(widths.items())),
        "rows": heights,
        "freeze": formulas.freeze_panes,
        "print_titles": formulas.print_title_rows,
        "autofilter": formulas.auto_filter.ref,
        "page": {
            "paper": str(setup.paperSize),
            "orientation": setup.orientation,
            "fit": [
                bool(formulas.sheet_properties.pageSetUpPr.fitToPage),
                # OOXML's default for either is 1 page: a file may leave it out.
                1 if setup.fitToWidth is None else setup.fitToWidth,
                1 if setup.fitToHeight is None else setup.fitToHeight,
            ],
            "margins": [
                margins.left,
                margins.right,
                margins.top,
                margins.bottom,
                margins.header,
                margins.footer,
            ],
            "gridlines": bool(formulas.print_options.gridLines),
        },
    }


def snapshot(content: bytes) -> dict:
    """{"sheets": [titles], "recalculate_on_load": bool, "styles": [...], "sheet": {title: {...}}}.

    A style is compared through the cells that wear it: two files whose styles are
    numbered in another order give other indices, so `differences` compares each
    cell's style itself (`resolved`)."""
    formulas = load_workbook(io.BytesIO(content))
    cached = load_workbook(io.BytesIO(content), data_only=True)
    styles: dict[str, int] = {}
    sheets = {
        sheet.title: _sheet(sheet, cached[sheet.title], styles) for sheet in formulas.worksheets
    }
    return {
        "sheets": formulas.sheetnames,
        "recalculate_on_load": bool(formulas.calculation.fullCalcOnLoad),
        # Each cell is [value, formula or null, index of its style here].
        "styles": [json.loads(key) for key in styles],
        "sheet": sheets,
    }


def resolved(shot: dict) -> dict:
    """The snapshot with each cell's style index replaced by the style itself."""
    styles = shot["styles"]
    sheets = {
        title: {
            **sheet,
            "cells": {
                ref: {"value": value, "formula": formula, **styles[style]}
                for ref, (value, formula, style) in sheet["cells"].items()
            },
        }
        for title, sheet in shot["sheet"].items()
    }
    return {**shot, "styles": None, "sheet": sheets}


def dumps(shot: dict) -> str:
    """JSON with a line per cell, merged range, column and row: a readable diff."""

    def dump(value, depth: int) -> str:
        if isinstance(value, dict) and depth < 4:
            pad = " " * (depth + 1)
            items = [
                f"{pad}{json.dumps(k, ensure_ascii=False)}: {dump(v, depth + 1)}"
                for k, v in value.items()
            ]
            return "{\n" + ",\n".join(items) + "\n" + " " * depth + "}" if items else "{}"
        if isinstance(value, list) and depth < 2:
            pad = " " * (depth + 1)
            items = [f"{pad}{dump(v, 99)}" for v in value]
            return "[\n" + ",\n".join(items) + "\n" + " " * depth + "]" if items else "[]"
        return json.dumps(value, ensure_ascii=False)

    return dump(shot, 0) + "\n"


def differences(new: dict, old: dict, limit: int = 40) -> list[str]:
    """What differs between two snapshots, as «where: old → new» lines (at most `limit`)."""
    found = []
    new, old = resolved(new), resolved(old)

    def compare(path: str, a, b):
        if len(found) >= limit:
            return
        if isinstance(a, dict) and isinstance(b, dict):
            for key in sorted(a.keys() | b.keys(), key=str):
                compare(f"{path}/{key}", a.get(key), b.get(key))
        elif (
            isinstance(a, float | int)
            and isinstance(b, float | int)
            and not (isinstance(a, bool) or isinstance(b, bool))
        ):
            if not math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9):
                found.append(f"{path}: {b!r} → {a!r}")
        elif a != b:
            found.append(f"{path}: {b!r} → {a!r}")

    compare("", new, old)
    return found


def write_references() -> None:
    """The demo's four workbooks, as the current renderer writes them, into REFERENCE."""
    from branches.calendar import span_parse
    from branches.models import Organization
    from reports.builder import report_build
    from reports.renderers import render_xlsx

    organization = Organization.objects.get(code="balkhash")
    REFERENCE.mkdir(exist_ok=True)
    for period, language in CASES:
        span = span_parse(organization, period)
        data = report_build(organization=organization, span=span, language=language)
        path = reference_path(period, language)
        path.write_text(dumps(snapshot(render_xlsx(data))), encoding="utf-8")
        print(path)


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cbs_reports.settings")
    if "SECRET_KEY" not in os.environ:  # a developer's machine, as manage.py has it
        os.environ.setdefault("DEBUG", "true")
    django.setup()
    write_references()
