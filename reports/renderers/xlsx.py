"""ReportData -> XLSX: a summary sheet, a sheet per section, the events, a sheet of checks
(a consolidated report: its sheets of sections alone, its checks one of them).

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
Each formula is written with its computed result beside it, so a viewer that does
not recalculate shows the figure, and the workbook asks to be recalculated on
opening (XlsxWriter's default). The events are a sheet of their own, one row each.

Written with XlsxWriter through its public API only: a format is made once per
workbook and shared by every cell that wears it (`_Formats`), merged ranges and
the rows printed on every page are XlsxWriter's own. Every cell is written with a
format in the report's typeface, Times New Roman, as in the DOCX.

The workbook is not written in XlsxWriter's `constant_memory` mode: that mode is
set per workbook, and in it a cell is lost once a later row has been written,
which a table header merged over two rows does (XlsxWriter's documentation: its
`merge_range()` does not work in that mode). The cells are kept in memory until
the file is written: for 20,000 events, a few tens of megabytes.
"""

import datetime
import io
import math
import re
from decimal import Decimal

import xlsxwriter
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from xlsxwriter.utility import xl_col_to_name

from figures.reader import figure_label
from reportkit.data import AS_ENTERED, OMITTED, ItemList, Paragraph, ReportData, Section, Table
from reportkit.memory import cycle_collection_paused

FONT = "Times New Roman"
# Formats as XlsxWriter's properties, combined by `_Formats`.
BORDER = {"border": 1, "border_color": "#808080"}
HEADER_FILL = {"pattern": 1, "bg_color": "#E7E6E6"}
AUDIT_FONT = {"italic": True, "font_color": "#555555"}
BOLD = {"bold": True}
WRAP = {"text_wrap": True, "valign": "top"}
CENTER = {"align": "center", "valign": "vcenter", "text_wrap": True}
TOP = {"valign": "top"}
ONE_DECIMAL = {"num_format": "0.0"}
DATE = {"num_format": "DD.MM.YYYY"}
# Free text spans columns A–F: A is 40 characters wide, B–F at least 12 each.
TEXT_COLUMNS = 6
LABEL_WIDTH = 40
# Characters of Times New Roman 11 per unit of column width (a unit is a digit of the
# default font); measured in LibreOffice at about 1.7, kept lower so that Excel, whose
# metrics differ, still shows every line: a row a little too tall, never cut off.
CHARS_PER_WIDTH = 1.25
# Wider tables (in width units) print landscape: portrait A4 would shrink them to fit.
PORTRAIT_CHARS = 100
# A row of one line keeps the sheet's default height (15 pt); a row of n lines is 15·n.
LINE_HEIGHT = 15
# Pixels of a digit of the default font (Calibri 11), the unit of a column's width.
DIGIT_PIXELS = 7
A4 = 9
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
    # The annual report's sections (reportkit.sections.ANNUAL_SECTIONS).
    "fund_structure": gettext_lazy("Структура фонда"),
    "user_groups": gettext_lazy("Пользователи"),
    "reference_work": gettext_lazy("Справочная работа"),
    "clubs": gettext_lazy("Клубы"),
    "methodical_work": gettext_lazy("Методическая работа"),
    "finance": gettext_lazy("Финансирование"),
    "partners": gettext_lazy("Партнёры"),
    "conclusions": gettext_lazy("Выводы"),
}


class _Formats:
    """The workbook's formats, each made once and shared by every cell that wears it.

    `formats(BORDER, WRAP)` is the format of those properties (later ones win), in
    the report's typeface."""

    def __init__(self, workbook):
        self.workbook = workbook
        self.made: dict[tuple, object] = {}

    def __call__(self, *parts: dict):
        properties = {"font_name": FONT}
        for part in parts:
            properties.update(part)
        key = tuple(sorted(properties.items()))
        made = self.made.get(key)
        if made is None:
            made = self.made[key] = self.workbook.add_format(properties)
        return made


def _write(sheet, row: int, column: int, value, cell_format) -> None:
    """`value` into the cell at 1-based `row`, `column` (as the A1 references count),
    by its type: a text is always text, never a formula or a link."""
    if value is None or value == "":
        sheet.write_blank(row - 1, column - 1, None, cell_format)
    elif isinstance(value, str):
        sheet.write_string(row - 1, column - 1, value, cell_format)
    elif isinstance(value, bool):
        sheet.write_boolean(row - 1, column - 1, value, cell_format)
    elif isinstance(value, int | float | Decimal):
        sheet.write_number(row - 1, column - 1, value, cell_format)
    elif isinstance(value, datetime.date):
        sheet.write_datetime(row - 1, column - 1, value, cell_format)
    else:
        sheet.write_string(row - 1, column - 1, str(value), cell_format)


