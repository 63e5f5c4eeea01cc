"""A month of one library's work log as librarians keep it on paper: one row per
day, a column per figure, the month's total under it.

`month_sheet_write` exports it; `month_sheet_import` reads such a sheet back:
a day with figures is added or, when the day is already logged, changed; a
day left blank changes nothing. The sheet is checked whole first: one bad row
refuses the file with a Russian message per problem, and nothing is saved.
"""

import calendar
import datetime
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook as XlsxWorkbook
from openpyxl.styles import Alignment, Font

from branches.facts import periods_memoized
from branches.models import Library
from dataio.cells import CellError, is_blank, read_date, read_int
from dataio.files import DataFileError, open_data_file
from indicators.models import WorkLogEntry
from indicators.models.worklog import COUNT_FIELDS

DATE_HEADER = "Дата"
NOTE_HEADER = "Примечание"
TOTAL_LABEL = "Итого"

MISSING_COLUMNS = _("На листе нет столбцов: %(columns)s. Скачайте лист месяца заново.")
UNKNOWN_COLUMNS = _("На листе неизвестные столбцы: %(columns)s.")
NO_SHEET = _("В файле нет листа с заголовками.")
ROW_ERROR = _("Строка %(row)s (%(date)s): %(message)s")
CELL_ERROR = _("Строка %(row)s, столбец «%(column)s»: %(message)s")
OUTSIDE_MONTH = _("дата %(date)s не в месяце %(month)s.")
REPEATED_DAY = _("день %(date)s уже был в строке %(first)s.")
MONTH_TOTAL_ENTERED = _(
    "За %(month)s уже внесён итог месяца одной строкой: лист по дням загрузить нельзя, "
    "пока он есть."
)
CHANGE_REASON = _("Загрузка листа месяца «%(name)s»")


class MonthSheetError(Exception):
    """The sheet is refused whole; `messages` say why, one per problem."""

    def __init__(self, messages):
        self.messages = [str(m) for m in (messages if isinstance(messages, list) else [messages])]
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
    """The month's sheet: every day of the month, its logged figures, the total."""
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
    totals = dict.fromkeys(COUNT_FIELDS, 0)
    for day in days:
        row = rows.get(day)
        values = [getattr(row, name) if row else None for name in COUNT_FIELDS]
        for name in COUNT_FIELDS:
            totals[name] += getattr(row, name) if row else 0
        sheet.append([day, *values, row.note if row else None])
        sheet.cell(sheet.max_row, 1).number_format = "DD.MM.YYYY"
    # The total as values: a sheet read back must hold no formulas (dataio refuses them).
    sheet.append([TOTAL_LABEL, *(totals[name] for name in COUNT_FIELDS)])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 12
    sheet.freeze_panes = "B2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@dataclass
class MonthSheetResult:
    added: int
    changed: int


def _read_rows(data: bytes, name: str) -> list[tuple[int, list]]:
    try:
        workbook = open_data_file(data, name)
        try:
            sheet = workbook.sheet()
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
            return [
                (number, dict(zip(sheet.headers, values, strict=False)))
                for number, values in sheet.rows
            ]
        finally:
            workbook.close()
    except DataFileError as error:
        raise MonthSheetError(list(error.messages)) from error


def _parse(number: int, cells: dict, first: datetime.date, problems: list):
    """(date, figures, note) of a row, or None for a blank day or the total row."""
    raw_date = cells.get(DATE_HEADER)
    if isinstance(raw_date, str) and raw_date.strip().startswith(TOTAL_LABEL):
        return None
    try:
        day = read_date(raw_date)
    except CellError as error:
        problems.append(CELL_ERROR % {"row": number, "column": DATE_HEADER, "message": error})
        return None
    figures, blank = {}, True
    for header, name in zip(headers()[1:-1], COUNT_FIELDS, strict=True):
        value = cells.get(header)
        if is_blank(value):
            figures[name] = 0
            continue
        blank = False
        try:
            figures[name] = read_int(value)
        except CellError as error:
            problems.append(CELL_ERROR % {"row": number, "column": header, "message": error})
    note = cells.get(NOTE_HEADER)
    note = "" if is_blank(note) else str(note).strip()
    if blank and not note:
        return None
    if (day.year, day.month) != (first.year, first.month):
        message = OUTSIDE_MONTH % {"date": f"{day:%d.%m.%Y}", "month": f"{first:%m.%Y}"}
        problems.append(ROW_ERROR % {"row": number, "date": f"{day:%d.%m.%Y}", "message": message})
        return None
    return day, figures, note


def _row_problems(error: ValidationError, number: int, day: datetime.date) -> list[str]:
    """A row's refusals: a figure's own by its column, the others by the row."""
    columns = dict(zip(COUNT_FIELDS, headers()[1:-1], strict=True))
    columns.update({"note": NOTE_HEADER, "date": DATE_HEADER})
    problems = []
    for field, messages in error.message_dict.items():
        for message in messages:
            if field in columns:
                params = {"row": number, "column": columns[field], "message": message}
                problems.append(CELL_ERROR % params)
            else:
                params = {"row": number, "date": f"{day:%d.%m.%Y}", "message": message}
                problems.append(ROW_ERROR % params)
    return problems


def month_sheet_import(
    *, data: bytes, name: str, library: Library, year: int, month: int, user=None
) -> MonthSheetResult:
    """Add or change the library's logged days of the month from the sheet, all or nothing."""
    first = datetime.date(year, month, 1)
    problems: list[str] = []
    parsed: dict[datetime.date, tuple[int, dict, str]] = {}
    for number, cells in _read_rows(data, name):
        row = _parse(number, cells, first, problems)
        if row is None:
            continue
        day, figures, note = row
        if day in parsed:
            message = REPEATED_DAY % {"date": f"{day:%d.%m.%Y}", "first": parsed[day][0]}
            problems.append(
                ROW_ERROR % {"row": number, "date": f"{day:%d.%m.%Y}", "message": message}
            )
            continue
        parsed[day] = (number, figures, note)
    if problems:
        raise MonthSheetError(problems)
    reason = str(CHANGE_REASON % {"name": name})
    with transaction.atomic(), periods_memoized():
        # Lock the library: two uploads of the same month serialize.
        Library.objects.select_for_update().filter(pk=library.pk).first()
        stored = {
            row.date: row
            for row in WorkLogEntry.objects.filter(
                library=library, date__gte=first, date__lte=_month_days(year, month)[-1]
            )
        }
        if any(row.span == WorkLogEntry.Span.MONTH for row in stored.values()):
            raise MonthSheetError(MONTH_TOTAL_ENTERED % {"month": f"{first:%m.%Y}"})
        added = changed = 0
        for day, (number, figures, note) in sorted(parsed.items()):
            row = stored.get(day) or WorkLogEntry(library=library, date=day)
            is_new = row.pk is None
            unchanged = not is_new and all(getattr(row, k) == v for k, v in figures.items())
            if unchanged and row.note == note:
                continue
            for field, value in figures.items():
                setattr(row, field, value)
            row.note = note
            try:
                row.full_clean()
            except ValidationError as error:
                problems.extend(_row_problems(error, number, day))
                continue
            row._change_reason = reason
            if user is not None:
                row._history_user = user
            row.save()
            added, changed = added + is_new, changed + (not is_new)
        if problems:  # raised inside the transaction: nothing is saved
            raise MonthSheetError(problems)
    return MonthSheetResult(added=added, changed=changed)
