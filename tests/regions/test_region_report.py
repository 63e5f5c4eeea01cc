"""The region's consolidated report (issue 26, item 3): DOCX and XLSX in ru and kk that
open, whose totals are the region's figures and recalculate to what they print; the
command; the download from the region's overview, scoped per role."""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document
from python_calamine import CalamineWorkbook

from branches.calendar import span_parse
from branches.handins import RegionHandIn
from branches.models import Library, Organization, Region, ReportingPeriod
from branches.scoping import DIRECTOR, METHODOLOGIST, REGION_MANAGEMENT, REGION_METHODOLOGIST
from figures.region import region_figures
from handin.checks import check_counts
from management.models import Finance
from reportkit.data import Paragraph
from reports.annex.build import annex_build, annex_build_region, annex_layout
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
    printed = "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
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


def _sheets(content: bytes) -> dict[str, list[list]]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(content))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_workbook_has_no_empty_sheet_and_its_checks_list_each_cbs(karaganda_three, language):
    """A methodologist opening the region's workbook finds no empty sheet: no list of
    events; «Проверки» names each ЦБС with its report's state and, once handed in, its
    edit checks as the region's overview counts them, and the consolidation's notes."""
    data = region_report_build(scope=karaganda_three, code="2021-H1", language=language)
    sheets = _sheets(render_xlsx(data))
    checks_title, events_title = {
        "ru": ("Проверки", "Список мероприятий"),
        "kk": ("Тексерулер", "Іс-шаралар тізімі"),
    }[language]
    assert events_title not in sheets and list(sheets).count(checks_title) == 1
    for name, rows in sheets.items():
        filled = [row for row in rows if any(cell not in ("", None) for cell in row)]
        assert len(filled) > 3, name  # a title, a header and rows, not an empty sheet
    rows = sheets[checks_title]
    figures = region_figures(scope=karaganda_three, code="2021-H1")
    with translation.override(language):
        for member in figures.members:
            (row,) = [r for r in rows if str(r[0]).startswith(member.organization.name(language))]
            assert row[0].endswith(" *") != member.accepted
            (period,) = member.periods
            state = member.states[1]
            label = dict(RegionHandIn.State.choices).get(state, _("не сдан"))
            assert row[1] == str(label)
            if state is None:
                assert row[2:4] == ["—", "—"]
            else:  # the overview's counts of the same checks
                counts = check_counts(period)
                assert row[2:4] == [counts.errors, f"{counts.explained} / {counts.warnings}"]
            assert row[4] == (_("да") if member.accepted else _("нет"))
    printed = [str(row[0]) for row in rows]
    # The consolidation's notes: the unaccepted ЦБС' asterisk explained.
    assert any(text.startswith("* ") for text in printed)
    # The same section opens the DOCX.
    document = Document(io.BytesIO(render_docx(data)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert data.sections[0].title in text
    cells = "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    for member in figures.members:
        assert member.organization.name(language) in cells


def test_the_checks_name_the_totals_over_some_cbs(karaganda_three):
    """A table whose total is over some ЦБС says so in «Проверки», naming those without."""
    data = region_report_build(scope=karaganda_three, code="2021-H1")
    partial = [
        (section, table)
        for section in data.sections[1:]
        for table in section.tables()
        if table.rows and table.rows[-1].kind == "total"
        and table.rows[-1].cells[0] != "Всего по региону"
    ]  # fmt: skip
    said = [b.text for b in data.sections[0].blocks if isinstance(b, Paragraph)]
    for section, table in partial:
        assert any(
            text.startswith(f"«{section.title}», «{table.title}»: {table.rows[-1].cells[0]}")
            for text in said
        )
    assert ("Итоги не по всем ЦБС" in said) == bool(partial)


def test_the_republics_checks_list_its_cbs_without_running_their_checks(karaganda_three):
    republic = region_report_build(scope=karaganda_three.republic, code="2021-H1")
    table = republic.sections[0].tables()[0]
    assert [h.text for h in table.header[1]] == ["Сдача в регион"]
    assert len(table.rows) == Organization.objects.filter(region__isnull=False).count()


def test_a_members_finance_is_its_own_annexs_and_the_region_their_sum(karaganda_three):
    """The region's annex: each ЦБС's cell of its finance is what its own annex prints,
    the region's is their sum, «известно N из M ЦБС» while some are unknown."""
    layout = annex_layout("common_6nk_kz")
    members = list(Organization.objects.filter(region=karaganda_three).order_by("name_ru"))
    budgets = {"balkhash": Decimal("100.5"), "kg-1": Decimal("20.2")}
    for organization in members:
        Finance.objects.filter(organization=organization, period__year=2021).delete()
        if organization.code in budgets:
            period = ReportingPeriod.objects.get(organization=organization, year=2021, half=1)
            Finance.objects.create(
                organization=organization, period=period, budget_local=budgets[organization.code],
                budget_total=budgets[organization.code],
            )  # fmt: skip

    def finance_table(data):
        return next(s for s in data.sections if s.title.startswith("11.")).tables()[0]

    region = finance_table(annex_build_region(layout=layout, scope=karaganda_three, code="2021-H1"))
    heads = [h.text for h in region.header[0]]
    assert heads[-1] == "Всего по региону" and len(heads) == 2 + len(members)
    total_row = next(row for row in region.rows if row.cells[0] == "Бюджет — всего")
    for organization in members:
        own = finance_table(
            annex_build(
                layout=layout, organization=organization, span=span_parse(organization, "2021-H1")
            )
        )
        own_cell = next(row for row in own.rows if row.cells[0] == "Бюджет — всего").cells[1]
        column = next(
            n for n, head in enumerate(heads) if head.startswith(organization.abbreviation())
            and organization.city() in head
        )  # fmt: skip
        assert total_row.cells[column] == own_cell
    assert total_row.cells[-1] == "120,7 (известно 2 из 3 ЦБС)"
    # Every ЦБС's known: the region's is the plain sum.
    third = next(o for o in members if o.code not in budgets)
    Finance.objects.create(
        organization=third,
        period=ReportingPeriod.objects.get(organization=third, year=2021, half=1),
        budget_local=Decimal("3"), budget_total=Decimal("3"),
    )  # fmt: skip
    region = finance_table(annex_build_region(layout=layout, scope=karaganda_three, code="2021-H1"))
    total_row = next(row for row in region.rows if row.cells[0] == "Бюджет — всего")
    assert total_row.cells[-1] == 123.7 == sum(total_row.cells[1:-1])
