"""ReportData -> XLSX: a summary sheet, a sheet per section, the events, a sheet of checks.

Numbers are stored as numbers. A table's total row is =SUM() over its data rows
and the fund table gets formula columns end = start + received − written off;
a table's formula columns (section II's % of plan, change and ratios) are
formulas over the same row's figures in every row, the total row included.
A formula is written only where it recalculates to what the report prints: every
cell it reads holds a number (a word such as «неизвестно» or «нет данных» would
give #VALUE! or be skipped by SUM) and, for a total, its data rows add up to the
printed total (a ЦБС's fund counts the movements of libraries whose own fund is
unknown). Otherwise the cell holds the printed figure or word, as in the DOCX,
and an audit column is left empty in that row.
openpyxl writes formulas without their results, and a viewer that does not
recalculate would show them blank: each formula gets its computed value written
beside it in the file (`_cache_results`), and the workbook asks to be
recalculated on opening. The events are a sheet of their own, one row each.
"""

import datetime
import io
import math
import re
import zipfile
from copy import copy
from functools import partial

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.writer.excel import ExcelWriter

from dataio.cells import texts_not_formulas
from figures.reader import figure_label
from reportkit.data import OMITTED, ItemList, Paragraph, ReportData, Section, Table

THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="E7E6E6")
AUDIT_FONT = Font(italic=True, color="555555")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
TOP = Alignment(vertical="top")
# Free text spans columns A–F: A is 40 characters wide, B–F at least 12 each.
TEXT_COLUMNS = 6
LABEL_WIDTH = 40
# Characters of Times New Roman 11 per unit of column width (a unit is a digit of the
# default font); measured in LibreOffice at about 1.7, kept lower so that Excel, whose
# metrics differ, still shows every line: a row a little too tall, never cut off.
CHARS_PER_WIDTH = 1.25
# Wider tables (in width units) print landscape: portrait A4 would shrink them to fit.
PORTRAIT_CHARS = 100
SHEET_NAMES = {
    "network": gettext_lazy("I Сеть"),
    "control": gettext_lazy("II Показатели"),
    "resources": gettext_lazy("III Фонд"),
    "mass_work": gettext_lazy("IV Массовая работа"),
    "local_history": gettext_lazy("V Оцифровка"),
    "bibliography": gettext_lazy("VI Каталог"),
    "publishing": gettext_lazy("Издания"),
    "media": gettext_lazy("СМИ"),
    "events": gettext_lazy("Мероприятия"),
    "totals": gettext_lazy("Итоги"),
}


def _merge_cells(sheet, *, start_row: int, start_column: int, end_row: int, end_column: int):
    """`sheet.merge_cells` in time proportional to the merged cells.

    openpyxl checks each new merge against every earlier one (quadratic in the
    merges; this writer never merges a cell twice), and copies the top-left cell's
    borders and protection to every merged cell even when there are none.
    """
    first, last = get_column_letter(start_column), get_column_letter(end_column)
    merged = MergedCellRange(sheet, f"{first}{start_row}:{last}{end_row}")
    sheet.merged_cells.ranges.add(merged)
    style = merged.start_cell._style
    if style and (style.borderId or style.protectionId):
        _draw_merged_borders(sheet, merged)
        return
    cells = merged.cells
    next(cells)  # the top-left cell keeps its value
    for row, column in cells:
        sheet._cells[row, column] = MergedCell(sheet, row, column)


class _Styles:
    """Cell styles composed once per workbook and copied to every cell that wears them.

    Assigning a Font, Border or Alignment to a cell makes openpyxl hash it and look
    it up in the workbook's list; for 20,000 events × 9 columns that was most of the
    XLSX's time. The first cell of a kind gets the attributes the usual way; the
    others get a copy of its style indices (`cell._style`)."""

    def __init__(self):
        self.arrays: dict[str, StyleArray] = {}

    def apply(self, cell, kind: str, **attributes) -> None:
        array = self.arrays.get(kind)
        if array is None:
            for name, value in attributes.items():
                setattr(cell, name, value)
            self.arrays[kind] = copy(cell._style)
        else:
            cell._style = copy(array)


