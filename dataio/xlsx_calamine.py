"""XLSX cell values read by python-calamine (Rust), after the package is held to the limits.

Before calamine unpacks anything, the package is held to `dataio.limits` from
the zip directory (unpacked size and packing ratio of every part, the number of
parts), workbook.xml (the number of sheets) and a streaming count of tags with
a hard cap (shared strings; a sheet's rows, and a column past XFD): a file over
a limit raises `LimitExceeded` within a fraction of a second, nothing parsed.

Calamine returns a formula cell's cached value. The import refuses formulas,
naming them, so a sheet whose raw XML holds a formula tag is parsed once more
(expat, streaming) for the formula texts, which replace the cached values as
`Formula`s. The same parse runs when a cell looks broken (a number that is
infinite, or past the last date Excel has, in a sheet with a date format; a
style that is no number; a shared string that does not exist): it finds the
first such cell and raises `BadCell` naming it with its text in the file.
"""

import datetime
import io
import math
import posixpath
import re
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree

import python_calamine
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from dataio.limits import (
    CELL_TOO_LONG,
    COLUMN_TOO_FAR,
    PART_TOO_BIG,
    PART_TOO_PACKED,
    RATIO_FLOOR,
    TOO_MANY_PARTS,
    TOO_MANY_ROWS,
    TOO_MANY_SHARED_STRINGS,
    TOO_MANY_SHEETS,
    LimitExceeded,
    limit,
    megabytes,
)

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
SHARED_STRINGS = "xl/sharedStrings.xml"

_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")
_STRING_TAG = re.compile(rb"<(?:\w+:)?si[\s>/]")
# What sends a sheet to the second parse: a formula, an error value (calamine
# reads "#DIV/0!" as an empty cell), or a style that is no number.
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
_ERROR_VALUE = re.compile(rb' t="e"')
_ODD_STYLE = re.compile(rb' s="(?![0-9]+")')
# A cell reference past Excel's last column XFD (16,384), or one that starts with no letter.
_FAR_COLUMN = re.compile(
    rb' r="((?:[A-Z]{4,}|X[G-Z][A-Z]|XF[E-Z]|[YZ][A-Z]{2}|[^"A-Z0-9])[^"]{0,19})'
)
# Attributes apart by a tab or a line break (Excel writes a space) take the slow patterns.
_OTHER_SPACE = (b"\t", b"\r", b"\n")
_ODD_STYLE_ANY = re.compile(rb'\ss="(?![0-9]+")')
_ERROR_VALUE_ANY = re.compile(rb'\st="e"')
_FAR_COLUMN_ANY = re.compile(b"\\s" + _FAR_COLUMN.pattern[1:])
LAST_DATE_SERIAL = 2_958_465  # 31.12.9999, Excel's last day


class Formula(str):
    """The text of a formula cell ("=SUM(A1:A3)"): refused by the import, unlike a
    string that merely starts with "="."""


class BadCell(ValueError):
    """A cell the file itself records wrongly; `kind` says how, `cell` is "B5"."""

    def __init__(self, kind: str, cell: str, value):
        self.kind, self.cell, self.value = kind, cell, value
        super().__init__(f"{kind} {cell}: {value!r}")


class BrokenSheet(ValueError):
    """A sheet calamine cannot read and no cell of which is to blame."""


