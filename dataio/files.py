"""Opening a data file and refusing a bad one before any row is read.

A refused file gets a message a librarian understands, in Russian: wrong
format, too big, empty, a sheet or a column we don't know or miss, formulas,
merged cells. XLSX sheets are read by python-calamine (`dataio.xlsx_calamine`)
once the package has passed the limits.
"""

import csv
import difflib
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree import ElementTree

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from dataio.cells import csv_unescape, is_blank
from dataio.limits import LimitExceeded
from dataio.schema import SHEET_BY_TITLE, Sheet
from dataio.xlsx_calamine import BadCell, BrokenSheet, Formula, XlsxReader

NOT_A_TABLE = _(
    "Файл «%(name)s» не является таблицей XLSX или CSV. Сохраните его в Excel как "
    "«Книга Excel (*.xlsx)» или «CSV (разделители — точка с запятой)»."
)
TOO_BIG = _("Файл «%(name)s» больше допустимых %(limit)s МБ. Разбейте его на несколько файлов.")
EMPTY_FILE = _("Файл «%(name)s» пуст: в нём нет ни заголовков, ни строк с данными.")
NO_ROWS = _("На листе «%(sheet)s» нет строк с данными под заголовками.")
UNKNOWN_SHEET = _("Лист «%(sheet)s» не знаком. Допустимые листы: %(allowed)s.")
MISSING_COLUMN = _("На листе «%(sheet)s» нет столбца «%(column)s».")
UNKNOWN_COLUMN = _("На листе «%(sheet)s» неизвестный столбец «%(column)s».")
UNKNOWN_COLUMN_HINT = _(
    "На листе «%(sheet)s» неизвестный столбец «%(column)s» — может быть, «%(hint)s»?"
)
REPEATED_COLUMN = _("На листе «%(sheet)s» столбец «%(column)s» повторяется.")
FORMULA = _(
    "Лист «%(sheet)s», ячейка %(cell)s: формула «%(formula)s». Загружаются только значения: "
    "скопируйте таблицу и вставьте «только значения»."
)
MERGED_CELLS = _(
    "На листе «%(sheet)s» есть объединённые ячейки (%(cells)s). Разъедините их: "
    "каждая строка должна содержать свои значения."
)
OLD_XLS = _(
    "Файл «%(name)s» в старом формате XLS. Откройте его в Excel и сохраните как "
    "«Книга Excel (*.xlsx)»."
)
BAD_DATE = _(
    "Лист «%(sheet)s», ячейка %(cell)s: «%(value)s» в ячейке с форматом даты — не дата "
    "(дата в Excel не бывает позже 31.12.9999). Введите дату в формате дд.мм.гггг."
)
BAD_CELL = _(
    "Лист «%(sheet)s», ячейка %(cell)s: значение «%(value)s» записано в файле с ошибкой "
    "(бесконечное число, не число или повреждённое оформление ячейки). Введите значение "
    "заново и сохраните файл в Excel."
)
NUL_IN_CELL = _(
    "Ячейка %(cell)s: в тексте есть нулевой символ (код 0), который нельзя сохранить. "
    "Удалите его (он попадает в текст при копировании из некоторых программ)."
)
BROKEN_SHEET = _(
    "Лист «%(sheet)s» файла «%(name)s» повреждён и не читается. Откройте файл в Excel и "
    "сохраните его заново как «Книга Excel (*.xlsx)»."
)
CSV_ONE_SHEET = _("В CSV-файле только одна таблица; для выгрузки всех данных нужен XLSX.")


def max_file_size() -> int:
    """The settings' upload size (10 MB), unless DATAIO_MAX_FILE_SIZE says otherwise."""
    default = getattr(settings, "FILE_UPLOAD_MAX_MEMORY_SIZE", 10 * 1024 * 1024)
    return getattr(settings, "DATAIO_MAX_FILE_SIZE", default)


class DataFileError(Exception):
    """The file is refused as a whole; `messages` say why, one per problem."""

    def __init__(self, messages):
        self.messages = [str(m) for m in (messages if isinstance(messages, list) else [messages])]
        super().__init__("\n".join(self.messages))


@dataclass
class SheetData:
    title: str
    headers: list[str]
    rows: Iterator[tuple[int, tuple]]  # (row number as the user sees it, values)


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def is_xlsx(data: bytes) -> bool:
    if not data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _merged_cells(data: bytes) -> dict[str, str]:
    """{sheet xml path: first merged range}; read-only openpyxl does not report them."""
    found = {}
    pattern = re.compile(rb'<(?:\w+:)?mergeCell ref="([A-Z0-9:]+)"')
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                with archive.open(name) as member:
                    tail = b""
                    while chunk := member.read(1 << 20):
                        match = pattern.search(tail + chunk)
                        if match:
                            found[name] = match.group(1).decode()
                            break
                        tail = chunk[-200:]
    return found


def check_size(data: bytes, name: str) -> None:
    limit = max_file_size()
    if len(data) > limit:
        raise DataFileError(TOO_BIG % {"name": name, "limit": round(limit / 1024 / 1024, 1)})


def check_headers(sheet: Sheet, title: str, headers: list[str]) -> list[str]:
    """Problems with a sheet's header row: missing, unknown or repeated columns."""
    problems = []
    expected = sheet.headers
    seen = set()
    for header in headers:
        if header in seen:
            problems.append(REPEATED_COLUMN % {"sheet": title, "column": header})
        seen.add(header)
        if header not in expected:
            missing = [h for h in expected if h not in headers]
            hint = difflib.get_close_matches(header, missing, n=1, cutoff=0.6) or [
                h for h in missing if h.casefold() in header.casefold()
            ]
            if hint:
                problems.append(
                    UNKNOWN_COLUMN_HINT % {"sheet": title, "column": header, "hint": hint[0]}
                )
            else:
                problems.append(UNKNOWN_COLUMN % {"sheet": title, "column": header})
    optional = {c.header for c in sheet.columns if c.name in sheet.optional}
    for header in expected:
        if header not in seen and header not in optional:
            problems.append(MISSING_COLUMN % {"sheet": title, "column": header})
    return problems


