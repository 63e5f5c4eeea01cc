"""Recalculate an XLSX in LibreOffice (headless) and read back what every cell computes.

The report's XLSX caches each formula's result beside it (what a viewer that does
not recalculate shows) and asks to be recalculated on opening: both must agree.
`recalculated` makes LibreOffice open the file, recalculate it and save it again;
openpyxl then reads the values LibreOffice computed (`data_only`).

Each call uses its own LibreOffice profile (`-env:UserInstallation`): two
LibreOffice processes on one profile wait for each other or fail, and the tests
may run in parallel (pytest-xdist).
"""

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# The values a spreadsheet shows for a formula that failed.
ERRORS = ("#VALUE!", "#DIV/0!", "#REF!", "#NAME?", "#N/A", "#NUM!", "#NULL!", "Err:")


def require_soffice() -> str:
    """The LibreOffice command; the calling test is skipped, saying why, without it."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc")
    return SOFFICE


def recalculated(content: bytes) -> dict[str, dict[str, object]]:
    """{sheet title: {cell: value}} of `content` after LibreOffice recalculated it."""
    return values(recalculated_file(content))


def recalculated_file(content: bytes) -> bytes:
    """`content` as LibreOffice saves it after recalculating every formula."""
    [result] = recalculated_files([content])
    return result


def recalculated_files(contents: list[bytes]) -> list[bytes]:
    """Each of `contents` as LibreOffice saves it after recalculating every formula, all
    converted by one LibreOffice process (starting one takes seconds)."""
    soffice = require_soffice()
    with tempfile.TemporaryDirectory(prefix="recalc-") as scratch:
        folder = Path(scratch)
        sources = [folder / "in" / f"report-{number}.xlsx" for number in range(len(contents))]
        sources[0].parent.mkdir()
        for source, content in zip(sources, contents, strict=True):
            source.write_bytes(content)
        out = folder / "out"
        profile = folder / "profile"
        _always_recalculate(profile)
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "xlsx:Calc MS Excel 2007 XML",
                "--outdir",
                str(out),
                *map(str, sources),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        results = [out / source.name for source in sources]
        if not all(result.exists() for result in results):
            raise AssertionError("LibreOffice wrote no file for some of the workbooks")
        return [result.read_bytes() for result in results]


# LibreOffice shows an XLSX's cached results unless told to recalculate on loading
# (Tools ▸ Options ▸ Calc ▸ Formula ▸ Recalculation on file load: Always).
SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def _always_recalculate(profile: Path) -> None:
    """A fresh LibreOffice profile that recalculates every formula of a file it opens."""
    user = profile / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(SETTINGS, encoding="utf-8")


def values(content: bytes, *, data_only: bool = True) -> dict[str, dict[str, object]]:
    """{sheet title: {cell: value}} of the non-empty cells: the cached results
    (`data_only`) or the formulas as written."""
    book = load_workbook(io.BytesIO(content), data_only=data_only)
    return {
        sheet.title: {
            cell.coordinate: cell.value
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None
        }
        for sheet in book.worksheets
    }


def formula_cells(content: bytes) -> dict[str, list[str]]:
    """{sheet title: [cells holding a formula]}."""
    return {
        title: [ref for ref, value in cells.items() if isinstance(value, str) and value[:1] == "="]
        for title, cells in values(content, data_only=False).items()
    }


def disagreements(content: bytes) -> list[str]:
    """Every formula whose recalculated value is not the value the file caches, and every
    error value anywhere after recalculation, as «sheet!cell: cached → recalculated»."""
    [found] = disagreements_of({"": content}).values()
    return found


def disagreements_of(contents: dict[str, bytes]) -> dict[str, list[str]]:
    """`disagreements` of each named workbook, all recalculated by one LibreOffice."""
    names = list(contents)
    recalculated_all = recalculated_files([contents[name] for name in names])
    return {
        name: _disagreements(contents[name], values(result))
        for name, result in zip(names, recalculated_all, strict=True)
    }


def _disagreements(content: bytes, computed: dict[str, dict[str, object]]) -> list[str]:
    cached = values(content)
    found = []
    for title, refs in formula_cells(content).items():
        for ref in refs:
            before, after = cached[title].get(ref), computed.get(title, {}).get(ref)
            if not _same(before, after):
                found.append(f"{title}!{ref}: {before!r} → {after!r}")
    for title, cells in computed.items():
        for ref, value in cells.items():
            if isinstance(value, str) and value.startswith(ERRORS):
                found.append(f"{title}!{ref}: {value}")
    return found


def _same(cached, computed) -> bool:
    """Equal as the sheet shows them: numbers to a rounding's error, "" as blank."""
    if cached in (None, "") and computed in (None, ""):
        return True
    if isinstance(cached, int | float) and isinstance(computed, int | float):
        return abs(cached - computed) < 1e-6
    return cached == computed