def check_package(archive: zipfile.ZipFile) -> None:
    """Refuse a package over the limits from its directory alone: nothing is unpacked.

    The sizes are the ones the directory declares; zipfile never unpacks more than
    a part declares, so a lying directory gets a shorter (broken) part, not more.
    """
    parts = archive.infolist()
    if len(parts) > limit("DATAIO_MAX_PARTS"):
        raise LimitExceeded(TOO_MANY_PARTS, count=len(parts), limit=limit("DATAIO_MAX_PARTS"))
    for info in parts:
        most = limit(
            "DATAIO_MAX_SHARED_STRINGS_SIZE"
            if info.filename == SHARED_STRINGS
            else "DATAIO_MAX_PART_SIZE"
        )
        if info.file_size > most:
            raise LimitExceeded(
                PART_TOO_BIG,
                part=info.filename,
                size=megabytes(info.file_size),
                limit=megabytes(most),
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > limit("DATAIO_MAX_RATIO"):
            raise LimitExceeded(
                PART_TOO_PACKED,
                part=info.filename,
                ratio=int(ratio),
                limit=limit("DATAIO_MAX_RATIO"),
            )


def _chunks(archive: zipfile.ZipFile, path: str) -> Iterator[bytes]:
    """The part's bytes in 1 MB windows; a tag cut by a window's end waits for the next
    (a window ends before its last "<" when that "<" starts less than 200 bytes back)."""
    tail = b""
    with archive.open(path) as stream:
        while chunk := stream.read(1 << 20):
            window = tail + chunk
            cut = window.rfind(b"<")
            if cut < 0 or len(window) - cut > 200:
                cut = len(window)
            yield window[:cut]
            tail = window[cut:]
    yield tail


def _count_over(archive: zipfile.ZipFile, path: str, tag: re.Pattern, most: int) -> int | None:
    """How many `tag`s the part holds, or None once they pass `most` (counted in the raw
    bytes, ten times faster than parsing, so millions of empty rows are refused at once)."""
    count = 0
    for window in _chunks(archive, path):
        count += len(tag.findall(window))
        if count > most:
            return None
    return count


def _text_of(element) -> str:
    parts = []
    for child in element:
        if child.tag == f"{MAIN}t":
            parts.append(child.text or "")
        elif child.tag == f"{MAIN}r":
            parts.extend(t.text or "" for t in child.iter(f"{MAIN}t"))
    return "".join(parts)


def _reference(reference: str) -> tuple[int, int]:
    """(row, column), both from 1, of "B5"."""
    letters = reference.rstrip("0123456789")
    column = 0
    for letter in letters:
        column = column * 26 + (ord(letter) - 64)
    return int(reference[len(letters) :]), column


class XlsxReader:
    """The workbook's sheet titles, and each sheet's rows of values (calamine's)."""

    def __init__(self, data: bytes):
        self.archive = zipfile.ZipFile(io.BytesIO(data))
        check_package(self.archive)
        self.sheet_paths: dict[str, str] = {}
        self._read_workbook()
        self.shared_count = 0
        if SHARED_STRINGS in self.archive.namelist():
            most = limit("DATAIO_MAX_SHARED_STRINGS")
            count = _count_over(self.archive, SHARED_STRINGS, _STRING_TAG, most)
            if count is None:
                raise LimitExceeded(TOO_MANY_SHARED_STRINGS, limit=most)
            self.shared_count = count
        self.book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))

    def _xml(self, path):
        return ElementTree.fromstring(self.archive.read(path))

    def _read_workbook(self) -> None:
        workbook = self._xml("xl/workbook.xml")
        rels = self._xml("xl/_rels/workbook.xml.rels")
        targets = {rel.get("Id"): rel.get("Target") for rel in rels.iter(PACKAGE_RELS)}
        sheets = list(workbook.iter(f"{MAIN}sheet"))
        if len(sheets) > limit("DATAIO_MAX_SHEETS"):
            raise LimitExceeded(
                TOO_MANY_SHEETS, count=len(sheets), limit=limit("DATAIO_MAX_SHEETS")
            )
        for sheet in sheets:
            target = targets[sheet.get(RELATIONSHIP)]
            path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
            self.sheet_paths[sheet.get("name")] = posixpath.normpath(path)

    @property
    def titles(self) -> list[str]:
        return list(self.sheet_paths)

    def close(self) -> None:
        self.book.close()
        self.archive.close()

    def _check_sheet(self, title: str) -> bool:
        """The sheet's limits from its raw bytes; whether it needs the second parse."""
        most = limit("DATAIO_MAX_ROWS")
        count, second_look = 0, False
        for window in _chunks(self.archive, self.sheet_paths[title]):
            count += len(_ROW_TAG.findall(window))
            if count > most:
                raise LimitExceeded(TOO_MANY_ROWS, sheet=title, limit=most)
            spaced = any(space in window for space in _OTHER_SPACE)
            far = (_FAR_COLUMN_ANY if spaced else _FAR_COLUMN).search(window)
            if far:
                reference = far.group(1).decode(errors="replace")
                row = re.search(r"[0-9]+$", reference)
                raise LimitExceeded(
                    COLUMN_TOO_FAR,
                    sheet=title,
                    row=row.group() if row else "?",
                    cell=reference[:20],
                )
            second_look = (
                second_look
                or bool(_FORMULA_TAG.search(window))
                or bool((_ERROR_VALUE_ANY if spaced else _ERROR_VALUE).search(window))
                or bool((_ODD_STYLE_ANY if spaced else _ODD_STYLE).search(window))
            )
        return second_look

    def rows(self, title: str) -> Iterator[tuple[int, list]]:
        """(row number, [values]) for every row with a value, formulas as `Formula`s."""
        formulas = self._formula_cells(title) if self._check_sheet(title) else {}
        try:
            sheet = self.book.get_sheet_by_name(title)
        except python_calamine.CalamineError:
            self._formula_cells(title)  # raises BadCell when a cell is to blame
            raise BrokenSheet(title) from None
        longest = limit("DATAIO_MAX_CELL_LENGTH")
        offset = sheet.start[1] if sheet.start else 0
        checked = bool(formulas)
        # iter_rows (python-calamine 0.9) yields every row from the first, the
        # columns from the first one used; empty cells are "".
        for number, cells in enumerate(sheet.iter_rows(), 1):
            values: list = [None] * offset
            seen = False
            for value in cells:
                if value == "":
                    value = None
                elif type(value) is float:
                    if not (-LAST_DATE_SERIAL < value < LAST_DATE_SERIAL) and not checked:
                        # Infinite, or a number no date can be: a broken date cell?
                        checked = True
                        self._formula_cells(title)  # raises BadCell naming a broken cell
                    if not math.isfinite(value) and len(values) not in formulas.get(number, {}):
                        raise BadCell("value", self._name(number, len(values)), str(value))
                    if value.is_integer() and abs(value) < 2**53:
                        value = int(value)
                elif type(value) is str:
                    if len(value) > longest:
                        raise LimitExceeded(
                            CELL_TOO_LONG,
                            sheet=title,
                            cell=self._name(number, len(values)),
                            limit=longest,
                        )
                elif type(value) is datetime.date:
                    value = datetime.datetime(value.year, value.month, value.day)
                seen = seen or value is not None
                values.append(value)
            row_formulas = formulas.pop(number, None)
            if row_formulas:
                values = _with_formulas(values, row_formulas)
                seen = True
            if seen:
                yield number, values
        for number in sorted(formulas):  # formulas with no cached value, past the range
            yield number, _with_formulas([], formulas[number])

    @staticmethod
    def _name(number: int, index: int) -> str:
        return f"{get_column_letter(index + 1)}{number}"

    def _date_styles(self) -> tuple[set[int], datetime.datetime]:
        epoch = CALENDAR_WINDOWS_1900
        properties = self._xml("xl/workbook.xml").find(f"{MAIN}workbookPr")
        if properties is not None and properties.get("date1904") in ("1", "true"):
            epoch = CALENDAR_MAC_1904
        if "xl/styles.xml" not in self.archive.namelist():
            return set(), epoch
        styles = self._xml("xl/styles.xml")
        formats = dict(BUILTIN_FORMATS)
        for number_format in styles.iter(f"{MAIN}numFmt"):
            formats[int(number_format.get("numFmtId"))] = number_format.get("formatCode")
        dates = set()
        cell_formats = styles.find(f"{MAIN}cellXfs")
        if cell_formats is not None:
            for index, xf in enumerate(cell_formats.iter(f"{MAIN}xf")):
                code = formats.get(int(xf.get("numFmtId", 0)))
                if code and is_date_format(code):
                    dates.add(index)
        return dates, epoch

    def _formula_cells(self, title: str) -> dict[int, dict[int, str]]:
        """The second parse: {row: {column: Formula}} of the sheet's formula cells
        (and error values, "#N/A", as text); raises BadCell at the first cell the
        file records wrongly."""
        dates, epoch = self._date_styles()
        cell_tag, value_tag, formula_tag = f"{MAIN}c", f"{MAIN}v", f"{MAIN}f"
        formulas: dict[int, dict[int, str]] = {}
        with self.archive.open(self.sheet_paths[title]) as stream:
            sheet_data = None
            for event, cell in ElementTree.iterparse(stream, events=("start", "end")):
                if event == "start":
                    if cell.tag == f"{MAIN}sheetData":
                        sheet_data = cell
                    continue
                if cell.tag == f"{MAIN}row" and sheet_data is not None:
                    sheet_data.clear()
                if cell.tag != cell_tag:
                    continue
                reference = cell.get("r") or ""
                found = cell.find(formula_tag)
                raw = cell.find(value_tag)
                raw = (raw.text or "") if raw is not None else None
                if found is not None or cell.get("t") == "e":
                    row, column = _reference(reference)
                    value = Formula("=" + (found.text or "")) if found is not None else raw
                    formulas.setdefault(row, {})[column - 1] = value
                    continue
                _check_cell(cell, reference, raw, dates, epoch, self.shared_count)
        return formulas


def _check_cell(cell, reference, raw, dates, epoch, shared_count) -> None:
    style = cell.get("s")
    shown = (raw or "")[:40]
    if style is not None and not style.isdigit():
        raise BadCell("value", reference, shown)
    if raw is None:
        return
    kind = cell.get("t", "n")
    is_date = style is not None and int(style) in dates
    try:
        if kind == "n":
            number = float(raw)
            if not math.isfinite(number):
                raise ValueError(raw)
            if is_date:
                from_excel(number, epoch)
        elif kind == "s" and not 0 <= int(raw) < shared_count:
            raise IndexError(raw)
    except (ValueError, OverflowError, IndexError):
        raise BadCell("date" if is_date else "value", reference, shown) from None


def _with_formulas(values: list, formulas: dict[int, str]) -> list:
    width = max(formulas) + 1
    if width > len(values):
        values = values + [None] * (width - len(values))
    for column, formula in formulas.items():
        values[column] = formula
    return values
