"""reports/renderers/docx_xml.py, the one module that writes WordprocessingML past
python-docx's API: what each helper writes is saved, opened again with python-docx and
read as python-docx (and so Word's reader of the same schema) sees it."""

import io
import re
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, Twips

from reports.docx_template import TEMPLATE
from reports.renderers.docx_xml import (
    add_field,
    add_list_paragraphs,
    add_paragraph,
    append_rows,
    body_end,
    cell_xml,
    clear_body,
    drop_paragraph_properties,
    drop_run_properties,
    keep_last_with_next,
    paragraph_xml,
    restart_numbering,
    row_xml,
    rows_elements,
    run_xml,
    section_break,
    set_font,
    set_language,
    set_num_id,
    set_style_id,
    set_table_style_id,
)


def reread(document):
    """`document` as python-docx reads it back from its saved file."""
    buffer = io.BytesIO()
    document.save(buffer)
    return Document(io.BytesIO(buffer.getvalue()))


@pytest.fixture
def document():
    """The report's template with an empty body."""
    document = Document(str(TEMPLATE))
    clear_body(document)
    return document


def style_id(document, name, kind=WD_STYLE_TYPE.PARAGRAPH):
    return document.styles.get_style_id(name, kind)


def test_clear_body_leaves_no_block_but_keeps_the_page_setup():
    document = Document(str(TEMPLATE))
    document.add_paragraph("до")
    document.add_table(rows=1, cols=1)
    width, margin = document.sections[0].page_width, document.sections[0].left_margin
    clear_body(document)
    read = reread(document)
    assert read.paragraphs == [] and read.tables == []
    assert len(read.sections) == 1
    assert (read.sections[0].page_width, read.sections[0].left_margin) == (width, margin)


def test_paragraphs_come_in_order_before_the_page_setup(document):
    end = body_end(document)
    assert end is not None
    width = document.sections[0].page_width
    for text in ("первый", "второй", "үшінші"):
        add_paragraph(document, end).add_run(text)
    read = reread(document)
    assert [p.text for p in read.paragraphs] == ["первый", "второй", "үшінші"]
    # The page setup still closes the body: one section, its size kept.
    assert len(read.sections) == 1 and read.sections[0].page_width == width


def test_a_paragraph_without_a_closing_page_setup_goes_at_the_end(document):
    add_paragraph(document, body_end(document)).add_run("первый")
    add_paragraph(document, None).add_run("последний")
    assert [p.text for p in reread(document).paragraphs] == ["первый", "последний"]


def test_a_style_set_by_id_is_the_style_python_docx_reports(document):
    end = body_end(document)
    for name in ("Heading 1", "Narrative", "Table Caption"):
        set_style_id(add_paragraph(document, end), style_id(document, name))
    read = reread(document)
    assert [p.style.name for p in read.paragraphs] == ["Heading 1", "Narrative", "Table Caption"]


def test_keep_last_with_next_keeps_only_the_last_paragraph(document):
    end = body_end(document)
    add_paragraph(document, end).add_run("первый")
    add_paragraph(document, end).add_run("подпись таблицы")
    keep_last_with_next(document)
    read = reread(document)
    assert [p.paragraph_format.keep_with_next for p in read.paragraphs] == [None, True]


def test_keep_last_with_next_leaves_a_table_alone(document):
    add_paragraph(document, body_end(document)).add_run("текст")
    document.add_table(rows=1, cols=1)
    keep_last_with_next(document)
    read = reread(document)
    assert read.paragraphs[0].paragraph_format.keep_with_next is None
    assert read.tables[0].cell(0, 0).paragraphs[0].paragraph_format.keep_with_next is None


def test_run_xml_as_python_docx_reads_it(document):
    runs = (
        run_xml("в т.ч. <онлайн> & офлайн")
        + run_xml("строка\tтабуляция\nперенос", bold=True)
        + run_xml(" пробел по краям ", bold=False, size_pt=9.5)
    )
    table = document.add_table(rows=0, cols=1)
    append_rows(table, rows_elements([row_xml([cell_xml(1000, paragraph_xml(runs))])]))
    paragraph = reread(document).tables[0].cell(0, 0).paragraphs[0]
    first, second, third = paragraph.runs
    assert first.text == "в т.ч. <онлайн> & офлайн" and first.bold is None
    assert second.text == "строка\tтабуляция\nперенос" and second.bold is True
    assert third.text == " пробел по краям " and third.bold is False
    assert third.font.size == Pt(9.5) and first.font.size is None


