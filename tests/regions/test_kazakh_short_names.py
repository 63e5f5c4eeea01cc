"""The Kazakh consolidated report of a region and the region's annex name a member ЦБС by
its Kazakh short name (`Organization.short_name_kk`) where it has one, by its Russian
short name where it has none: in the tables' rows and columns, the notes on the totals
over some ЦБС, the DOCX and the XLSX alike."""

import io

import pytest
from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document
from python_calamine import CalamineWorkbook

from branches.models import Organization
from reports.annex.build import annex_build_region, annex_layout
from reports.region_report import SECTIONS, region_report_build
from reports.renderers import render_docx, render_xlsx
from reports.renderers.xlsx import render_xlsx_tables

pytestmark = pytest.mark.django_db

# kg-1 (accepted) is given a Kazakh short name, kg-2 (not accepted, marked) keeps only its
# Russian «ЦБС-2»; neither has a Kazakh city, so both print «Город».
NAMED = "Бірінші ОКЖ Город"
UNNAMED = "ЦБС-2 Город *"


@pytest.fixture
def named(karaganda_three):
    Organization.objects.filter(code="kg-1").update(short_name_kk="Бірінші ОКЖ")
    return karaganda_three


def _xlsx_texts(content: bytes) -> list[str]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(content))
    return [
        str(cell)
        for name in book.sheet_names
        for row in book.get_sheet_by_name(name).to_python()
        for cell in row
        if cell not in ("", None)
    ]


def _docx_texts(content: bytes) -> list[str]:
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return [p.text for p in document.paragraphs] + cells


def test_the_kazakh_region_report_names_a_cbs_by_its_kazakh_short_name(named):
    data = region_report_build(scope=named, code="2021-H1", language="kk")
    with translation.override("kk"):
        fund = data.section(str(SECTIONS["fund"])).tables()[0]
        # The line on a total over some ЦБС names those without figures the same way.
        no_data = _("Нет данных у: %(names)s.") % {"names": f"{NAMED}, {UNNAMED}"}
    assert [row.cells[0] for row in fund.rows[:3]] == ["ОКЖ Балқаш", NAMED, UNNAMED]
    for texts in (_xlsx_texts(render_xlsx(data)), _docx_texts(render_docx(data))):
        assert any(text.endswith(no_data) for text in texts)
        assert NAMED in texts and UNNAMED in texts
        assert not any(text.startswith("ЦБС-1") for text in texts)


def test_the_kazakh_region_annex_captions_a_cbs_by_its_kazakh_short_name(named):
    layout = annex_layout("common_6nk_kz")
    data = annex_build_region(layout=layout, scope=named, code="2021-H1", language="kk")
    finance = next(s for s in data.sections if s.title.startswith("11.")).tables()[0]
    assert [head.text for head in finance.header[0]][1:4] == ["ОКЖ Балқаш", NAMED, UNNAMED]
    fund = data.sections[1].tables()[0]
    assert [row.cells[0] for row in fund.rows[:3]] == ["ОКЖ Балқаш", NAMED, UNNAMED]
    for texts in (_xlsx_texts(render_xlsx_tables(data)), _docx_texts(render_docx(data))):
        assert NAMED in texts and UNNAMED in texts
        assert not any(text.startswith("ЦБС-1") for text in texts)
    # The Russian annex keeps the Russian short names.
    russian = annex_build_region(layout=layout, scope=named, code="2021-H1", language="ru")
    heads = [
        head.text
        for head in next(s for s in russian.sections if s.title.startswith("11."))
        .tables()[0]
        .header[0]
    ]
    assert heads[1:4] == ["ЦБС Балхаш", "ЦБС-1 Город", UNNAMED]
