"""ReportData -> DOCX, on the styled template reports/templates_docx/report.docx."""

import datetime
import io

from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from reports.data import ItemList, Paragraph, ReportData, Table
from reports.docx_template import TEMPLATE
from reports.renderers.docx_widths import HEADER_PT, column_widths
from reports.renderers.docx_xml import (
    keep_row_on_one_page,
    repeat_as_header,
    restart_numbering,
    section_break,
    set_language,
    set_num_id,
    shade,
)
from reports.text import number

USABLE_WIDTH_CM = 16.5  # A4 21 cm minus the template's 3 + 1.5 cm margins
LANDSCAPE_WIDTH_CM = 25.2  # A4 turned: 29.7 cm minus the same margins
# A table this short moves to the next page whole rather than leave a few rows behind.
KEEP_TOGETHER_ROWS = 25
NOTE_MARKS = {"error": "✖", "warning": "!", "info": "✓"}
PRINTED_NOTE_LEVELS = ("error", "warning")
LANGUAGE_TAGS = {"ru": "ru-RU", "kk": "kk-KZ"}


def render_docx(data: ReportData) -> bytes:
    with translation.override(data.language):
        document = Document(str(TEMPLATE))
        body = document.element.body
        for element in list(body):
            if not element.tag.endswith("sectPr"):
                body.remove(element)
        set_language(document, LANGUAGE_TAGS.get(data.language, "ru-RU"))
        _set_properties(document, data)
        _DocxWriter(document).write(data)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()


def _set_properties(document, data: ReportData) -> None:
    """File properties: what the report is, by whom, when and in which language (python-docx's
    template would say «python-docx», 2013)."""
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0, tzinfo=None)
    properties = document.core_properties
    properties.title = f"{data.title} {data.subtitle}"
    properties.subject = data.organization_name
    properties.author = data.organization_name
    properties.last_modified_by = data.organization_name
    properties.created = properties.modified = now
    properties.revision = 1
    properties.language = LANGUAGE_TAGS.get(data.language, "ru-RU")
    properties.keywords = data.span_code
    properties.comments = ""
    properties.category = ""


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float):
        return number(value)
    return str(value)


