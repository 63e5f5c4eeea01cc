"""The demo's report files as a methodologist downloads them: built and compared with
the files kept in `tests/golden/files`, part by part inside the zip.

Only `docProps/core.xml` (the file's creation timestamp) may differ. A change that
means to change what the report prints regenerates the kept files on purpose:

    DATABASE_URL=sqlite:////tmp/golden.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/golden.sqlite3 .venv/bin/python manage.py load_demo
    DATABASE_URL=sqlite:////tmp/golden.sqlite3 .venv/bin/python -m tests.golden.outputs

and the diff of the unzipped parts is then part of the review. The same command writes
the XLSX's cells as JSON (`tests/reports/xlsx_snapshot.py`), the readable half of that diff.
"""

import io
import zipfile
from pathlib import Path

FILES = Path(__file__).resolve().parent / "files"
# (period, language, format): the half-year and the whole year, both languages.
CASES = [
    (period, language, file_format)
    for period in ("2021-H1", "2021")
    for language in ("ru", "kk")
    for file_format in ("docx", "xlsx")
]
# The only part that carries the moment the file was made.
VOLATILE = {"docProps/core.xml"}


def file_name(period: str, language: str, file_format: str) -> str:
    return f"report-{period}-{language}.{file_format}"


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name not in VOLATILE}


def differing_parts(made: bytes, kept: bytes) -> list[str]:
    """The zip parts that are missing, extra or not the same bytes."""
    new, old = parts(made), parts(kept)
    return sorted(name for name in new.keys() | old.keys() if new.get(name) != old.get(name))


def build(period: str, language: str, file_format: str, path: Path) -> None:
    from django.core.management import call_command

    call_command(
        "build_report",
        "--period", period, "--format", file_format, "--language", language,
        "--output", str(path),
    )  # fmt: skip


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cbs_reports.settings")
    if "SECRET_KEY" not in os.environ:  # a developer's machine, as manage.py has it
        os.environ.setdefault("DEBUG", "true")
    django.setup()
    for case in CASES:
        build(*case, FILES / file_name(*case))
        print(FILES / file_name(*case))
    from tests.reports.xlsx_snapshot import write_references

    write_references()