def _merge(sheet, first_row: int, first_column: int, last_row: int, last_column: int, value, fmt):
    """Merge the 1-based range, its first cell holding `value`; every cell of it wears
    `fmt`, so its borders are drawn along the range's edges."""
    if (first_row, first_column) == (last_row, last_column):
        _write(sheet, first_row, first_column, value, fmt)
        return
    text = value if isinstance(value, str) else ""  # a text is written as text (options)
    sheet.merge_range(first_row - 1, first_column - 1, last_row - 1, last_column - 1, text, fmt)
    if value is not None and not isinstance(value, str):
        _write(sheet, first_row, first_column, value, fmt)


def _merge_text(sheet, row: int, first_column: int, last_column: int, text: str, fmt) -> None:
    """Merge the 1-based `row`'s columns `first_column`–`last_column` around `text`, for a
    format that draws nothing on an empty cell (no border, no fill): only the range's
    first cell is written, with `fmt`, whose wrapping and alignment are the range's.

    `_merge` pads every other cell of a range with the format, as XlsxWriter's
    `merge_range` does, because each cell draws its own borders; a text needs none of
    them. In a large ЦБС's report that was five cells of nothing for each of 20,000
    events listed in section IV. XlsxWriter writes no cell for a blank without a format,
    and its documentation has the first cell written again to give it its value."""
    if last_column > first_column:
        sheet.merge_range(row - 1, first_column - 1, row - 1, last_column - 1, "", None)
    _write(sheet, row, first_column, text, fmt)


