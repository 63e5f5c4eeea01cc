"""The region's consolidated report (issue 26, item 3): DOCX and XLSX in ru and kk that
open, whose totals are the region's figures and recalculate to what they print; the
command; the download from the region's overview, scoped per role."""

import io

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from python_calamine import CalamineWorkbook

from branches.models import Library, Organization, Region
from branches.scoping import DIRECTOR, METHODOLOGIST, REGION_MANAGEMENT, REGION_METHODOLOGIST
from figures.region import region_figures
from reports.annex.build import annex_build_region, annex_layout
from reports.region_report import region_report_build
from reports.renderers import render_docx, render_xlsx
from tests.conftest import make_user
from tests.recalc import disagreements, require_soffice
from tests.regions.conftest import make_region_user

pytestmark = pytest.mark.django_db


def _sheet_rows(content: bytes, title: str) -> list[list]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(content))
    return book.get_sheet_by_name(title).to_python()


def _total_row(rows: list[list], label: str) -> list:
    return next(row for row in rows if str(row[0]).startswith(label))


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_docx_and_xlsx_open_with_the_regions_totals(karaganda_three, language):
    figures = region_figures(scope=karaganda_three, code="2021-H1")
    data = region_report_build(scope=karaganda_three, code="2021-H1", language=language)
    total = figures.total
    fund_sheet = next(s for s in data.sections if s.title in ("Фонд", "Қор"))
    fund = fund_sheet.tables()[0]
    # A row per ЦБС, the unaccepted one marked, and the region's total.
    names = [row.cells[0] for row in fund.rows]
    assert len(names) == 4 and sum(name.endswith(" *") for name in names) == 1
    assert fund.rows[-1].kind == "total"
    assert fund.rows[-1].cells[1:] == [
        total.fund_start, total.fund_start_kk, total.received, total.received_kk,
        total.written_off, total.written_off_kk, total.fund_end, total.fund_end_kk,
    ]  # fmt: skip

    document = Document(io.BytesIO(render_docx(data)))
    printed = "\n".join(cell.text for table in document.tables for cell in table._cells)
    assert str(total.fund_end) in printed and str(figures.control.figures.users) in printed

    content = render_xlsx(data)
    rows = _sheet_rows(content, fund_sheet.code)
    total_row = _total_row(rows, fund.rows[-1].cells[0])
    assert total_row[1:9] == [float(v) for v in fund.rows[-1].cells[1:]]


def test_the_xlsx_recalculates_to_what_it_prints(karaganda_three):
    """LibreOffice recalculates every =SUM and every % and ratio to the printed figure."""
    require_soffice()
    data = region_report_build(scope=karaganda_three, code="2021-H1", language="ru")
    assert disagreements(render_xlsx(data)) == []


def test_the_command_writes_the_region_and_refuses_an_unknown_one(karaganda_three, tmp_path):
    output = tmp_path / "region.xlsx"
    call_command(
        "build_report", "--period", "2021", "--region", "karaganda", "--format", "xlsx",
        "--language", "kk", "--output", str(output), stdout=io.StringIO(),
    )  # fmt: skip
    assert output.read_bytes()[:2] == b"PK"
    # The republic's code: the republic's report, its total over every region's ЦБС.
    republic = region_report_build(scope=karaganda_three.republic, code="2021-H1")
    assert republic.section("Фонд").tables()[0].rows[-1].cells[0] == "Всего по республике"
    assert (
        republic.key_figures["fund_end"]
        == region_figures(scope=karaganda_three, code="2021-H1").total.fund_end
    )  # the demo's republic has no other region
    with pytest.raises(CommandError, match="Регион с кодом «nowhere» не найден"):
        call_command(
            "build_report", "--period", "2021-H1", "--region", "nowhere", "--format", "docx",
            "--output", str(tmp_path / "x.docx"),
        )  # fmt: skip


@pytest.fixture
def url():
    return "/reports/region/karaganda/2021-H1/{format}/"


def test_the_regions_staff_download_their_region(karaganda_three, client, django_user_model, url):
    for username, role in (("m", REGION_METHODOLOGIST), ("d", REGION_MANAGEMENT)):
        client.force_login(make_region_user(django_user_model, username, role, karaganda_three))
        response = client.get(url.format(format="docx"))
        assert response.status_code == 200
        assert response["Content-Disposition"].endswith('karaganda-2021-H1-ru.docx"')
        response = client.get(url.format(format="xlsx") + "?language=kk")
        assert response.status_code == 200 and response.content[:2] == b"PK"


def test_no_one_else_downloads_it(karaganda_three, client, django_user_model, url):
    assert client.get(url.format(format="docx")).status_code == 302  # to the login page
    other = Region.objects.create(
        republic=karaganda_three.republic, code="pavlodar", name_ru="Павлодарская область"
    )
    balkhash = Organization.objects.get(code="balkhash")
    users = [
        make_region_user(django_user_model, "other-oblast", REGION_METHODOLOGIST, other),
        make_user(django_user_model, "cbs-methodist", METHODOLOGIST, balkhash),
        make_user(django_user_model, "cbs-director", DIRECTOR, balkhash),
    ]
    for user in users:
        client.force_login(user)
        assert client.get(url.format(format="docx")).status_code == 404
    # Nor another span or format than there are.
    client.force_login(make_region_user(django_user_model, "m", REGION_METHODOLOGIST, other))
    assert client.get("/reports/region/pavlodar/2021-H9/docx/").status_code == 404
    assert client.get("/reports/region/pavlodar/2021-H1/pdf/").status_code == 404


def test_the_annex_of_a_region_has_a_row_per_cbs_and_the_regions_whole(karaganda_three, tmp_path):
    layout = annex_layout("common_6nk_kz")
    data = annex_build_region(layout=layout, scope=karaganda_three, code="2021-H1")
    network = data.sections[0].tables()[0]
    assert network.header[0][1].text == "Всего по региону"
    assert (
        network.rows[0].cells[1]
        == Library.objects.filter(organization__region=karaganda_three).count()
    )
    fund = data.sections[1].tables()[0]
    names = [row.cells[0] for row in fund.rows]
    assert len(names) == 4 and names[-1] == "Всего по региону"
    assert sum(name.endswith(" *") for name in names) == 1
    # A fully known ЦБС's row is its figures, as its own annex and report print them.
    figures = region_figures(scope=karaganda_three, code="2021-H1")
    kg1 = next(m for m in figures.members if m.organization.code == "kg-1")
    row = next(row for row in fund.rows if row.cells[0].startswith("ЦБС-1"))
    assert row.cells[1:3] == [kg1.figures.fund_start, kg1.figures.received]
    output = tmp_path / "annex.docx"
    call_command(
        "build_annex", "--layout", "common_6nk_kz", "--period", "2021", "--region", "karaganda",
        "--format", "docx", "--language", "kk", "--output", str(output), stdout=io.StringIO(),
    )  # fmt: skip
    assert output.read_bytes()[:2] == b"PK"


def test_the_overview_offers_the_downloads(karaganda_three, client, django_user_model):
    user = make_region_user(django_user_model, "m", REGION_METHODOLOGIST, karaganda_three)
    client.force_login(user)
    page = client.get("/region/?half=2021-1").content.decode()
    for href in (
        "/reports/region/karaganda/2021-H1/docx/",
        "/reports/region/karaganda/2021-H1/xlsx/?language=kk",
        "/reports/region/karaganda/2021/xlsx/",
    ):
        assert f'href="{href}"' in page