def test_a_table_written_through_the_helpers_is_what_python_docx_sees(document):
    """A two-row header (one cell spanning both rows, one spanning two columns) and two
    data rows, the way the renderer writes them."""
    table = document.add_table(rows=0, cols=3)
    set_table_style_id(table, style_id(document, "Table Grid", WD_STYLE_TYPE.TABLE))
    header, text = style_id(document, "Table Header"), style_id(document, "Table Text")
    widths = [Cm(4).twips, Cm(3).twips, Cm(2).twips]

    def head(words, **options):
        return paragraph_xml(run_xml("") + run_xml(words), style_id=header, **options)

    rows = [
        row_xml(
            [
                cell_xml(widths[0], head("Библиотека"), merge="restart", fill="E7E6E6"),
                cell_xml(widths[1] + widths[2], head("Поступило", keep_next=True), span=2),
            ],
            header=True,
        ),
        row_xml(
            [
                cell_xml(widths[0], paragraph_xml(), merge="continue"),
                cell_xml(widths[1], head("всего")),
                cell_xml(widths[2], head("на каз. яз.")),
            ],
            header=True,
        ),
        row_xml([cell_xml(sum(widths), head("Дети"), span=3)]),
        row_xml(
            [
                cell_xml(widths[0], paragraph_xml(run_xml("ЦГБ", bold=True), style_id=text)),
                cell_xml(
                    widths[1],
                    paragraph_xml(run_xml("1 250", bold=True), style_id=text, centred=True),
                ),
                cell_xml(widths[2], paragraph_xml(keep_next=True)),
            ]
        ),
    ]
    append_rows(table, rows_elements(rows))

    table = reread(document).tables[0]
    assert table.style.name == "Table Grid"
    assert len(table.rows) == 4 and len(table.columns) == 3
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Библиотека", "Поступило", "Поступило"],
        ["Библиотека", "всего", "на каз. яз."],
        ["Дети", "Дети", "Дети"],
        ["ЦГБ", "1 250", ""],
    ]
    # Spans: the merged cells are one cell to python-docx.
    assert table.cell(0, 0)._tc is table.cell(1, 0)._tc
    assert table.cell(0, 1)._tc is table.cell(0, 2)._tc and table.cell(0, 1).grid_span == 2
    assert table.cell(2, 0).grid_span == 3
    assert [table.cell(1, c).width for c in range(3)] == [Twips(w) for w in widths]
    assert table.cell(0, 1).width == Twips(widths[1] + widths[2])
    # Styles, alignment, bold, keep with next.
    assert table.cell(0, 0).paragraphs[0].style.name == "Table Header"
    assert table.cell(2, 0).paragraphs[0].style.name == "Table Header"
    figure = table.cell(3, 1).paragraphs[0]
    assert figure.style.name == "Table Text"
    assert figure.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert figure.runs[0].bold is True
    assert table.cell(3, 0).paragraphs[0].alignment is None
    assert table.cell(0, 1).paragraphs[0].paragraph_format.keep_with_next is True
    assert table.cell(0, 0).paragraphs[0].paragraph_format.keep_with_next is None
    assert table.cell(3, 2).paragraphs[0].paragraph_format.keep_with_next is True
    # Row properties python-docx has no reader for: the header rows repeat on each page,
    # no row breaks across pages; the first header cell is shaded.
    properties = [row._tr.trPr for row in table.rows]
    assert all(p.find(qn("w:cantSplit")) is not None for p in properties)
    assert [p.find(qn("w:tblHeader")) is not None for p in properties] == [
        True,
        True,
        False,
        False,
    ]
    shading = table.cell(0, 0)._tc.tcPr.find(qn("w:shd"))
    assert shading is not None and shading.get(qn("w:fill")) == "E7E6E6"


def test_set_font_names_every_script(document):
    run = add_paragraph(document, body_end(document)).add_run("Қазақстан")
    set_font(run, "Times New Roman")
    set_font(document.styles["Heading 1"], "Arial")
    read = reread(document)
    assert read.paragraphs[0].runs[0].font.name == "Times New Roman"
    assert read.styles["Heading 1"].font.name == "Arial"
    fonts = read.paragraphs[0].runs[0]._r.rPr.rFonts
    assert {fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "cs", "eastAsia")} == {
        "Times New Roman"
    }
    heading = read.styles["Heading 1"].element.rPr.rFonts
    assert heading.get(qn("w:asciiTheme")) is None and heading.get(qn("w:hAnsiTheme")) is None


def test_add_field_writes_a_page_number_field(document):
    paragraph = add_paragraph(document, body_end(document))
    paragraph.add_run("Страница ")
    add_field(paragraph, "PAGE")
    read = reread(document).paragraphs[0]
    # The field's placeholder result is what python-docx shows as its text.
    assert read.text == "Страница 1"
    instructions = read._p.findall(f".//{qn('w:instrText')}")
    assert [i.text for i in instructions] == [" PAGE "]
    kinds = [c.get(qn("w:fldCharType")) for c in read._p.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]