class _DocxWriter:
    def __init__(self, document):
        self.document = document
        self.level = 1
        self.style_ids: dict[tuple[str, int], str | None] = {}
        self.sect_pr = document.element.body.sectPr
        self.landscape = False  # the pages being written are turned

    def style_id(self, name: str, kind=WD_STYLE_TYPE.PARAGRAPH) -> str | None:
        """A style's id, looked up once: python-docx scans every style of the document
        on each lookup by name, which made the renderer quadratic in the paragraphs."""
        key = (name, kind)
        if key not in self.style_ids:
            self.style_ids[key] = self.document.styles.get_style_id(name, kind)
        return self.style_ids[key]

    def add_paragraph(self, text: str = "", style: str | None = None):
        # python-docx's add_paragraph looks for the body's closing w:sectPr among all
        # its children each time (quadratic): insert before the one found once.
        element = OxmlElement("w:p")
        if self.sect_pr is not None:
            self.sect_pr.addprevious(element)
        else:
            self.document.element.body.append(element)
        paragraph = DocxParagraph(element, self.document._body)
        if text:
            paragraph.add_run(text)
        if style is not None:
            self.set_style(paragraph, style)
        return paragraph

    def add_heading(self, text: str, level: int):
        return self.add_paragraph(text, "Title" if level == 0 else f"Heading {level}")

    def set_style(self, paragraph, name: str) -> None:
        paragraph._p.style = self.style_id(name)

    def write(self, data: ReportData) -> None:
        self.add_paragraph(data.title, style="Title")
        self.add_paragraph(data.organization_name, style="Title")
        # The title page turns with the first section when that is printed landscape.
        self.landscape = bool(data.sections) and data.sections[0].landscape
        self.add_paragraph(data.subtitle, style="Subtitle")
        for section in data.sections:
            if section.level > 1 and section.is_empty:
                continue  # an event group with no events and no text this time
            if section.level == 1 and section.landscape != self.landscape:
                self.turn_pages()
            if section.heading:
                self.add_heading(section.title, level=section.level)
            self.level = section.level
            for part in section.narrative_before:
                self.add_paragraph(part, style="Narrative")
            for block in section.blocks:
                if isinstance(block, Table):
                    self.table(block)
                elif isinstance(block, ItemList):
                    self.item_list(block)
                elif isinstance(block, Paragraph):
                    self.paragraph(block)
            for part in section.narrative_after:
                self.add_paragraph(part, style="Narrative")
        # The document is what the methodologist hands in: reconciliations that came
        # out right («✓ Баланс фонда…») stay on the report's page and in the XLSX;
        # only a problem still in the data is printed, so it cannot go unnoticed.
        if self.landscape:
            self.turn_pages()  # the document's own last section is portrait
        problems = [note for note in data.notes if note.level in PRINTED_NOTE_LEVELS]
        if problems:
            self.add_heading(_("Проверка данных"), level=1)
            for note in problems:
                self.add_paragraph(f"{NOTE_MARKS.get(note.level, '•')} {note.text}", style="Note")

    def turn_pages(self) -> None:
        """End the pages written so far (as they are turned) and turn the next ones."""
        if self.sect_pr is not None:
            section_break(self.add_paragraph(), self.sect_pr, landscape=self.landscape)
        self.landscape = not self.landscape

    def paragraph(self, block: Paragraph) -> None:
        if block.style == "bullet":
            self.add_paragraph(block.text, style="List Bullet")
        elif block.style == "heading":
            # A run-in subheading sits one level below its section's title.
            self.add_heading(block.text, level=min(self.level + 1, 3))
        elif block.style == "narrative":
            self.add_paragraph(block.text, style="Narrative")
        else:
            # Short statements: justified, a two-line sentence would stretch its first line.
            paragraph = self.add_paragraph(block.text)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT

    def item_list(self, block: ItemList) -> None:
        if block.title:
            self.add_paragraph(block.title)
        num_id = restart_numbering(self.document) if block.numbered else None
        for item in block.items:
            paragraph = self.add_paragraph(
                item, style="List Number" if block.numbered else "List Bullet"
            )
            if num_id is not None:
                set_num_id(paragraph, num_id)

    def table(self, block: Table) -> None:
        doc = self.document
        # What announces the table stays on the page of its first rows.
        body = doc.element.body
        previous = body[-2] if len(body) > 1 and body[-1].tag.endswith("sectPr") else body[-1]
        if previous.tag.endswith("}p"):
            previous.get_or_add_pPr().get_or_add_keepNext()
        if block.title:
            self.add_paragraph(block.title, style="Table Caption")
        columns = max(sum(c.colspan for c in line) for line in block.header)
        table = doc.add_table(rows=len(block.header) + len(block.rows), cols=columns)
        table._tbl.tblStyle_val = self.style_id("Table Grid", WD_STYLE_TYPE.TABLE)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        usable = LANDSCAPE_WIDTH_CM if self.landscape else USABLE_WIDTH_CM
        widths, header_pt = column_widths(block, usable)
        # LibreOffice reads the grid's column widths, Word the cells': set both.
        for index, column in enumerate(table.columns):
            column.width = Cm(widths[index])
        for row in table.rows:
            keep_row_on_one_page(row)
            for index, cell in enumerate(row.cells):
                cell.width = Cm(widths[index])

        # Header: each cell at its grid position (Table.header_grid), merged over its span.
        for r, c, head in block.header_grid():
            first = table.cell(r, c)
            last = table.cell(r + head.rowspan - 1, c + head.colspan - 1)
            merged = first.merge(last) if (head.rowspan, head.colspan) != (1, 1) else first
            merged.text = ""
            paragraph = merged.paragraphs[0]
            self.set_style(paragraph, "Table Header")
            run = paragraph.add_run(head.text)
            if header_pt != HEADER_PT:
                run.font.size = Pt(header_pt)
            shade(merged, "E7E6E6")
        for r in range(len(block.header)):
            repeat_as_header(table.rows[r])

        # python-docx rebuilds the row list on every `table.rows[i]`: take it once.
        table_rows = list(table.rows)[len(block.header) :]
        for row, table_row in zip(block.rows, table_rows, strict=True):
            cells = table_row.cells
            if row.kind == "group":
                merged = cells[0].merge(cells[-1])
                paragraph = merged.paragraphs[0]
                self.set_style(paragraph, "Table Header")
                paragraph.add_run(cell_text(row.cells[0]))
                continue
            for c, value in enumerate(row.cells):
                paragraph = cells[c].paragraphs[0]
                self.set_style(paragraph, "Table Text")
                run = paragraph.add_run(cell_text(value))
                run.bold = row.kind == "total"
                if isinstance(value, int | float):
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        # The header rows always stay with the first data row; a short table stays whole.
        keep = len(block.header) if len(table.rows) > KEEP_TOGETHER_ROWS else len(table.rows) - 1
        for row in table.rows[:keep]:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
        self.add_paragraph()