def _width(sheet, column: int, width: float) -> None:
    """Column `column` (1-based) `width` digits wide, drawn as Excel draws that width:
    trunc((256·w + trunc(128/7)) / 256 · 7) pixels. (XlsxWriter's `set_column` would
    add the cell's padding to a width in digits; the pixels are what a reader sees.)"""
    pixels = math.trunc((256 * width + 128 // DIGIT_PIXELS) / 256 * DIGIT_PIXELS)
    sheet.set_column_pixels(column - 1, column - 1, pixels)


# A header's bold words per unit of column width: fewer than a data cell's
# (CHARS_PER_WIDTH), so a header row is never set shorter than its words.
HEADER_CHARS_PER_WIDTH = 1.0


def _header_lines(block: Table, widths: list[float]) -> list[int]:
    """How many lines each header row's words take in their columns (`widths`, in width
    units; the sheet's columns end at least this wide), wrapped word by word, a word
    longer than a line broken: on the long side, so a header is never cut. A cell
    spanning rows shares its lines among them."""
    lines = [1] * len(block.header)
    for r, c, head in block.header_grid():
        width = sum(widths[c : c + head.colspan])
        per_line = max(1, int(width * HEADER_CHARS_PER_WIDTH))
        needed = _wrapped_lines(head.text.replace("\u00ad", ""), per_line)
        share = -(-needed // head.rowspan)  # ceiling
        for row in range(r, r + head.rowspan):
            lines[row] = max(lines[row], share)
    return lines


def _wrapped_lines(text: str, per_line: int) -> int:
    """The lines `text` takes wrapped at `per_line` characters, word by word."""
    count = 0
    for paragraph in text.split("\n"):
        used = None  # characters on the current line; None: no line begun
        for word in paragraph.split() or [""]:
            if used is not None and used + 1 + len(word) <= per_line:
                used += 1 + len(word)
                continue
            full, rest = divmod(len(word), per_line)
            count += full + (1 if rest or not full else 0)
            used = rest if rest else (per_line if full else 0)
    return max(count, 1)


def _height(sheet, row: int, lines: int) -> None:
    """A row of `lines` lines is 15 pt each. A row of one line keeps the sheet's default
    height, 15 pt, not marked as set (XlsxWriter writes no height equal to the default):
    Excel and LibreOffice may fit it to its text, where openpyxl's file fixed it."""
    if lines > 1:
        sheet.set_row(row - 1, LINE_HEIGHT * lines)


def render_xlsx(data: ReportData) -> bytes:
    with translation.override(data.language), cycle_collection_paused():
        output = io.BytesIO()
        # Texts are written as texts (`_write`); the options say so for any other path.
        options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        workbook = xlsxwriter.Workbook(output, options)
        formats = _Formats(workbook)
        _summary_sheet(workbook.add_worksheet(_("Сводка")), data, formats)
        groups: dict[str, list[Section]] = {}
        current = None
        for section in data.sections:
            if section.level == 1 or current is None or section.code in SHEET_NAMES:
                current = section.code
            groups.setdefault(current, []).append(section)
        for code, sections in groups.items():
            sheet = workbook.add_worksheet(str(SHEET_NAMES.get(code, code))[:31])
            _SheetWriter(sheet, formats).write(sections)
        if not data.consolidated:
            # A consolidated report's checks are its section «Проверки» (a sheet above),
            # and the events of a region's libraries make no list to read.
            _events_sheet(workbook.add_worksheet(_("Список мероприятий")), data, formats)
            _notes_sheet(workbook.add_worksheet(_("Проверки")), data, formats)
        workbook.close()
        return output.getvalue()


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


def _events_sheet(sheet, data: ReportData, formats: _Formats) -> None:
    """Every event of the span as a table a methodologist can filter and sort."""
    header = formats(BOLD, HEADER_FILL, CENTER, BORDER)
    for column, (title, _size) in enumerate(EVENT_COLUMNS):
        sheet.write_string(0, column, str(title), header)
    date_format, cell_format = formats(BORDER, WRAP, DATE), formats(BORDER, WRAP)
    per_line = [int(width * CHARS_PER_WIDTH) for _title, width in EVENT_COLUMNS]
    columns = len(EVENT_COLUMNS)
    # The hot loop of a large ЦБС (20,000 events × 9 cells): XlsxWriter's typed
    # writers, the formats taken once.
    write_string, write_number = sheet.write_string, sheet.write_number
    write_blank = sheet.write_blank
    row = 0
    for values in data.event_rows:
        row += 1
        day = values[0] if values else None
        if day:
            sheet.write_datetime(row, 0, datetime.date.fromisoformat(day), date_format)
        else:
            write_blank(row, 0, None, date_format)
        lines = 1
        for column, value in enumerate(values[1:columns], 1):
            if value is None or value == "":
                write_blank(row, column, None, cell_format)
            elif isinstance(value, str):
                write_string(row, column, value, cell_format)
                wrapped = len(value) // per_line[column] + 1
                if wrapped > lines:
                    lines = wrapped
            else:
                write_number(row, column, value, cell_format)
        for column in range(max(len(values), 1), columns):  # a short row's last cells
            write_blank(row, column, None, cell_format)
        if lines > 1:
            sheet.set_row(row, LINE_HEIGHT * lines)
    for column, (_title, width) in enumerate(EVENT_COLUMNS, 1):
        _width(sheet, column, width)
    sheet.autofilter(0, 0, max(row, 1), columns - 1)
    sheet.freeze_panes(1, 0)
    sheet.repeat_rows(0)
    _print_setup(sheet, landscape=True)


def _print_setup(sheet, landscape: bool = False) -> None:
    """A4, as wide as one page and as long as it takes; margins of 0.6″ left and right,
    1″ top and bottom, 0.5″ for the header and footer."""
    sheet.set_paper(A4)
    if landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.6, right=0.6, top=1, bottom=1)
    sheet.set_header("", {"margin": 0.5})
    sheet.set_footer("", {"margin": 0.5})


def _summary_sheet(sheet, data: ReportData, formats: _Formats) -> None:
    bold = formats(BOLD)
    for row, text in enumerate((data.title, data.organization_name, data.subtitle), 1):
        _write(sheet, row, 1, text, bold)
    header = formats(BOLD, HEADER_FILL, BORDER)
    _write(sheet, 5, 1, _("Показатель"), header)
    _write(sheet, 5, 2, _("Значение"), header)
    bordered, one_decimal = formats(BORDER), formats(BORDER, ONE_DECIMAL)
    row = 6
    for key, value in data.key_figures.items():
        _write(sheet, row, 1, str(figure_label(key)), bordered)
        _write(sheet, row, 2, value, one_decimal if isinstance(value, float) else bordered)
        row += 1
    # The annual report's signature closes the first sheet: position and name, the
    # executor, the telephone (none in a half-year report).
    row += 1
    for label, name in data.signature:
        _write(sheet, row, 1, label, bold)
        _write(sheet, row, 2, name, formats())
        row += 1
    _width(sheet, 1, 45)
    _width(sheet, 2, 16)
    sheet.freeze_panes(5, 0)
    sheet.repeat_rows(4)
    _print_setup(sheet)


def _notes_sheet(sheet, data: ReportData, formats: _Formats) -> None:
    levels = {
        "error": _("ошибка"),
        "warning": _("внимание"),
        "info": _("сверка"),
        "untranslated": _("не переведено"),
        OMITTED: _("не переведено"),
        AS_ENTERED: _("не переведено"),
    }
    header = formats(BOLD, HEADER_FILL)
    for column, title in enumerate((_("Вид"), _("Раздел"), _("Замечание")), 1):
        _write(sheet, 1, column, title, header)
    titles = {s.code: s.title for s in data.sections}
    plain, wrapped = formats(), formats(WRAP)
    for row, note in enumerate(data.notes, 2):
        _write(sheet, row, 1, levels.get(note.level, note.level), plain)
        _write(sheet, row, 2, titles.get(note.section, ""), plain)
        _write(sheet, row, 3, note.text, wrapped)
    for column, width in enumerate((12, 30, 100), 1):
        _width(sheet, column, width)
    sheet.freeze_panes(1, 0)
    _print_setup(sheet, landscape=True)


class _SheetWriter:
    def __init__(self, sheet, formats: _Formats):
        self.sheet = sheet
        self.formats = formats
        self.row = 1  # 1-based, as the formulas' references count
        # Column A is a 40-character label column unless a table's first column is a
        # narrow one (the publications' «№»); then figure labels span A–B.
        self.widths: dict[int, float] = {}
        self.frozen = False
        self.landscape = False
        # The first table's header rows (0-based) and how many tables the sheet holds:
        # its header repeats on each printed page only when it is the sheet's one table.
        self.title_rows: tuple[int, int] | None = None
        self.tables = 0

    def write(self, sections: list[Section]) -> None:
        for section in sections:
            if section.level > 1 and section.is_empty:
                continue
            if section.heading:
                size = {"font_size": 13 if section.level == 1 else 11}
                _write(self.sheet, self.row, 1, section.title, self.formats(BOLD, size))
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
        for column, width in sorted(self.widths.items()):
            _width(self.sheet, column, width)
        if self.tables == 1:
            # Over another table's rows, the first one's header would name their columns
            # wrongly (a printed page of document loans headed «annual plan»).
            self.sheet.repeat_rows(*self.title_rows)
        _print_setup(self.sheet, landscape=self.landscape)

    def text(self, text: str, italic: bool = False, bold: bool = False) -> None:
        """Text across columns A–F, a row per paragraph, tall enough for its lines."""
        text_format = self.formats(WRAP, {"italic": True} if italic else {}, BOLD if bold else {})
        for part in [p.strip() for p in text.split("\n\n") if p.strip()] or [""]:
            self._wide(part, text_format)
            self.row += 1

    def _per_line(self) -> int:
        """Characters of a line of text across columns A–F, as wide as they are now."""
        width = sum(self.widths.get(c, 12) for c in range(1, TEXT_COLUMNS + 1))
        return int(max(width, LABEL_WIDTH + 12 * (TEXT_COLUMNS - 1)) * CHARS_PER_WIDTH)

    def _wide(self, text: str, text_format, per_line: int | None = None) -> None:
        """`text` in a row merged across columns A–F, tall enough for its lines of
        `per_line` characters (`_per_line`, if not given)."""
        _merge_text(self.sheet, self.row, 1, TEXT_COLUMNS, text, text_format)
        per_line = per_line or self._per_line()
        lines = sum(len(line) // per_line + 1 for line in text.split("\n"))
        _height(self.sheet, self.row, lines)

    def paragraph(self, block: Paragraph) -> None:
        if not block.figures:
            self.text(block.text, bold=block.style == "heading")
            return
        # A sentence with figures: one row per figure, label | value | unit | of which in Kazakh.
        # Every cell of the row top-aligned, so a value sits beside its wrapped label.
        label_columns = 2 if self.widths.get(1, LABEL_WIDTH) < LABEL_WIDTH / 2 else 1
        label_width = sum(self.widths.get(c, LABEL_WIDTH) for c in range(1, label_columns + 1))
        wrapped, top, top_decimal = (
            self.formats(WRAP),
            self.formats(TOP),
            self.formats(TOP, ONE_DECIMAL),
        )
        for figure in block.figures:
            _merge_text(self.sheet, self.row, 1, label_columns, figure.label, wrapped)
            lines = len(figure.label) // int(label_width * CHARS_PER_WIDTH) + 1
            _height(self.sheet, self.row, lines)
            column = label_columns + 1
            value_format = top_decimal if isinstance(figure.value, float) else top
            _write(self.sheet, self.row, column, figure.value, value_format)
            _write(self.sheet, self.row, column + 1, figure.unit, top)
            if figure.value_kk is not None:
                _write(self.sheet, self.row, column + 2, _("в т.ч. на каз. яз."), top)
                _write(self.sheet, self.row, column + 3, figure.value_kk, top)
            self.row += 1
        self.widths[label_columns + 3] = max(self.widths.get(label_columns + 3, 0), 18)

    def item_list(self, block: ItemList) -> None:
        if block.title:
            self.text(block.title, bold=True)
        wrapped, per_line = self.formats(WRAP), self._per_line()
        for number, item in enumerate(block.items, 1):
            self._wide(f"{number}. {item}" if block.numbered else f"• {item}", wrapped, per_line)
            self.row += 1

    def table(self, block: Table) -> None:
        sheet, formats = self.sheet, self.formats
        if block.title:
            _write(sheet, self.row, 1, block.title, formats(BOLD))
            self.row += 1
        columns = max(sum(c.colspan for c in line) for line in block.header)
        # Column widths in characters: the first (names) wider, the others by their share.
        relative = block.widths or [1] * columns
        # A names column is at least the sheet's label width; a «№» column stays narrow.
        first = 20 * relative[0]
        widths = [max(first, LABEL_WIDTH) if relative[0] >= 1 else first]
        widths += [12 * w for w in relative[1:]]
        top = self.row
        header = formats(BORDER, HEADER_FILL, BOLD, CENTER)
        for r, c, head in block.header_grid():
            # A soft hyphen marks where the DOCX may break a long word: not a spreadsheet's.
            text = head.text.replace("\u00ad", "")
            last_row, last_column = top + r + head.rowspan - 1, c + head.colspan
            _merge(sheet, top + r, c + 1, last_row, last_column, text, header)
        for r, lines in enumerate(_header_lines(block, widths)):
            # At most the 45 / 30 pt a header row had (3 and 2 lines); fewer when its
            # words take fewer lines: «Аудитория | Іс-шаралар» needs no three.
            sheet.set_row(top + r - 1, LINE_HEIGHT * min(lines, 3 if r == 0 else 2))
        audit_head = formats(AUDIT_FONT, CENTER)
        for offset, audit in enumerate(block.audit, 2):
            _write(sheet, top, columns + offset, audit.title, audit_head)
        self.row = top + len(block.header)
        self.tables += 1
        if not self.frozen:
            sheet.freeze_panes(self.row - 1, 1)
            self.title_rows = (top - 1, self.row - 2)
            self.frozen = True
        first_data = self.row
        data_rows: list[list] = []  # the cells of the rows a total sums
        group = formats(BOLD, CENTER, BORDER)
        for row in block.rows:
            if row.kind == "group":
                _merge(sheet, self.row, 1, self.row, columns, row.cells[0], group)
                self.row += 1
                continue
            total = row.kind == "total"
            sums = self._total_sums(block, row, first_data, data_rows) if total else {}
            lines = 1
            for c, value in enumerate(row.cells, 1):
                expression = block.formulas.get(xl_col_to_name(c - 1))
                parts = [BORDER, WRAP]
                if expression:
                    parts.append(ONE_DECIMAL)
                if total:
                    parts.append(BOLD)
                if c in sums:
                    if isinstance(value, float):
                        parts.append(ONE_DECIMAL)
                    self._formula(c, sums[c], formats(*parts), value)
                elif expression and self._row_formula_applies(expression, value, row.cells):
                    formula = "=" + expression.format(**self._letters(c))
                    self._formula(c, formula, formats(*parts), value)
                else:
                    _write(sheet, self.row, c, value, formats(*parts))
                if isinstance(value, str):  # a formula's text takes no lines
                    per_line = max(1, int(widths[c - 1] * CHARS_PER_WIDTH))
                    lines = max(lines, len(value) // per_line + 1)
            _height(sheet, self.row, lines)
            if not total:
                data_rows.append(row.cells)
            self._audit_columns(block, row, columns)
            self.row += 1
        for c, width in enumerate(widths, 1):
            self.widths[c] = max(self.widths.get(c, 0), width)
        if columns > 6 or sum(widths) > PORTRAIT_CHARS:
            self.landscape = True
        self.row += 1

    def _formula(self, column: int, formula: str, cell_format, value) -> None:
        """A formula with the value it computes (blank when the report prints none)."""
        cached = "" if value is None else value
        self.sheet.write_formula(self.row - 1, column - 1, formula, cell_format, cached)

    def _letters(self, columns_before: int) -> dict[str, str]:
        """{"B": "B7"}: this row's cells left of column `columns_before` (or up to it)."""
        return {
            xl_col_to_name(c - 1): f"{xl_col_to_name(c - 1)}{self.row}"
            for c in range(1, columns_before)
        }

    def _audit_columns(self, block: Table, row, columns: int) -> None:
        """Formula columns right of the table, e.g. end = start + received − written off."""
        letters = self._letters(columns + 1)
        values = {xl_col_to_name(c - 1): value for c, value in enumerate(row.cells, 1)}
        audit_font = self.formats(AUDIT_FONT)
        for offset, audit in enumerate(block.audit, 2):
            column = columns + offset
            self.widths[column] = 16
            if not _all_numbers(audit.expression, values):
                continue  # a row whose figure is unknown has nothing to check
            formula = "=" + audit.expression.format(**letters)
            self._formula(column, formula, audit_font, _evaluate(audit.expression, values))

    @staticmethod
    def _row_formula_applies(expression: str, value, cells: list) -> bool:
        """Whether a table's formula column gets its formula in this row ("=" +
        `expression` over the row's cells, its printed figure cached beside it): not
        when the printed figure is a word or a cell the formula reads is not a number;
        then the cell holds the printed value."""
        values = {xl_col_to_name(c - 1): cell for c, cell in enumerate(cells, 1)}
        return not isinstance(value, str) and _all_numbers(expression, values)

    def _total_sums(self, block: Table, row, first_data: int, data_rows: list[list]) -> dict:
        """{column: "=SUM(…)"}: the total row's cells that sum their data rows.

        A table that is only its total (the fund of one library) has nothing to sum: its
        figures stay as they are. A formula column (a %, a ratio) is no sum: it keeps its
        formula over the total row's figures. A column with a word among its data rows
        («неизвестно»), or whose rows do not add up to the printed total, keeps the
        printed total as a value: SUM would skip the words and give another figure.
        """
        if self.row == first_data:
            return {}
        sums = {}
        for c, value in enumerate(row.cells, 1):
            letter = xl_col_to_name(c - 1)
            column = [cells[c - 1] if c <= len(cells) else None for cells in data_rows]
            summed = all(map(_is_number, column)) and _is_number(value) and _adds_up(column, value)
            if c > 1 and letter not in block.formulas and summed:
                sums[c] = f"=SUM({letter}{first_data}:{letter}{self.row - 1})"
        return sums


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


# Characters a sheet's name may not hold (Excel's rule).
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def render_xlsx_tables(data: ReportData) -> bytes:
    """ReportData of tables alone (a statistical annex, `reports.annex`): a sheet per
    level-1 section, named by its title, the annex's title, organization and span above
    the first; no summary, events or checks sheets. The tables as the report's: a total
    row is =SUM() of the rows above where they are numbers that add up to it."""
    with translation.override(data.language), cycle_collection_paused():
        output = io.BytesIO()
        options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        workbook = xlsxwriter.Workbook(output, options)
        formats = _Formats(workbook)
        names: set[str] = set()
        for index, section in enumerate(data.sections):
            name = SHEET_NAME_FORBIDDEN.sub(" ", section.title).strip()[:28] or str(index + 1)
            while name.casefold() in names:
                name = f"{name[:26]} {index + 1}"
            names.add(name.casefold())
            writer = _SheetWriter(workbook.add_worksheet(name), formats)
            if index == 0:
                bold = formats(BOLD)
                for row, text in enumerate((data.title, data.organization_name, data.subtitle), 1):
                    _write(writer.sheet, row, 1, text, bold)
                writer.row = 5
            writer.write([section])
        workbook.close()
        return output.getvalue()