def _styles(sheet) -> _Styles:
    """The workbook's style cache (its indices are the workbook's own)."""
    workbook = sheet.parent
    if not hasattr(workbook, "_report_styles"):
        workbook._report_styles = _Styles()
    return workbook._report_styles


EDGES = ("top", "left", "right", "bottom")


def _draw_merged_borders(sheet, merged: MergedCellRange) -> None:
    """openpyxl's `_clean_merge_range`, the same cells with the same styles: every cell
    of the range but the first becomes a MergedCell, and each cell on an edge gets the
    first cell's border of that edge. openpyxl adds each border to each cell (a hash
    and a look-up every time); here a cell's style after adding an edge is worked out
    once per workbook and copied."""
    start = merged.start_cell
    cells = merged.cells
    next(cells)
    for row, column in cells:
        sheet._cells[row, column] = MergedCell(sheet, row, column)
    styles = _styles(sheet).arrays
    for name in EDGES:
        side = getattr(start.border, name)
        if side and side.style is None:
            continue  # openpyxl draws no side without a style
        border = Border(**{name: side})
        for coord in getattr(merged, name):
            cell = sheet._cells[coord]
            kind = ("edge", name, start._style.borderId, tuple(cell._style or ()))
            if kind in styles:
                cell._style = copy(styles[kind])
            else:
                cell.border += border
                styles[kind] = copy(cell._style)


def _sheet(workbook, title: str | None = None):
    sheet = workbook.active if title is None else workbook.create_sheet(title)
    sheet.merge_cells = partial(_merge_cells, sheet)
    return sheet


def render_xlsx(data: ReportData) -> bytes:
    with translation.override(data.language):
        workbook = Workbook()
        summary = _sheet(workbook)
        _summary_sheet(summary, data)
        groups: dict[str, list[Section]] = {}
        current = None
        for section in data.sections:
            if section.level == 1 or current is None or section.code in SHEET_NAMES:
                current = section.code
            groups.setdefault(current, []).append(section)
        formulas: set[tuple[str, str]] = set()
        for code, sections in groups.items():
            sheet = _sheet(workbook, str(SHEET_NAMES.get(code, code))[:31])
            writer = _SheetWriter(sheet)
            writer.write(sections)
            formulas |= writer.formulas
        _events_sheet(_sheet(workbook, _("Список мероприятий")), data)
        _notes_sheet(_sheet(workbook, _("Проверки")), data)
        _use_font(workbook)
        workbook.calculation.fullCalcOnLoad = True
        # A title or narrative that starts with "=" is text; only our totals and checks compute.
        texts_not_formulas(workbook, formulas)
        return _cache_results(_saved_uncompressed(workbook), workbook)


# The formulas' computed results, per sheet: {"B7": 56521}.
CACHED = "_report_cached"
FORMULA_CELL = re.compile(
    r'<c r="(?P<ref>[A-Z]+\d+)"(?P<attrs>[^>]*)><f>(?P<f>[^<]*)</f><v\s*/?>(?:</v>)?'
)


def _saved_uncompressed(workbook) -> bytes:
    """`workbook.save()` into a ZIP that is not compressed: `_cache_results` rewrites
    the file anyway and compresses it then, once."""
    buffer = io.BytesIO()
    workbook.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).save()
    return buffer.getvalue()


def _cache_results(content: bytes, workbook) -> bytes:
    """Write each formula's result into the saved file, so a viewer that does not
    recalculate shows the figure, not a blank; compressed as openpyxl would."""
    source = zipfile.ZipFile(io.BytesIO(content))
    output = io.BytesIO()
    sheets = {f"xl/worksheets/sheet{n}.xml": ws for n, ws in enumerate(workbook.worksheets, 1)}
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            cached = getattr(sheets.get(item.filename), CACHED, None)
            if cached:

                def fill(match, cached=cached):
                    value = cached.get(match["ref"])
                    if value is None:
                        return match[0]
                    ref, attrs, formula = match["ref"], match["attrs"], match["f"]
                    return f'<c r="{ref}"{attrs}><f>{formula}</f><v>{value}</v>'

                data = FORMULA_CELL.sub(fill, data.decode()).encode()
            item.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(item, data)
    return output.getvalue()


def _remember(sheet, ref: str, value) -> None:
    if not hasattr(sheet, CACHED):
        setattr(sheet, CACHED, {})
    getattr(sheet, CACHED)[ref] = value


