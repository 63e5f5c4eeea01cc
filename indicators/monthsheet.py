"""A month of one library's work log as librarians keep it on paper: one row per
day, a column per figure, the month's total under it.

`month_sheet_write` exports it: the «Итого» row sums the days with live
`=SUM(…)` formulas, and every figure cell takes only a whole number ≥ 0 (the
spreadsheet says so in the user's language). `month_sheet_import` reads such a
sheet back: the month is the file's (its dates say which); a day with figures is
added or, when the day is already logged, changed; a day left blank changes
nothing. The sheet is checked whole, in one pass: every cell that is not a whole
number ≥ 0 and every rule a day breaks (a part above its total, a closed period,
a handed-in half-year) is named by its date and column, and nothing is saved.
"""

import calendar
import datetime
import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook as XlsxWorkbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from branches.facts import frozen_reason, lock_libraries, periods_memoized
from branches.models import Library
from dataio.cells import CellError, is_blank, read_date, read_int
from dataio.files import DataFileError, open_data_file
from indicators.grid import (
    MAX_COUNT,
    NOTE_FIELD,
    NOTE_TOO_LONG,
    TOO_LARGE,
    column_caption,
    month_rows,
    month_rows_write,
    part_rules,
)
from indicators.models import WorkLogEntry
from indicators.models.worklog import COUNT_FIELDS

DATE_HEADER = "Дата"
NOTE_HEADER = "Примечание"
TOTAL_LABEL = "Итого"

MISSING_COLUMNS = _("На листе нет столбцов: %(columns)s. Скачайте лист месяца заново.")
UNKNOWN_COLUMNS = _("На листе неизвестные столбцы: %(columns)s.")
NO_SHEET = _("В файле нет листа с заголовками.")
# A problem named as the librarian finds it on the sheet: the day and the column.
CELL_ERROR = _("%(date)s, «%(column)s»: %(message)s")
DAY_ERROR = _("%(date)s: %(message)s")
# A row whose date cannot be read has no day to name: its row number then.
DATE_ERROR = _("Строка %(row)s, «Дата»: %(message)s")
NEGATIVE = _("%(value)s — меньше нуля. Введите целое число не меньше нуля.")
OTHER_MONTH = _(
    "Лист — за %(month)s, а в нём заполнены дни другого месяца: %(dates)s. "
    "Перенесите их в лист своего месяца."
)
REPEATED_DAY = _("день повторяется в строках %(rows)s.")
MONTH_TOTAL_ENTERED = _(
    "За %(month)s уже внесён итог месяца одной строкой: лист по дням загрузить нельзя, "
    "пока он есть."
)
CHANGE_REASON = _("Загрузка листа месяца «%(name)s»")
VALIDATION_TITLE = _("Целое число")
VALIDATION_ERROR = _(
    "Введите целое число не меньше нуля: столько, сколько записано в дневнике за этот день."
)


class MonthSheetError(Exception):
    """The sheet is refused whole; `messages` say why, one per problem. `year` and
    `month` are the file's month, when the file told it."""

    def __init__(self, messages, *, year=None, month=None):
        self.messages = [str(m) for m in (messages if isinstance(messages, list) else [messages])]
        self.year, self.month = year, month
        super().__init__("; ".join(self.messages))


def headers() -> list[str]:
    """The sheet's header row: the date, every figure by its Russian name, the note."""
    with translation.override("ru"):
        names = [str(WorkLogEntry._meta.get_field(name).verbose_name) for name in COUNT_FIELDS]
    return [DATE_HEADER, *(n[:1].upper() + n[1:] for n in names), NOTE_HEADER]


def _month_days(year: int, month: int) -> list[datetime.date]:
    return [
        datetime.date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)
    ]


def month_file_name(library: Library, year: int, month: int) -> str:
    return f"Дневник {library.code} {month:02d}.{year}.xlsx"


