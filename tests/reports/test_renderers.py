"""The DOCX and XLSX read back contain the seed's figures where a reader looks for them."""

import io

import pytest
from docx import Document
from openpyxl import load_workbook

from reports.builder import report_build
from reports.periods import span_parse
from reports.renderers import render_docx, render_xlsx


@pytest.fixture
def data(organization, seeded):
    return report_build(organization=organization, span=span_parse(organization, "2021-H1"))


def docx_tables(content):
    document = Document(io.BytesIO(content))
    return document, [
        [[cell.text for cell in row.cells] for row in table.rows] for table in document.tables
    ]


def test_the_docx_has_the_fund_table_with_its_two_level_header(data):
    document, tables = docx_tables(render_docx(data))
    fund = tables[0]
    assert fund[0][1] == fund[0][2] == "Состояло на начало 1-го полугодия 2021"  # merged
    assert fund[1][1:3] == ["экз.", "в т.ч. на каз. яз."]
    assert fund[-1] == [
        "Всего по ЦБС", "283120", "87831", "2035", "1193", "11837", "956", "273318", "88068",
    ]  # fmt: skip
    assert fund[0][0] == fund[1][0] == "Библиотека"  # merged down


def test_the_docx_has_digitization_catalogue_and_publications(data):
    document, tables = docx_tables(render_docx(data))
    assert tables[1][-1] == ["Всего", "200", "213"]
    assert tables[2][-1] == ["Всего:", "56521", "57552"]
    publishing = tables[3]
    assert len(publishing) == 1 + 9 + 1 + 23
    text = "\n".join(p.text for p in document.paragraphs)
    assert (
        "За 1 полугодие 2021 на комплектование выделено (покупка из местного бюджета): 2770,4 тыс. тенге."
        in text
    )
    assert (
        "Всего было проведено 183 онлайн-мероприятия, зафиксировано 25192 подписчика, 164785 просмотров, 2128 публикаций."
        in text
    )
    assert "Количество публикаций о библиотеке в СМИ – 18" in text


def test_the_docx_uses_the_template_styles_and_numbers_pages(data):
    document = Document(io.BytesIO(render_docx(data)))
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "List Number", "List Bullet"} <= styles
    assert document.styles["Normal"].font.name == "Times New Roman"
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert "PAGE" in section.footer._element.xml


def test_each_numbered_list_starts_again_at_one(data):
    document = Document(io.BytesIO(render_docx(data)))
    num_ids = []
    for paragraph in document.paragraphs:
        if paragraph.style.name == "List Number":
            num_ids.append(paragraph._p.pPr.numPr.numId.val)
    # Books, TV stories, media references, live broadcasts: four lists, four numberings.
    assert len(set(num_ids)) == 4


def test_the_xlsx_has_a_sheet_per_section_with_numbers_as_numbers(data):
    workbook = load_workbook(io.BytesIO(render_xlsx(data)))
    assert workbook.sheetnames[:4] == ["Сводка", "III Фонд", "V Оцифровка", "VI Каталог"]
    assert workbook.sheetnames[-1] == "Проверки"
    fund = workbook["III Фонд"]
    rows = [[c.value for c in row] for row in fund.iter_rows()]
    total = next(r for r in rows if r[0] == "Всего по ЦБС")
    assert total[:9] == ["Всего по ЦБС", 283120, 87831, 2035, 1193, 11837, 956, 273318, 88068]
    audit = rows[rows.index(total) + 1]
    assert audit[0] == "Проверка (формула)" and audit[1].startswith("=SUM(B")
    assert any(isinstance(v, str) and v.startswith("=B") for v in total)  # end = B + D - F
    budget = next(
        r for r in rows if r[0] and str(r[0]).startswith("За 1 полугодие 2021 на комплектование")
    )
    assert budget[1] == pytest.approx(2770.4)
    assert fund.freeze_panes is not None
    assert int(fund.page_setup.paperSize) == 9  # A4
    assert fund.sheet_properties.pageSetUpPr.fitToPage


def test_the_xlsx_summary_and_catalogue(data):
    workbook = load_workbook(io.BytesIO(render_xlsx(data)))
    summary = {r[0]: r[1] for r in workbook["Сводка"].iter_rows(min_row=6, values_only=True)}
    assert summary["Онлайн-мероприятия"] == 183
    assert summary["Просмотры"] == 164785
    assert summary["Бюджет комплектования, тыс. тенге"] == pytest.approx(2770.4)
    catalogue = [r for r in workbook["VI Каталог"].iter_rows(values_only=True)]
    assert ("Всего:", 56521, 57552) in [tuple(r[:3]) for r in catalogue]
