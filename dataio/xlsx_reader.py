"""A streaming reader of XLSX cell values, several times faster than openpyxl's
read-only mode, which costs more than the database inserts on a big import.

It reads only what an import needs: sheet names, and per row the cell values
(shared and inline strings, numbers, booleans, dates by their number format).
A formula comes back as a `Formula` (its text with "="), so the caller can refuse it.
The XML is parsed by the standard library (expat: no external entities,
no network; entity expansion is limited by expat itself).
"""

import posixpath
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


class Formula(str):
    """The text of a formula cell ("=SUM(A1:A3)"): refused by the import, unlike a
    string that merely starts with "="."""


_COLUMN_INDEX: dict[str, int] = {}


def _column_index(reference: str) -> int:
    letters = reference.rstrip("0123456789")
    index = _COLUMN_INDEX.get(letters)
    if index is None:
        index = 0
        for letter in letters:
            index = index * 26 + (ord(letter) - 64)
        index = _COLUMN_INDEX[letters] = index - 1
    return index


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
        for sheet in workbook.iter(f"{MAIN}sheet"):
            target = targets[sheet.get(RELATIONSHIP)]
            path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
            self.sheet_paths[sheet.get("name")] = posixpath.normpath(path)

    def _read_shared_strings(self) -> list[str]:
        if "xl/sharedStrings.xml" not in self.archive.namelist():
            return []
        strings = []
        with self.archive.open("xl/sharedStrings.xml") as stream:
            for _event, element in ElementTree.iterparse(stream):
                if element.tag == f"{MAIN}si":
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
        with self.archive.open(self.sheet_paths[title]) as stream:
            expected = 0
            sheet_data = None
            for event, row in ElementTree.iterparse(stream, events=("start", "end")):
                if event == "start":
                    if row.tag == data_tag:
                        sheet_data = row
                    continue
                if row.tag != row_tag:
                    continue
                expected = int(row.get("r") or expected + 1)
                values: list = []
                for cell in row:
                    reference = cell.get("r")
                    index = _column_index(reference) if reference else len(values)
                    if index > len(values):
                        values.extend([None] * (index - len(values)))
                    values.append(self._value(cell, value_tag, formula_tag, inline_tag))
                yield expected, values
                if sheet_data is not None:
                    sheet_data.clear()  # rows already read: keep memory bounded

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
            style = cell.get("s")
            if style is not None and int(style) in self.date_styles:
                return from_excel(number, self.epoch)
            return number
        if kind == "s":
            return self.shared[int(raw)]
        if kind == "b":
            return raw == "1"
        return raw  # "str", "e", or "d" (an ISO date as text: the date column's rules apply)