def month_sheet_write(*, library: Library, year: int, month: int) -> bytes:
    """The month's sheet: every day of the month, its logged figures, the total row
    summing the days by formulas, and whole-number validation on the figure cells."""
    days = _month_days(year, month)
    rows = {
        row.date: row
        for row in WorkLogEntry.objects.filter(
            library=library,
            span=WorkLogEntry.Span.DAY,
            date__gte=days[0],
            date__lte=days[-1],
        )
    }
    book = XlsxWorkbook()
    sheet = book.active
    sheet.title = f"Дневник {month:02d}.{year}"
    sheet.append(headers())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for day in days:
        row = rows.get(day)
        values = [getattr(row, name) if row else None for name in COUNT_FIELDS]
        sheet.append([day, *values, row.note if row else None])
        sheet.cell(sheet.max_row, 1).number_format = "DD.MM.YYYY"
    first_row, last_row = 2, 1 + len(days)
    letters = [get_column_letter(n) for n in range(2, 2 + len(COUNT_FIELDS))]
    # Live totals: a day typed in the spreadsheet counts at once. The reader skips
    # this row by its label (dataio.files reads it with `formulas=True`).
    sheet.append([TOTAL_LABEL, *(f"=SUM({col}{first_row}:{col}{last_row})" for col in letters)])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    validation = DataValidation(
        type="whole",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle=str(VALIDATION_TITLE)[:32],
        error=str(VALIDATION_ERROR)[:255],
    )
    validation.add(f"{letters[0]}{first_row}:{letters[-1]}{last_row}")
    sheet.add_data_validation(validation)
    sheet.column_dimensions["A"].width = 12
    for letter in letters:  # a header wraps in its column, not over its neighbours
        sheet.column_dimensions[letter].width = 13
    sheet.column_dimensions[get_column_letter(len(COUNT_FIELDS) + 2)].width = 30
    sheet.row_dimensions[1].height = 48
    sheet.freeze_panes = "B2"
    book.calculation.fullCalcOnLoad = True
    out = io.BytesIO()
    book.save(out)
    totals = {
        f"{letter}{last_row + 1}": sum(getattr(row, name) for row in rows.values())
        for letter, name in zip(letters, COUNT_FIELDS, strict=True)
    }
    return _with_cached_totals(out.getvalue(), totals)


FORMULA_CELL = re.compile(
    r'<c r="(?P<ref>[A-Z]+\d+)"(?P<attrs>[^>]*)><f>(?P<f>[^<]*)</f><v\s*/?>(?:</v>)?'
)


def _with_cached_totals(content: bytes, totals: dict[str, int]) -> bytes:
    """The sums as the download has them, cached beside their formulas: a viewer that
    does not recalculate (a phone's preview) shows the totals, not blanks; Excel and
    LibreOffice recalculate on opening anyway (`fullCalcOnLoad`)."""

    def fill(match):
        value = totals.get(match["ref"])
        if value is None:
            return match[0]
        return f'<c r="{match["ref"]}"{match["attrs"]}><f>{match["f"]}</f><v>{value}</v>'

    source = zipfile.ZipFile(io.BytesIO(content))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = FORMULA_CELL.sub(fill, data.decode()).encode()
            target.writestr(item, data)
    return output.getvalue()


@dataclass
class MonthSheetResult:
    year: int
    month: int
    added_days: list = field(default_factory=list)
    changed_days: list = field(default_factory=list)
    # The month the form asked for, when the file's month was another one.
    asked: tuple[int, int] | None = None

    @property
    def added(self) -> int:
        return len(self.added_days)

    @property
    def changed(self) -> int:
        return len(self.changed_days)


def _read_rows(data: bytes, name: str) -> tuple[str, list[tuple[int, dict]]]:
    """The sheet's title and its rows as {header: value}, through dataio's reader."""
    try:
        workbook = open_data_file(data, name)
        try:
            sheet = workbook.sheet(formulas=True)
            if sheet is None:
                raise MonthSheetError(NO_SHEET)
            expected = headers()
            missing = [h for h in expected if h not in sheet.headers]
            unknown = [h for h in sheet.headers if h not in expected]
            problems = []
            if missing:
                problems.append(MISSING_COLUMNS % {"columns": ", ".join(f"«{h}»" for h in missing)})
            if unknown:
                problems.append(UNKNOWN_COLUMNS % {"columns": ", ".join(f"«{h}»" for h in unknown)})
            if problems:
                raise MonthSheetError(problems)
            rows = [
                (number, dict(zip(sheet.headers, values, strict=False)))
                for number, values in sheet.rows
            ]
            return sheet.title, rows
        finally:
            workbook.close()
    except DataFileError as error:
        raise MonthSheetError(list(error.messages)) from error


