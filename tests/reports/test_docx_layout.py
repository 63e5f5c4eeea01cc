"""The DOCX as a methodologist sends it: rows whole on a page, tables with what announces
them, header words unbroken, short lines not stretched, honest file properties."""

import io

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from branches.calendar import span_parse
from reports.builder import report_build
from reports.renderers import render_docx
from reports.renderers.docx import USABLE_WIDTH_CM
from reports.renderers.docx_widths import column_widths, word_cm


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
    table = kk.section("resources").tables()[0]
    widths, size = column_widths(table, USABLE_WIDTH_CM)
    assert sum(widths) == pytest.approx(USABLE_WIDTH_CM)
    # «…жартыжылдығының…» spans two columns: its longest word fits their width.
    assert widths[1] + widths[2] >= word_cm("жартыжылдығының", size)
    document = Document(io.BytesIO(render_docx(kk)))
    header = document.tables[0].rows[0].cells[1].paragraphs[0].runs[0]
    assert header.font.size is None or header.font.size.pt == size


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
