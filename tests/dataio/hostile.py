"""Hostile XLSX files, made on the fly: nothing binary is kept in the repository.

Each starts as a real workbook of the events sheet (its header row and one
good row, as Excel would save it) and has one part replaced or added by a
generator, so even a part that unpacks to hundreds of megabytes is written
in chunks without holding it in memory.
"""

import io
import zipfile
from collections.abc import Callable, Iterable

from tests.dataio.conftest import workbook_bytes
from tests.dataio.test_admin_import import HEADERS, event_row

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHEET = "xl/worksheets/sheet1.xml"
SHARED = "xl/sharedStrings.xml"
STYLES = "xl/styles.xml"
# Style 0 plain, style 1 a date (built-in format 14).
DATE_STYLES = (
    f'<styleSheet xmlns="{MAIN_NS}"><cellXfs count="2"><xf numFmtId="0"/>'
    '<xf numFmtId="14"/></cellXfs></styleSheet>'
).encode()


def _inline(reference: str, text: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


def header_row() -> str:
    from openpyxl.utils import get_column_letter

    cells = "".join(_inline(f"{get_column_letter(i)}1", h) for i, h in enumerate(HEADERS, 1))
    return f'<row r="1">{cells}</row>'


def good_row(number: int, cells: str = "") -> str:
    """Library, title and form of a valid event, and `cells` (the date among them)."""
    return (
        f'<row r="{number}">{_inline(f"A{number}", "cgb")}{cells}'
        f"{_inline(f'C{number}', 'Викторина')}{_inline(f'D{number}', 'Викторина')}</row>"
    )


def sheet_chunks(rows: Iterable[str]) -> Iterable[bytes]:
    yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN_NS}"><sheetData>'.encode()
    yield header_row().encode()
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= 10_000:
            yield "".join(batch).encode()
            batch = []
    yield "".join(batch).encode()
    yield b"</sheetData></worksheet>"


def base_workbook() -> bytes:
    return workbook_bytes({"Мероприятия": [HEADERS, event_row()]})


def rebuild(parts: dict[str, Callable[[], Iterable[bytes]]], extra: int = 0) -> bytes:
    """The base workbook with `parts` replaced or added (each a chunk generator),
    and `extra` more empty parts."""
    source = zipfile.ZipFile(io.BytesIO(base_workbook()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename not in parts:
                target.writestr(info.filename, source.read(info.filename))
        for name, chunks in parts.items():
            with target.open(name, "w", force_zip64=True) as stream:
                for chunk in chunks():
                    stream.write(chunk)
        for index in range(extra):
            target.writestr(f"customXml/item{index}.xml", b"<a/>")
    return out.getvalue()