def dates_text(days) -> str:
    """«01.03.2021–05.03.2021, 10.03.2021»: three days in a row and more as a range."""
    runs: list[list[datetime.date]] = []
    for day in sorted(days):
        if runs and day - runs[-1][-1] == datetime.timedelta(days=1):
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{run[0]:%d.%m.%Y}–{run[-1]:%d.%m.%Y}")
        else:
            parts.extend(f"{day:%d.%m.%Y}" for day in run)
    return ", ".join(parts)


@dataclass
class _Problem:
    """One problem of the sheet: its day (None: the row's date is unreadable), its
    column (a figure's name, or "" for the whole day) and what is wrong."""

    days: list
    field: str
    message: str
    row: int = 0

    def text(self) -> str:
        if not self.days and not self.row:
            return self.message  # the sheet's as a whole
        if not self.days:
            return str(DATE_ERROR % {"row": self.row, "message": self.message})
        dates = dates_text(self.days)
        if self.field:
            params = {"date": dates, "column": column_caption(self.field), "message": self.message}
            return str(CELL_ERROR % params)
        return str(DAY_ERROR % {"date": dates, "message": self.message})

    def order(self):
        columns = {name: n for n, name in enumerate(("", *COUNT_FIELDS, NOTE_FIELD))}
        return (self.days[0] if self.days else datetime.date.min, columns.get(self.field, 0))


@dataclass
class _Day:
    row: int
    day: datetime.date
    figures: dict  # the cells read as whole numbers ≥ 0 (blank: 0); a bad cell is left out
    typed: bool  # some figure cell is not blank
    note: str
    bad: bool = False  # some cell is not a whole number ≥ 0


def _is_total_row(cells: dict) -> bool:
    raw = cells.get(DATE_HEADER)
    return isinstance(raw, str) and raw.strip().startswith(TOTAL_LABEL)


def _read_day(number: int, day, cells: dict, problems: list) -> _Day:
    figures, typed, bad = {}, False, False
    for header, name in zip(headers()[1:-1], COUNT_FIELDS, strict=True):
        value = cells.get(header)
        if is_blank(value):
            figures[name] = 0
            continue
        typed = True
        try:
            count = read_int(value)
        except CellError as error:
            problems.append(_Problem([day], name, str(error)))
            bad = True
            continue
        if count < 0 or count > MAX_COUNT:
            message = NEGATIVE % {"value": count} if count < 0 else TOO_LARGE
            problems.append(_Problem([day], name, str(message)))
            bad = True
            continue
        figures[name] = count
    note = cells.get(NOTE_HEADER)
    note = "" if is_blank(note) else str(note).strip()
    limit = WorkLogEntry._meta.get_field(NOTE_FIELD).max_length
    if len(note) > limit:
        problems.append(_Problem([day], NOTE_FIELD, str(NOTE_TOO_LONG % {"limit": limit})))
        bad = True
    return _Day(number, day, figures, typed, note, bad)


def _file_month(days: list[_Day], title: str, asked) -> tuple[int, int] | None:
    """The month of the file: of most of its dated rows (the sheet lists every day of
    its month), else the one its title names, else the one the form asked for."""
    counts = Counter((d.day.year, d.day.month) for d in days)
    if counts:
        most = max(counts.values())
        candidates = sorted(m for m, n in counts.items() if n == most)
        return asked if asked in candidates else candidates[0]
    found = re.search(r"(\d{1,2})\.(\d{4})", title or "")
    if found and 1 <= int(found[1]) <= 12:
        return int(found[2]), int(found[1])
    return asked


def month_label(year: int, month: int) -> str:
    """«март 2021» in the user's language."""
    label = formats.date_format(datetime.date(year, month, 1), "F Y")
    return label[:1].lower() + label[1:]


def days_label(days: list[datetime.date]) -> str:
    """«3, 4, 5 марта» in the user's language (the days of one month)."""
    if not days:
        return ""
    month = formats.date_format(days[0], "E")
    return f"{', '.join(str(day.day) for day in days)} {month[:1].lower() + month[1:]}"