def _clean_headers(row) -> list[str]:
    headers = ["" if v is None else str(v).strip() for v in row]
    while headers and not headers[-1]:
        headers.pop()
    return headers


def _read_guarded(title: str, name: str, rows):
    """The reader's rows; a limit or a broken cell becomes the file's refusal."""
    try:
        yield from rows
    except (ElementTree.ParseError, zipfile.BadZipFile, zlib.error, EOFError, BrokenSheet):
        raise DataFileError(BROKEN_SHEET % {"sheet": title, "name": name}) from None
    except LimitExceeded as error:
        raise DataFileError(error.text(name)) from None
    except BadCell as error:
        message = BAD_DATE if error.kind == "date" else BAD_CELL
        raise DataFileError(
            message % {"sheet": title, "cell": error.cell, "value": error.value}
        ) from None


def _data_rows(title: str, rows, width: int, formulas: bool = False):
    for number, values in rows:
        values = tuple(values[:width]) + (None,) * (width - len(values))
        if all(is_blank(v) for v in values):
            continue
        for index, value in enumerate(values):
            if isinstance(value, str) and "\x00" in value:
                raise DataFileError(NUL_IN_CELL % {"cell": f"{_column_letter(index + 1)}{number}"})
            if isinstance(value, Formula) and not formulas:
                raise DataFileError(
                    FORMULA
                    % {
                        "sheet": title,
                        "cell": f"{_column_letter(index + 1)}{number}",
                        "formula": value,
                    }
                )
        yield number, values


class Workbook:
    """An XLSX or CSV file opened for reading, checked as a whole first."""

    def __init__(self, data: bytes, name: str):
        self.name = name
        check_size(data, name)
        if not data.strip():
            raise DataFileError(EMPTY_FILE % {"name": name})
        self.is_csv = not is_xlsx(data)
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise DataFileError(OLD_XLS % {"name": name})
        if self.is_csv and not name.lower().endswith((".csv", ".txt")):
            raise DataFileError(NOT_A_TABLE % {"name": name})
        if self.is_csv:
            self._text = self._decode_csv(data)
        else:
            try:
                self._reader = XlsxReader(data)
            except LimitExceeded as error:
                raise DataFileError(error.text(name)) from None
            except Exception as error:  # a broken package fails in many ways
                raise DataFileError(NOT_A_TABLE % {"name": name}) from error
            merged = _merged_cells(data)  # after the limits: it reads every sheet
            if merged:
                by_title = self._merged_by_title(data) or merged
                raise DataFileError(
                    [
                        MERGED_CELLS % {"sheet": title, "cells": cells}
                        for title, cells in by_title.items()
                    ]
                )

    @staticmethod
    def _merged_by_title(data) -> dict[str, str]:
        """Only on the error path: a full load names the sheets with merged cells."""
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(data))
        return {
            ws.title: ", ".join(str(r) for r in list(ws.merged_cells.ranges)[:3])
            for ws in book.worksheets
            if ws.merged_cells.ranges
        }

    def _decode_csv(self, data: bytes) -> str:
        if b"\x00" in data[:4096]:
            raise DataFileError(NOT_A_TABLE % {"name": self.name})
        for encoding in ("utf-8-sig", "cp1251"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
        raise DataFileError(NOT_A_TABLE % {"name": self.name})

    @property
    def titles(self) -> list[str]:
        return [""] if self.is_csv else self._reader.titles

    def sheet(self, title: str | None = None, *, formulas: bool = False) -> SheetData | None:
        """The sheet `title` (or the first); None when it has no header row.

        A formula refuses the file, unless `formulas`: a caller that wrote formulas
        of its own (the work log's month sheet sums its «Итого» row) gets each formula
        cell as a value it cannot take for a number (a `Formula`, or what the file
        cached) and decides itself."""
        if self.is_csv:
            text = self._text
            dialect = _csv_dialect(text)
            rows = (
                (number, [csv_unescape(value) for value in row])
                for number, row in enumerate(csv.reader(io.StringIO(text), dialect), 1)
            )
            title = title or ""
        else:
            title = title or self._reader.titles[0]
            rows = _read_guarded(title, self.name, self._reader.rows(title))
        for _number, first in rows:
            headers = _clean_headers(first)
            if headers:
                return SheetData(title, headers, _data_rows(title, rows, len(headers), formulas))
        return None

    def close(self) -> None:
        if not self.is_csv:
            self._reader.close()


def _csv_dialect(text: str):
    """The CSV's separator, told by its header line: the whole line, however long
    (a sniff of the first few kilobytes guesses wrong when the headers run past them)."""
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in (";", "\t", ",")}
    separator = max(counts, key=lambda sep: counts[sep])
    if not counts[separator]:
        return csv.excel
    return type("FileDialect", (csv.excel,), {"delimiter": separator})


def open_data_file(data: bytes, name: str) -> Workbook:
    return Workbook(data, name)


def sheet_or_error(title: str) -> Sheet:
    sheet = SHEET_BY_TITLE.get(title)
    if sheet is None:
        allowed = ", ".join(f"«{t}»" for t in SHEET_BY_TITLE)
        raise DataFileError(UNKNOWN_SHEET % {"sheet": title, "allowed": allowed})
    return sheet