EVENT_COLUMNS = [
    (gettext_lazy("Дата"), 11),
    (gettext_lazy("Библиотека"), 11),
    (gettext_lazy("Форма"), 18),
    (gettext_lazy("Название"), 60),
    (gettext_lazy("Платформы"), 18),
    (gettext_lazy("Инициативы, программы"), 24),
    (gettext_lazy("Участников"), 11),
    (gettext_lazy("Просмотров"), 11),
    (gettext_lazy("Ссылка"), 30),
]


def _events_sheet(sheet, data: ReportData) -> None:
    """Every event of the span as a table a methodologist can filter and sort."""
    sheet.append([str(title) for title, _width in EVENT_COLUMNS])
    for cell in sheet[1]:
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = CENTER
        cell.border = BORDER
    # The row number is counted and cells are taken one by one: openpyxl's `max_row`
    # and `sheet[row]` scan every cell, which made this loop quadratic in the events
    # (minutes for 20,000).
    styles = _styles(sheet)
    row_number = 1
    for values in data.event_rows:
        row = list(values)
        row[0] = datetime.date.fromisoformat(row[0]) if row[0] else None
        sheet.append(row)
        row_number += 1
        lines = 1
        for column, (_title, width) in enumerate(EVENT_COLUMNS, 1):
            cell = sheet.cell(row_number, column)
            if column == 1:
                styles.apply(
                    cell, "event date", border=BORDER, alignment=WRAP, number_format="DD.MM.YYYY"
                )
            else:
                styles.apply(cell, "event", border=BORDER, alignment=WRAP)
            if isinstance(cell.value, str):
                lines = max(lines, len(cell.value) // int(width * CHARS_PER_WIDTH) + 1)
        sheet.row_dimensions[row_number].height = 15 * lines
    for index, (_title, width) in enumerate(EVENT_COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    last = get_column_letter(len(EVENT_COLUMNS))
    sheet.auto_filter.ref = f"A1:{last}{max(sheet.max_row, 2)}"
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    _print_setup(sheet, landscape=True)


def _use_font(workbook, name: str = "Times New Roman") -> None:
    """One typeface for the whole workbook, as in the DOCX.

    Each distinct font is renamed once and cells get its index: assigning a Font
    object hashes and compares it with the workbook's fonts, for every cell.
    """
    renamed: dict[int, int] = {}
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    if not cell._style:
                        cell._style = StyleArray()
                    font_id = cell._style.fontId
                    if font_id not in renamed:
                        font = copy(workbook._fonts[font_id])
                        font.name = name
                        renamed[font_id] = workbook._fonts.add(font)
                    cell._style.fontId = renamed[font_id]


def _print_setup(sheet, landscape: bool = False) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = False
    sheet.page_margins.left = sheet.page_margins.right = 0.6


def _summary_sheet(sheet, data: ReportData) -> None:
    sheet.title = _("Сводка")
    sheet["A1"] = data.title
    sheet["A2"] = data.organization_name
    sheet["A3"] = data.subtitle
    for cell in ("A1", "A2", "A3"):
        sheet[cell].font = BOLD
    sheet["A5"], sheet["B5"] = _("Показатель"), _("Значение")
    for cell in ("A5", "B5"):
        sheet[cell].font = BOLD
        sheet[cell].fill = HEADER_FILL
        sheet[cell].border = BORDER
    row = 6
    for key, value in data.key_figures.items():
        sheet.cell(row, 1, str(figure_label(key))).border = BORDER
        cell = sheet.cell(row, 2, value)
        cell.border = BORDER
        if isinstance(value, float):
            cell.number_format = "0.0"
        row += 1
    sheet.column_dimensions["A"].width = 45
    sheet.column_dimensions["B"].width = 16
    sheet.freeze_panes = "A6"
    sheet.print_title_rows = "5:5"
    _print_setup(sheet)


def _notes_sheet(sheet, data: ReportData) -> None:
    levels = {
        "error": _("ошибка"),
        "warning": _("внимание"),
        "info": _("сверка"),
        "untranslated": _("не переведено"),
        OMITTED: _("не переведено"),
    }
    sheet.append([_("Вид"), _("Раздел"), _("Замечание")])
    for cell in sheet[1]:
        cell.font = BOLD
        cell.fill = HEADER_FILL
    titles = {s.code: s.title for s in data.sections}
    for note in data.notes:
        sheet.append([levels.get(note.level, note.level), titles.get(note.section, ""), note.text])
        sheet.cell(sheet.max_row, 3).alignment = WRAP
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 30
    sheet.column_dimensions["C"].width = 100
    sheet.freeze_panes = "A2"
    _print_setup(sheet, landscape=True)


class _SheetWriter:
    def __init__(self, sheet):
        self.sheet = sheet
        self.formulas: set[tuple[str, str]] = set()  # ours: the audit rows and columns
        self.row = 1
        # Column A is a 40-character label column unless a table's first column is a
        # narrow one (the publications' «№»); then figure labels span A–B.
        self.widths: dict[int, float] = {}
        self.frozen = False
        self.landscape = False

    def write(self, sections: list[Section]) -> None:
        for section in sections:
            if section.level > 1 and section.is_empty:
                continue
            if section.heading:
                cell = self.sheet.cell(self.row, 1, section.title)
                cell.font = Font(bold=True, size=13 if section.level == 1 else 11)
                self.row += 1
            for part in section.narrative_before:
                self.text(part, italic=True)
            # Tables first: their header rows are the ones frozen at the top.
            for block in sorted(section.blocks, key=lambda b: not isinstance(b, Table)):
                if isinstance(block, Table):
                    self.table(block)
                elif isinstance(block, ItemList):
                    self.item_list(block)
                elif isinstance(block, Paragraph):
                    self.paragraph(block)
            for part in section.narrative_after:
                self.text(part, italic=True)
            self.row += 1
        self.widths.setdefault(1, LABEL_WIDTH)
        for column in range(2, TEXT_COLUMNS + 1):
            self.widths[column] = max(self.widths.get(column, 0), 12)
        for column, width in self.widths.items():
            self.sheet.column_dimensions[get_column_letter(column)].width = width
        _print_setup(self.sheet, landscape=self.landscape)

    def text(self, text: str, italic: bool = False, bold: bool = False) -> None:
        """Text across columns A–F, a row per paragraph, tall enough for its lines."""
        for part in [p.strip() for p in text.split("\n\n") if p.strip()] or [""]:
            cell = self.sheet.cell(self.row, 1, part)
            _styles(self.sheet).apply(
                cell, f"text {italic} {bold}", alignment=WRAP, font=Font(italic=italic, bold=bold)
            )
            self._merge_wide(part)
            self.row += 1

    def _merge_wide(self, text: str) -> None:
        self.sheet.merge_cells(
            start_row=self.row, start_column=1, end_row=self.row, end_column=TEXT_COLUMNS
        )
        width = sum(self.widths.get(c, 12) for c in range(1, TEXT_COLUMNS + 1))
        per_line = int(max(width, LABEL_WIDTH + 12 * (TEXT_COLUMNS - 1)) * CHARS_PER_WIDTH)
        lines = sum(len(line) // per_line + 1 for line in text.split("\n"))
        self.sheet.row_dimensions[self.row].height = 15 * max(1, lines)

    def paragraph(self, block: Paragraph) -> None:
        if not block.figures:
            self.text(block.text, bold=block.style == "heading")
            return
        # A sentence with figures: one row per figure, label | value | unit | of which in Kazakh.
        # Every cell of the row top-aligned, so a value sits beside its wrapped label.
        label_columns = 2 if self.widths.get(1, LABEL_WIDTH) < LABEL_WIDTH / 2 else 1
        label_width = sum(self.widths.get(c, LABEL_WIDTH) for c in range(1, label_columns + 1))
        for figure in block.figures:
            self.sheet.cell(self.row, 1, figure.label).alignment = WRAP
            if label_columns > 1:
                self.sheet.merge_cells(
                    start_row=self.row, start_column=1, end_row=self.row, end_column=label_columns
                )
            lines = len(figure.label) // int(label_width * CHARS_PER_WIDTH) + 1
            self.sheet.row_dimensions[self.row].height = 15 * lines
            column = label_columns + 1
            value = self.sheet.cell(self.row, column, figure.value)
            value.alignment = TOP
            if isinstance(figure.value, float):
                value.number_format = "0.0"
            self.sheet.cell(self.row, column + 1, figure.unit).alignment = TOP
            if figure.value_kk is not None:
                self.sheet.cell(self.row, column + 2, _("в т.ч. на каз. яз.")).alignment = TOP
                self.sheet.cell(self.row, column + 3, figure.value_kk).alignment = TOP
            self.row += 1
        self.widths[label_columns + 3] = max(self.widths.get(label_columns + 3, 0), 18)

    def item_list(self, block: ItemList) -> None:
        if block.title:
            self.text(block.title, bold=True)
        for number, item in enumerate(block.items, 1):
            text = f"{number}. {item}" if block.numbered else f"• {item}"
            _styles(self.sheet).apply(self.sheet.cell(self.row, 1, text), "item", alignment=WRAP)
            self._merge_wide(text)
            self.row += 1

    def table(self, block: Table) -> None:
        sheet = self.sheet
        if block.title:
            sheet.cell(self.row, 1, block.title).font = BOLD
            self.row += 1
        columns = max(sum(c.colspan for c in line) for line in block.header)
        # Column widths in characters: the first (names) wider, the others by their share.
        relative = block.widths or [1] * columns
        # A names column is at least the sheet's label width; a «№» column stays narrow.
        first = 20 * relative[0]
        widths = [max(first, LABEL_WIDTH) if relative[0] >= 1 else first]
        widths += [12 * w for w in relative[1:]]
        top = self.row
        for r, c, head in block.header_grid():
            # A soft hyphen marks where the DOCX may break a long word: not a spreadsheet's.
            cell = sheet.cell(top + r, c + 1, head.text.replace("\u00ad", ""))
            for dr in range(head.rowspan):
                for dc in range(head.colspan):
                    part = sheet.cell(top + r + dr, c + dc + 1)
                    if (dr, dc) == (0, 0):
                        continue  # the cell with the text: styled whole below
                    _styles(sheet).apply(part, "header part", border=BORDER, fill=HEADER_FILL)
            _styles(sheet).apply(
                cell, "header", border=BORDER, fill=HEADER_FILL, font=BOLD, alignment=CENTER
            )
            if head.rowspan > 1 or head.colspan > 1:
                sheet.merge_cells(
                    start_row=top + r,
                    start_column=c + 1,
                    end_row=top + r + head.rowspan - 1,
                    end_column=c + head.colspan,
                )
        for r in range(len(block.header)):
            sheet.row_dimensions[top + r].height = 45 if r == 0 else 30
        for offset, audit in enumerate(block.audit, 2):
            head = sheet.cell(top, columns + offset, audit.title)
            head.font = AUDIT_FONT
            head.alignment = CENTER
        self.row = top + len(block.header)
        if not self.frozen:
            sheet.freeze_panes = sheet.cell(self.row, 2)
            sheet.print_title_rows = f"{top}:{self.row - 1}"
            self.frozen = True
        first_data = self.row
        data_rows: list[list] = []  # the cells of the rows a total sums
        for row in block.rows:
            if row.kind == "group":
                cell = sheet.cell(self.row, 1, row.cells[0])
                cell.font = BOLD
                cell.alignment = CENTER
                for c in range(1, columns + 1):
                    sheet.cell(self.row, c).border = BORDER
                sheet.merge_cells(
                    start_row=self.row, start_column=1, end_row=self.row, end_column=columns
                )
                self.row += 1
                continue
            lines = 1
            for c, value in enumerate(row.cells, 1):
                expression = block.formulas.get(get_column_letter(c))
                printed = value
                if expression:
                    value = self._row_formula(expression, c, value, row.cells)
                cell = sheet.cell(self.row, c, value)
                kind = f"table {bool(expression)} {row.kind == 'total'}"
                attributes = {"border": BORDER, "alignment": WRAP}
                if expression:
                    attributes["number_format"] = "0.0"
                if row.kind == "total":
                    attributes["font"] = BOLD
                _styles(sheet).apply(cell, kind, **attributes)
                if isinstance(printed, str):  # a formula's text takes no lines
                    per_line = max(1, int(widths[c - 1] * CHARS_PER_WIDTH))
                    lines = max(lines, len(printed) // per_line + 1)
            sheet.row_dimensions[self.row].height = 15 * lines
            if row.kind == "total":
                self._total_formulas(block, row, first_data, data_rows)
            else:
                data_rows.append(row.cells)
            self._audit_columns(block, row, columns)
            self.row += 1
        for c, width in enumerate(widths, 1):
            self.widths[c] = max(self.widths.get(c, 0), width)
        if columns > 6 or sum(widths) > PORTRAIT_CHARS:
            self.landscape = True
        self.row += 1

    def _audit_columns(self, block: Table, row, columns: int) -> None:
        """Formula columns right of the table, e.g. end = start + received − written off."""
        letters = {
            get_column_letter(c): f"{get_column_letter(c)}{self.row}" for c in range(1, columns + 1)
        }
        values = {get_column_letter(c): value for c, value in enumerate(row.cells, 1)}
        for offset, audit in enumerate(block.audit, 2):
            column = columns + offset
            self.widths[column] = 16
            if not _all_numbers(audit.expression, values):
                continue  # a row whose figure is unknown has nothing to check
            formula = self.sheet.cell(self.row, column, "=" + audit.expression.format(**letters))
            formula.font = AUDIT_FONT
            self.formulas.add((self.sheet.title, formula.coordinate))
            _remember(self.sheet, formula.coordinate, _evaluate(audit.expression, values))

    def _row_formula(self, expression: str, column: int, value, cells: list):
        """A table's formula column: "=" + `expression` over this row's cells, its printed
        figure cached beside it (none when the figure is blank: the formula gives "").
        The printed value itself, with no formula, when the figure is a word or a cell
        the formula reads is not a number."""
        values = {get_column_letter(c): cell for c, cell in enumerate(cells, 1)}
        if isinstance(value, str) or not _all_numbers(expression, values):
            return value
        letters = {
            get_column_letter(c): f"{get_column_letter(c)}{self.row}" for c in range(1, column)
        }
        ref = f"{get_column_letter(column)}{self.row}"
        self.formulas.add((self.sheet.title, ref))
        if value is not None:
            _remember(self.sheet, ref, value)
        return "=" + expression.format(**letters)

    def _total_formulas(self, block: Table, row, first_data: int, data_rows: list[list]) -> None:
        """A total row sums its data rows with =SUM(), its figure cached beside the formula.

        A table that is only its total (the fund of one library) has nothing to sum: its
        figures stay as they are. A formula column (a %, a ratio) is no sum: it keeps its
        formula over the total row's figures. A column with a word among its data rows
        («неизвестно»), or whose rows do not add up to the printed total, keeps the
        printed total as a value: SUM would skip the words and give another figure.
        """
        if self.row == first_data:
            return
        for c, value in enumerate(row.cells, 1):
            letter = get_column_letter(c)
            column = [cells[c - 1] if c <= len(cells) else None for cells in data_rows]
            summed = all(map(_is_number, column)) and _is_number(value) and _adds_up(column, value)
            if c > 1 and _is_number(value) and letter not in block.formulas and summed:
                formula = f"=SUM({letter}{first_data}:{letter}{self.row - 1})"
                cell = self.sheet.cell(self.row, c, formula)
                if isinstance(value, float):
                    cell.number_format = "0.0"
                self.formulas.add((self.sheet.title, cell.coordinate))
                _remember(self.sheet, cell.coordinate, value)


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _adds_up(column: list, total) -> bool:
    return math.isclose(sum(column), total, rel_tol=1e-9, abs_tol=1e-6)


def _all_numbers(expression: str, values: dict[str, object]) -> bool:
    """Whether every cell "{B}"-style `expression` reads holds a number."""
    return all(_is_number(values.get(letter)) for letter in re.findall(r"\{([A-Z]+)\}", expression))


def _evaluate(expression: str, values: dict[str, float]) -> float:
    """ "{B}+{D}-{F}" over the row's values: only letters joined by + and -."""
    total, sign = 0, 1
    for token in re.findall(r"\{[A-Z]+\}|[+-]", expression):
        if token in "+-":
            sign = 1 if token == "+" else -1
        else:
            total += sign * values.get(token[1:-1], 0)
    return total