def month_sheet_import(
    *,
    data: bytes,
    name: str,
    library: Library,
    year: int | None = None,
    month: int | None = None,
    user=None,
) -> MonthSheetResult:
    """Add or change the library's logged days of the file's month from the sheet, all
    or nothing. `year` and `month` (the form's) only count when the file names none."""
    title, rows = _read_rows(data, name)
    problems: list[_Problem] = []
    dated: list[_Day] = []
    for number, cells in rows:
        if _is_total_row(cells):
            continue
        try:
            day = read_date(cells.get(DATE_HEADER))
        except CellError as error:
            problems.append(_Problem([], "", str(error), row=number))
            continue
        dated.append(_read_day(number, day, cells, problems))
    asked = (year, month) if year and month else None
    when = _file_month(dated, title, asked)
    if when is None:
        raise MonthSheetError(
            [p.text() for p in problems] or [gettext("В листе нет ни одного дня.")]
        )
    year, month = when
    first = datetime.date(year, month, 1)
    in_month = [d for d in dated if (d.day.year, d.day.month) == when]
    strays = [d for d in dated if (d.day.year, d.day.month) != when]
    # Another month's days: one message for them all, not one per row.
    month_of = {d.day for d in in_month}
    problems = [p for p in problems if not p.days or p.days[0] in month_of]
    stray_days = [d.day for d in strays if d.typed or d.note or d.bad]
    if stray_days:
        message = OTHER_MONTH % {"month": f"{first:%m.%Y}", "dates": dates_text(stray_days)}
        problems.insert(0, _Problem([], "", str(message)))
    filled: dict[datetime.date, _Day] = {}
    for entry in in_month:
        if not (entry.typed or entry.note or entry.bad):
            continue  # a blank day changes nothing
        if entry.day in filled:
            rows_ = f"{filled[entry.day].row}, {entry.row}"
            problems.append(_Problem([entry.day], "", str(REPEATED_DAY % {"rows": rows_})))
            continue
        filled[entry.day] = entry
    rules = part_rules()
    for entry in filled.values():
        # A cell with its own error is not in `figures`: a rule over it is not judged.
        problems.extend(
            _Problem([entry.day], rule.cell, rule.message)
            for rule in rules
            if rule.broken(entry.figures)
        )
    reason = str(CHANGE_REASON % {"name": name})
    result = MonthSheetResult(year=year, month=month, asked=asked if asked != when else None)
    with transaction.atomic(), periods_memoized():
        lock_libraries([library.pk])  # two uploads of the same month serialize
        stored_rows = month_rows(library, year, month, lock=True)
        if filled and any(row.span == WorkLogEntry.Span.MONTH for row in stored_rows):
            problems.append(
                _Problem([], "", str(MONTH_TOTAL_ENTERED % {"month": f"{first:%m.%Y}"}))
            )
        stored = {row.date: row for row in stored_rows if row.span == WorkLogEntry.Span.DAY}
        planned = []
        for day, entry in sorted(filled.items()):
            row = stored.get(day) or WorkLogEntry(library=library, date=day)
            same = row.pk is not None and not entry.bad and row.note == entry.note
            if same and all(getattr(row, k) == v for k, v in entry.figures.items()):
                continue
            planned.append((entry, row))
        problems.extend(_frozen_problems([row for _entry, row in planned]))
        if problems:
            raise _refusal(problems, year, month)
        new, changed = [], []
        before = {
            row.pk: {k: getattr(row, k) for k in (*COUNT_FIELDS, NOTE_FIELD)} for row in stored_rows
        }
        for entry, row in planned:
            for field_name, value in entry.figures.items():
                setattr(row, field_name, value)
            row.note = entry.note
            (changed if row.pk else new).append(row)
        try:
            month_rows_write(
                library=library, new=new, changed=changed, removed=[], before=before, user=user,
                reason=reason,
            )  # fmt: skip
        except ValidationError as error:  # the guard refused under its locks
            raise _refusal([_Problem([], "", m) for m in error.messages], year, month) from error
        result.added_days = [row.date for row in new]
        result.changed_days = [row.date for row in changed]
    return result


def _frozen_problems(rows) -> list[_Problem]:
    """A closed period, a handed-in half-year, a day outside every period: the same
    `frozen_reason` every door asks; one message for the days that share a reason."""
    by_reason: dict[str, list] = {}
    for row in rows:
        reason = frozen_reason(row, lock=True)
        if reason is not None:
            by_reason.setdefault(str(reason), []).append(row.date)
    return [_Problem(days, "", reason) for reason, days in by_reason.items()]


def _refusal(problems: list[_Problem], year: int, month: int) -> MonthSheetError:
    ordered = sorted(problems, key=_Problem.order)
    texts = list(dict.fromkeys(p.text() for p in ordered))
    return MonthSheetError(texts, year=year, month=month)
