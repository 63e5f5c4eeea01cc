"""The demo's DOCX and XLSX, ru and kk, half-year and year, are the bytes kept in
tests/golden/files (apart from the creation timestamp): a refactoring changes no output."""

import io
import zipfile

import pytest

from tests.golden.outputs import CASES, FILES, build, differing_parts, file_name, parts


@pytest.mark.parametrize(("period", "language", "file_format"), CASES)
def test_the_demo_report_is_the_kept_file(demo, period, language, file_format, tmp_path):
    made = tmp_path / file_name(period, language, file_format)
    build(period, language, file_format, made)
    kept = (FILES / made.name).read_bytes()
    assert differing_parts(made.read_bytes(), kept) == []


def test_the_comparison_sees_a_changed_part(demo, tmp_path):
    made = tmp_path / "r.docx"
    build("2021-H1", "ru", "docx", made)
    changed = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(made.read_bytes())) as source:
        with zipfile.ZipFile(changed, "w") as target:
            for name in source.namelist():
                body = source.read(name)
                if name == "word/document.xml":
                    body = body.replace("Балхаш".encode(), "Балкаш".encode(), 1)
                target.writestr(name, body)
    assert differing_parts(changed.getvalue(), made.read_bytes()) == ["word/document.xml"]
    assert "docProps/core.xml" not in parts(made.read_bytes())
