"""The DOCX as a methodologist sends it: rows whole on a page, tables with what announces
them, header words unbroken, short lines not stretched, honest file properties."""

import io

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from branches.calendar import span_parse
from reports.builder import report_build
from reports.docx_template import TEMPLATE
from reports.renderers import render_docx
from reports.renderers.docx import (
    LANDSCAPE_WIDTH_CM,
    SMALLEST_UPRIGHT_HEADER_PT,
    USABLE_WIDTH_CM,
)
from reports.renderers.docx_widths import HEADER_PT, column_widths, word_cm


@pytest.fixture(params=["ru", "kk"])
def built(request, organization, seeded):
    data = report_build(
        organization=organization, span=span_parse(organization, "2021-H1"), language=request.param
    )
    return data, Document(io.BytesIO(render_docx(data)))


def test_no_table_row_breaks_across_pages(built):
    _data, document = built
    rows = [row for table in document.tables for row in table.rows]
    assert rows and all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in rows)


def test_a_table_stays_with_its_caption_and_a_short_table_stays_whole(built):
    _data, document = built
    body = list(document.element.body)
    for table in document.tables:
        before = Paragraph(body[body.index(table._tbl) - 1], document)
        # Directly, or through its style («Table Caption» keeps with next).
        assert before.paragraph_format.keep_with_next or (
            before.style.paragraph_format.keep_with_next
        )
        if len(table.rows) <= 25:
            for row in table.rows[:-1]:
                assert all(
                    p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs
                )


def test_the_kazakh_fund_header_words_fit_their_columns(organization, seeded):
    kk = report_build(
        organization=organization, span=span_parse(organization, "2021-H1"), language="kk"
    )
    # On a portrait page the header shrank to 8 pt and «оның ішінде қазақ тілінде» wrapped
    # over four lines: section III turns to landscape pages in Kazakh.
    table = kk.section("resources").tables()[0]
    assert column_widths(table, USABLE_WIDTH_CM)[1] < SMALLEST_UPRIGHT_HEADER_PT
    widths, size = column_widths(table, LANDSCAPE_WIDTH_CM)
    assert sum(widths) == pytest.approx(LANDSCAPE_WIDTH_CM)
    assert size == HEADER_PT
    # The «оның ішінде қазақ тілінде» columns: nearly 3 cm, two lines (a portrait page
    # gave them 1.3–1.7 cm, four lines).
    assert min(widths[2::2]) > 2.5
    # «…жартыжылдығының…» spans two columns: its longest word fits their width.
    assert widths[1] + widths[2] >= word_cm("жартыжылдығының", size)
    document = Document(io.BytesIO(render_docx(kk)))
    (fund,) = [t for t in document.tables if t.rows[0].cells[0].text == "Кітапхана"
               and len(t.columns) >= 9 and "дана" in t.rows[1].cells[1].text]  # fmt: skip
    header = fund.rows[0].cells[1].paragraphs[0].runs[0]
    assert header.font.size is None or header.font.size.pt == size == HEADER_PT
    # The pages turn upright after section III, not before it.
    body = document.element.body
    first_break = next(p for p in body.iterchildren() if p.find(".//" + qn("w:sectPr")) is not None)
    assert first_break.getnext().xpath("string(.)") == "IV. Бұқаралық жұмыс"
    assert first_break.find(".//" + qn("w:pgSz")).get(qn("w:orient")) == "landscape"


def test_the_russian_fund_table_stays_upright(organization, seeded):
    ru = report_build(
        organization=organization, span=span_parse(organization, "2021-H1"), language="ru"
    )
    table = ru.section("resources").tables()[0]
    assert column_widths(table, USABLE_WIDTH_CM)[1] >= SMALLEST_UPRIGHT_HEADER_PT
    document = Document(io.BytesIO(render_docx(ru)))
    body = document.element.body
    first_break = next(p for p in body.iterchildren() if p.find(".//" + qn("w:sectPr")) is not None)
    assert first_break.getnext().xpath("string(.)").startswith("III. ")


def test_a_tables_note_before_the_pages_turn_stays_with_its_last_rows_and_whole(built):
    """The ratios' footnote closes section II: on a page of its own before the pages turn
    it left a landscape page with nothing but the note (the Kazakh DOCX's page 6)."""
    data, document = built
    start = {"ru": "Пользователь учитывается один раз", "kk": "Пайдаланушы күнтізбелік"}
    body = list(document.element.body)
    (note,) = [p for p in document.paragraphs if p.text.startswith(start[data.language])]
    if data.language == "kk":
        # Section III follows on the same landscape pages (its fund table needs them):
        # it fills the note's page, the note is free to go there.
        heading = body[body.index(note._p) + 1]
        assert heading.xpath("string(.)").startswith("III. ")
        assert not note.paragraph_format.keep_together
        return
    # The pages turn upright after the note: it stays whole, with the table's last rows.
    assert body[body.index(note._p) + 1].find(".//" + qn("w:sectPr")) is not None
    assert note.paragraph_format.keep_together
    spacer = Paragraph(body[body.index(note._p) - 1], document)
    assert spacer.text == "" and spacer.paragraph_format.keep_with_next
    table = next(t for t in document.tables if t._tbl is body[body.index(note._p) - 2])
    assert all(
        p.paragraph_format.keep_with_next
        for row in table.rows
        for c in row.cells
        for p in c.paragraphs
    )


