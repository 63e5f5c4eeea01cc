"""A streaming reader of XLSX cell values, several times faster than openpyxl's
read-only mode, which costs more than the database inserts on a big import.

It reads only what an import needs: sheet names, and per row the cell values
(shared and inline strings, numbers, booleans, dates by their number format).
A formula comes back as a `Formula` (its text with "="), so the caller can refuse it.
The XML is parsed by the standard library (expat: no external entities,
no network; entity expansion is limited by expat itself).

Before anything is unpacked, the package is held to `dataio.limits`: the
unpacked size and packing ratio of every part, the number of parts and
sheets; while reading, the number of shared strings and rows, a cell's
length and column. A file over a limit raises `LimitExceeded`, and a cell
that cannot be read (an infinite number, a date past year 9999) raises
`BadCell` naming it, before any row is imported.
"""

import math
import posixpath
import re
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from dataio.limits import (
    CELL_TOO_LONG,
    COLUMN_TOO_FAR,
    MAX_COLUMN,
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


class Formula(str):
    """The text of a formula cell ("=SUM(A1:A3)"): refused by the import, unlike a
    string that merely starts with "="."""


class BadCell(ValueError):
    """A cell the file itself records wrongly; `kind` says how, `cell` is "B5"."""

    def __init__(self, kind: str, cell: str, value):
        self.kind, self.cell, self.value = kind, cell, value
        super().__init__(f"{kind} {cell}: {value!r}")


SHARED_STRINGS = "xl/sharedStrings.xml"
_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")
_STRING_TAG = re.compile(rb"<(?:\w+:)?si[\s>/]")
_COLUMN_INDEX: dict[str, int] = {}


def _column_index(reference: str) -> int:
    """0 for "A1", 25 for "Z7"; -1 for a reference that is no cell of Excel's."""
    letters = reference.rstrip("0123456789")
    index = _COLUMN_INDEX.get(letters)
    if index is None:
        if not (0 < len(letters) <= 3 and letters.isascii() and letters.isupper()):
            return -1
        index = 0
        for letter in letters:
            index = index * 26 + (ord(letter) - 64)
        index = _COLUMN_INDEX[letters] = index - 1
    return index


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


def _text_of(element) -> str:
    """Text of a shared or inline string: plain <t>, or rich-text runs (phonetic runs skipped)."""
    parts = []
    for child in element:
        if child.tag == f"{MAIN}t":
            parts.append(child.text or "")
        elif child.tag == f"{MAIN}r":
            parts.extend(t.text or "" for t in child.iter(f"{MAIN}t"))
    return "".join(parts)


class XlsxReader:
    def __init__(self, archive: zipfile.ZipFile):
        check_package(archive)
        self.archive = archive
        self.sheet_paths: dict[str, str] = {}
        self.epoch = CALENDAR_WINDOWS_1900
        self._read_workbook()
        self.shared = self._read_shared_strings()
        self.date_styles = self._read_date_styles()

    def _xml(self, path):
        return ElementTree.fromstring(self.archive.read(path))

    def _read_workbook(self) -> None:
        workbook = self._xml("xl/workbook.xml")
        properties = workbook.find(f"{MAIN}workbookPr")
        if properties is not None and properties.get("date1904") in ("1", "true"):
            self.epoch = CALENDAR_MAC_1904
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

    def _read_shared_strings(self) -> list[str]:
        if SHARED_STRINGS not in self.archive.namelist():
            return []
        strings = []
        most = limit("DATAIO_MAX_SHARED_STRINGS")
        if self._tags_over(SHARED_STRINGS, _STRING_TAG, most):
            raise LimitExceeded(TOO_MANY_SHARED_STRINGS, limit=most)
        with self.archive.open(SHARED_STRINGS) as stream:
            for _event, element in ElementTree.iterparse(stream):
                if element.tag == f"{MAIN}si":
                    if len(strings) >= most:
                        raise LimitExceeded(TOO_MANY_SHARED_STRINGS, limit=most)
                    strings.append(_text_of(element))
                    element.clear()
        return strings

    def _read_date_styles(self) -> set[int]:
        if "xl/styles.xml" not in self.archive.namelist():
            return set()
        styles = self._xml("xl/styles.xml")
        formats = dict(BUILTIN_FORMATS)
        for number_format in styles.iter(f"{MAIN}numFmt"):
            formats[int(number_format.get("numFmtId"))] = number_format.get("formatCode")
        dates = set()
        cell_formats = styles.find(f"{MAIN}cellXfs")
        if cell_formats is None:
            return dates
        for index, xf in enumerate(cell_formats.iter(f"{MAIN}xf")):
            code = formats.get(int(xf.get("numFmtId", 0)))
            if code and is_date_format(code):
                dates.add(index)
        return dates

    @property
    def titles(self) -> list[str]:
        return list(self.sheet_paths)

    def rows(self, title: str) -> Iterator[tuple[int, list]]:
        """(row number, [values]) for every row present in the sheet's XML."""
        value_tag, formula_tag, inline_tag = f"{MAIN}v", f"{MAIN}f", f"{MAIN}is"
        row_tag, data_tag = f"{MAIN}row", f"{MAIN}sheetData"
        most_rows, longest = limit("DATAIO_MAX_ROWS"), limit("DATAIO_MAX_CELL_LENGTH")
        if self._tags_over(self.sheet_paths[title], _ROW_TAG, most_rows):
            raise LimitExceeded(TOO_MANY_ROWS, sheet=title, limit=most_rows)
        with self.archive.open(self.sheet_paths[title]) as stream:
            expected = 0
            count = 0
            sheet_data = None
            for event, row in ElementTree.iterparse(stream, events=("start", "end")):
                if event == "start":
                    if row.tag == data_tag:
                        sheet_data = row
                    continue
                if row.tag != row_tag:
                    continue
                count += 1
                if count > most_rows:
                    raise LimitExceeded(TOO_MANY_ROWS, sheet=title, limit=most_rows)
                number = row.get("r") or ""
                expected = int(number) if number.isdigit() else expected + 1
                values: list = []
                for cell in row:
                    reference = cell.get("r")
                    index = _column_index(reference) if reference else len(values)
                    if not 0 <= index < MAX_COLUMN:
                        raise LimitExceeded(
                            COLUMN_TOO_FAR, sheet=title, row=expected, cell=reference[:20]
                        )
                    if index > len(values):
                        values.extend([None] * (index - len(values)))
                    try:
                        value = self._value(cell, value_tag, formula_tag, inline_tag)
                    except (ValueError, OverflowError, IndexError):
                        raise BadCell(
                            "date" if self._is_date(cell) else "value",
                            f"{_letters(index)}{expected}",
                            _raw(cell, value_tag),
                        ) from None
                    if isinstance(value, str) and len(value) > longest:
                        raise LimitExceeded(
                            CELL_TOO_LONG,
                            sheet=title,
                            cell=f"{_letters(index)}{expected}",
                            limit=longest,
                        )
                    values.append(value)
                yield expected, values
                if sheet_data is not None:
                    sheet_data.clear()  # rows already read: keep memory bounded

    def _tags_over(self, path: str, tag: re.Pattern, most: int) -> bool:
        """Whether the part has more than `most` `tag`s (rows, shared strings): counted
        in the raw bytes, ten times faster than parsing, so a few million empty rows
        are refused in a fraction of a second. The parse counts again, exactly."""
        count, tail = 0, b""
        with self.archive.open(path) as stream:
            while chunk := stream.read(1 << 20):
                window = tail + chunk
                # A tag may straddle two chunks: the text from the last "<" waits.
                cut = window.rfind(b"<")
                if cut < 0 or len(window) - cut > 64:  # no unfinished tag at the end
                    cut = len(window)
                count += len(tag.findall(window, 0, cut))
                if count > most:
                    return True
                tail = window[cut:]
        count += len(tag.findall(tail))
        return count > most

    def _is_date(self, cell) -> bool:
        style = cell.get("s") or ""
        return style.isdigit() and int(style) in self.date_styles

    def _value(self, cell, value_tag, formula_tag, inline_tag):
        raw = None
        for child in cell:
            tag = child.tag
            if tag == value_tag:
                raw = child.text
            elif tag == formula_tag:
                return Formula("=" + (child.text or ""))
            elif tag == inline_tag:
                return _text_of(child)
        if raw is None:
            return None
        kind = cell.get("t", "n")
        if kind == "n":
            number = float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
            if isinstance(number, float) and not math.isfinite(number):
                raise ValueError(raw)  # Excel writes no infinity, no NaN
            style = cell.get("s")
            if style is not None and int(style) in self.date_styles:
                return from_excel(number, self.epoch)
            return number
        if kind == "s":
            return self.shared[int(raw)]
        if kind == "b":
            return raw == "1"
        return raw  # "str", "e", or "d" (an ISO date as text: the date column's rules apply)


def _raw(cell, value_tag) -> str:
    found = cell.find(value_tag)
    text = found.text if found is not None else ""
    return (text or "")[:40]


def _letters(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)