def test_restart_numbering_gives_a_list_that_starts_at_one(document):
    end = body_end(document)
    num_id = restart_numbering(document)
    paragraphs = [add_paragraph(document, end) for _ in range(2)]
    for paragraph in paragraphs:
        paragraph.style = document.styles["List Number"]
        set_num_id(paragraph, num_id)
    read = reread(document)
    assert restart_numbering(read) == num_id + 1  # the new instance was saved
    numbering = read.part.numbering_part.element
    num = next(n for n in numbering.num_lst if n.numId == num_id)
    assert num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}").get(qn("w:val")) == "1"
    assert [p.style.name for p in read.paragraphs] == ["List Number", "List Number"]
    assert [p._p.pPr.numPr.numId.val for p in read.paragraphs] == [num_id, num_id]


LIST_ITEMS = [
    "челлендж «Читаем Абая» (ЦГБ)",
    "в т.ч. <онлайн> & офлайн «33 идеи»",
    " пробел по краям ",
    "строка\tтабуляция\nперенос\r\nещё",
    "",
]


@pytest.mark.parametrize(
    "style_name, numbered",
    [("List Bullet", False), ("List Number", True), (None, False), (None, True)],
)
def test_list_paragraphs_are_written_as_python_docx_would(style_name, numbered):
    """The renderer's lists (20,000 events in a large ЦБС's report) as one piece of XML:
    the same body, byte for byte, as python-docx's paragraph, run, style and numbering,
    a style the template lacks (None) and an empty item included."""
    documents = []
    for one_piece in (False, True):
        document = Document(str(TEMPLATE))
        clear_body(document)
        end = body_end(document)
        add_paragraph(document, end).add_run("до списка")
        style = style_id(document, style_name) if style_name else None
        num_id = restart_numbering(document) if numbered else None
        if one_piece:
            add_list_paragraphs(document, end, LIST_ITEMS, style_id=style, num_id=num_id)
        else:
            for item in LIST_ITEMS:
                paragraph = add_paragraph(document, end)
                if item:
                    paragraph.add_run(item)
                set_style_id(paragraph, style)
                if num_id is not None:
                    set_num_id(paragraph, num_id)
        add_paragraph(document, end).add_run("после списка")
        documents.append(reread(document))
    by_python_docx, in_one_piece = (d.element.body.xml for d in documents)
    assert in_one_piece == by_python_docx
    texts = [p.text for p in documents[1].paragraphs]
    assert texts == [
        "до списка",
        *LIST_ITEMS[:3],
        "строка\tтабуляция\nперенос\n\nещё",
        "",
        "после списка",
    ]


def test_set_language_is_the_documents_default(document):
    set_language(document, "kk-KZ")
    set_language(document, "ru-RU")  # set again, not added twice
    defaults = reread(document).styles.element.find(qn("w:docDefaults"))
    languages = defaults.findall(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert [lang.get(qn("w:val")) for lang in languages] == ["ru-RU"]


@pytest.mark.parametrize("landscape", [True, False])
def test_section_break_ends_a_section_turned_or_upright(document, landscape):
    end = body_end(document)
    upright = document.sections[0]
    width, height = upright.page_width, upright.page_height
    add_paragraph(document, end).add_run("таблица")
    section_break(add_paragraph(document, end), end, landscape=landscape)
    add_paragraph(document, end).add_run("дальше")
    read = reread(document)
    first, last = read.sections
    assert first.orientation == (WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT)
    assert (first.page_width, first.page_height) == (
        (height, width) if landscape else (width, height)
    )
    # The same margins and the same footer (its page number) as the pages after.
    assert first.left_margin == last.left_margin and first.footer.part is last.footer.part
    assert last.orientation == WD_ORIENT.PORTRAIT and last.page_width == width


def test_drop_properties_removes_only_what_is_named():
    document = Document()  # python-docx's own template: a Title with a rule, letter-spaced
    title = document.styles["Title"]
    assert title.element.pPr.find(qn("w:pBdr")) is not None
    assert title.element.rPr.find(qn("w:spacing")) is not None
    size = title.font.size
    drop_paragraph_properties(title, "w:pBdr", "w:numPr")
    drop_run_properties(title, "w:spacing", "w:kern")
    read = reread(document).styles["Title"]
    assert read.element.pPr.find(qn("w:pBdr")) is None
    assert read.element.rPr.find(qn("w:spacing")) is None
    assert read.element.rPr.find(qn("w:kern")) is None
    assert read.font.size == size  # the rest stays


def test_no_other_module_reaches_into_python_docx_elements():
    """python-docx's private element attributes and its oxml layer are used in
    reports/renderers/docx_xml.py only."""
    root = Path(__file__).resolve().parents[2]
    private = re.compile(r"\._(body|p|tbl|element|tc|tr|r)\b|\bdocx\.oxml\b|\bOxmlElement\b")
    skipped = {".venv", "tests", ".git", "node_modules"}
    found = []
    for path in root.rglob("*.py"):
        parts = path.relative_to(root).parts
        if skipped & set(parts) or path.name == "docx_xml.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if private.search(line):
                found.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    assert found == []