def test_statements_are_left_aligned_and_narrative_keeps_its_style(built):
    data, document = built
    statement = next(p for p in document.paragraphs if "2770,4" in p.text)
    assert statement.alignment == WD_ALIGN_PARAGRAPH.LEFT


def test_file_properties_name_the_report_its_organization_date_and_language(built):
    data, document = built
    properties = document.core_properties
    assert properties.title == f"{data.title} {data.subtitle}"
    assert properties.author == data.organization_name != "python-docx"
    assert properties.created.year >= 2025
    assert properties.language == {"ru": "ru-RU", "kk": "kk-KZ"}[data.language]


def _xml(element) -> bytes:
    # Exclusive canonical XML: the namespaces an element declares depend on its document.
    return etree.tostring(element, method="c14n", exclusive=True)


def _python_docx_rows(block, widths_cm, header_pt, keep):
    """The table's rows as python-docx's own API writes them (cells merged over each
    header cell's span): the reference the renderer's XML must equal. It writes the rows
    as XML only because the API is slow (it scans the whole table for each cell)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.shared import Cm, Pt

    from reports.renderers.docx import cell_text

    document = Document(str(TEMPLATE))
    table = document.add_table(rows=len(block.header) + len(block.rows), cols=len(widths_cm))
    for row in table.rows:
        row._tr.get_or_add_trPr().insert(0, OxmlElement("w:cantSplit"))
        for index, cell in enumerate(row.cells):
            cell.width = Cm(widths_cm[index])
    for r, c, head in block.header_grid():
        first = table.cell(r, c)
        merged = first.merge(table.cell(r + head.rowspan - 1, c + head.colspan - 1))
        merged.text = ""
        paragraph = merged.paragraphs[0]
        paragraph.style = document.styles["Table Header"]
        run = paragraph.add_run(head.text)
        if header_pt != 11:
            run.font.size = Pt(header_pt)
        shading = OxmlElement(
            "w:shd", {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): "E7E6E6"}
        )
        merged._tc.get_or_add_tcPr().append(shading)
    for r in range(len(block.header)):
        table.rows[r]._tr.get_or_add_trPr().append(
            OxmlElement("w:tblHeader", {qn("w:val"): "true"})
        )
    for row, table_row in zip(block.rows, table.rows[len(block.header) :], strict=True):
        cells = table_row.cells
        if row.kind == "group":
            paragraph = cells[0].merge(cells[-1]).paragraphs[0]
            paragraph.style = document.styles["Table Header"]
            paragraph.add_run(cell_text(row.cells[0]))
            continue
        for c, value in enumerate(row.cells):
            paragraph = cells[c].paragraphs[0]
            paragraph.style = document.styles["Table Text"]
            paragraph.add_run(cell_text(value)).bold = row.kind == "total"
            if isinstance(value, int | float):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for row in table.rows[:keep]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
    return [_xml(row._tr) for row in table.rows]


@pytest.mark.parametrize(("header_pt", "keep"), [(11, 0), (9, 2), (11, 4), (10, 11)])
def test_table_rows_are_written_as_python_docx_would(header_pt, keep):
    from docx.shared import Cm

    from reportkit.data import HeaderCell, Row, Table
    from reports.renderers.docx import _data_rows, _header_rows

    block = Table(
        title="",
        header=[
            [
                HeaderCell("Библиотека", rowspan=2),
                HeaderCell("Поступило за полугодие", colspan=2),
                HeaderCell("Списано", rowspan=2, colspan=2),
            ],
            [HeaderCell("всего"), HeaderCell("в т.ч. на каз.\u00adяз.")],
        ],
        rows=[
            Row(["Дети и подростки"], kind="group"),
            Row(["ЦГБ", 1250, 300, "в т.ч. <онлайн> & офлайн", 4]),
            Row(["ф№1", 12.5, 0, " пробел по краям ", 5]),
            Row(["ф№2", None, 1, "строка\tтабуляция\nперенос\r\nещё", 6]),
            Row(["ф№3", 0]),  # a short row: its last cells stay empty
            Row([""], kind="group"),
            Row(["Всего", 1262.5, 301, "", 15], kind="total"),
        ],
    )
    widths = [4.5, 3.0, 2.5, 4.0, 2.5]
    twips = [Cm(width).twips for width in widths]
    written = [_xml(tr) for tr in _header_rows(block, twips, header_pt, "TableHeader", keep)] + [
        _xml(tr) for tr in _data_rows(block.rows, twips, ("TableText", "TableHeader"), keep - 2)
    ]
    assert written == _python_docx_rows(block, widths, header_pt, keep)
