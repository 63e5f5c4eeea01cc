import io

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook

from tests.reports.layout import fund_table


def test_it_writes_a_docx_and_an_xlsx(organization, seeded, tmp_path):
    docx_path, xlsx_path = tmp_path / "r.docx", tmp_path / "r.xlsx"
    call_command("build_report", period="2021-H1", output_format="docx", output=str(docx_path))
    call_command(
        "build_report", "--period", "2021-H1", "--format", "xlsx", "--output", str(xlsx_path)
    )
    assert (
        fund_table(Document(io.BytesIO(docx_path.read_bytes())).tables).rows[-1].cells[7].text
        == "273318"
    )
    assert load_workbook(xlsx_path).sheetnames[0] == "Сводка"


def test_it_builds_a_year(organization, seeded, tmp_path):
    path = tmp_path / "year.xlsx"
    call_command("build_report", "--period", "2021", "--format", "xlsx", "--output", str(path))
    assert path.exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--period", "2021-H3", "--format", "docx"], "задан неверно"),
        (["--period", "2030-H1", "--format", "docx"], "нет отчётного периода 2030-H1"),
        (["--period", "2021-H1", "--format", "pdf"], "Неизвестный формат «pdf»"),
        (["--period", "2021-H1", "--format", "docx", "--organization", "x"], "«x» не найдена"),
        (["--period", "2021-H1", "--format", "docx", "--language", "en"], "Неизвестный язык"),
    ],
)
def test_it_refuses_in_russian_and_writes_nothing(organization, seeded, tmp_path, args, message):
    path = tmp_path / "r.out"
    with pytest.raises(CommandError, match=message):
        call_command("build_report", *args, "--output", str(path))
    assert not path.exists()


def test_it_asks_which_organization_when_there_are_several(
    organization, other_organization, tmp_path
):
    with pytest.raises(CommandError, match="Организаций несколько"):
        call_command(
            "build_report",
            "--period",
            "2021-H1",
            "--format",
            "docx",
            "--output",
            str(tmp_path / "r"),
        )
