"""ReportData -> DOCX, on the styled template reports/templates_docx/report.docx."""

import datetime
import io
import re
from xml.sax.saxutils import escape

from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.shared import Cm
from docx.text.paragraph import Paragraph as DocxParagraph

from reportkit.data import OMITTED, ItemList, Paragraph, ReportData, Table
from reportkit.text import number
from reports.docx_template import TEMPLATE
from reports.renderers.docx_widths import HEADER_PT, column_widths
from reports.renderers.docx_xml import (
    restart_numbering,
    section_break,
    set_language,
    set_num_id,
)

USABLE_WIDTH_CM = 16.5  # A4 21 cm minus the template's 3 + 1.5 cm margins
LANDSCAPE_WIDTH_CM = 25.2  # A4 turned: 29.7 cm minus the same margins
# A table this short moves to the next page whole rather than leave a few rows behind.
KEEP_TOGETHER_ROWS = 25
# A section whose table would set its header smaller than this on a portrait page prints
# on landscape pages: the Kazakh fund table («оның ішінде қазақ тілінде» in nine
# columns) came out at 8 pt over four lines; the Russian one keeps 11 pt upright.
SMALLEST_UPRIGHT_HEADER_PT = 10
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
        printed = [s for s in data.sections if not (s.level > 1 and s.is_empty)]
        turned = _orientations(printed)
        # The title page turns with the first section when that is printed landscape.
        self.landscape = bool(printed) and turned[0]
        self.add_paragraph(data.subtitle, style="Subtitle")
        for at, section in enumerate(printed):
            # An event group with no events and no text this time is not printed.
            if section.level == 1 and turned[at] != self.landscape:
                self.turn_pages()
            if section.heading:
                self.add_heading(section.title, level=section.level)
            self.level = section.level
            for part in section.narrative_before:
                self.add_paragraph(part, style="Narrative")
            # A note that closes the section after its last table, right before the pages
            # turn, stays with that table: alone, it would fill a page by itself. A note
            # followed by more on the same pages has the rest to fill its page.
            blocks = section.blocks
            page_turns = at + 1 == len(printed) or (
                printed[at + 1].level == 1 and turned[at + 1] != turned[at]
            )
            closing = (
                page_turns
                and not section.narrative_after
                and len(blocks) > 1
                and isinstance(blocks[-2], Table)
                and _is_note(blocks[-1])
            )
            for index, block in enumerate(blocks):
                if isinstance(block, Table):
                    self.table(block, with_note=closing and index == len(blocks) - 2)
                elif isinstance(block, ItemList):
                    self.item_list(block)
                elif isinstance(block, Paragraph):
                    written = self.paragraph(block)
                    if closing and index == len(blocks) - 1:
                        # Nor is it split: its last lines would fill a page.
                        written.paragraph_format.keep_together = True
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
        self.omitted_sections(data)

    def omitted_sections(self, data: ReportData) -> None:
        titles = {section.code: section.title for section in data.sections}
        omitted = [
            titles[n.section] for n in data.notes if n.level == OMITTED and n.section in titles
        ]
        if omitted:
            self.add_heading(_("Примечания"), level=1)
            self.add_paragraph(
                _("Текст на казахском языке не введён и в отчёт не включён в разделах:")
            )
            for title in omitted:
                self.add_paragraph(title, style="List Bullet")

    def turn_pages(self) -> None:
        """End the pages written so far (as they are turned) and turn the next ones."""
        if self.sect_pr is not None:
            section_break(self.add_paragraph(), self.sect_pr, landscape=self.landscape)
        self.landscape = not self.landscape

    def paragraph(self, block: Paragraph):
        if block.style == "bullet":
            return self.add_paragraph(block.text, style="List Bullet")
        if block.style == "heading":
            # A run-in subheading sits one level below its section's title.
            return self.add_heading(block.text, level=min(self.level + 1, 3))
        if block.style == "narrative":
            return self.add_paragraph(block.text, style="Narrative")
        if block.style == "note":
            return self.add_paragraph(block.text, style="Note")
        # Short statements: justified, a two-line sentence would stretch its first line.
        paragraph = self.add_paragraph(block.text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        return paragraph

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

    def table(self, block: Table, with_note: bool = False) -> None:
        """`block` as a table; `with_note`: the paragraph that follows comments on it
        and stays on the page of its last row (never a page of its own)."""
        doc = self.document
        # What announces the table stays on the page of its first rows.
        body = doc.element.body
        previous = body[-2] if len(body) > 1 and body[-1].tag.endswith("sectPr") else body[-1]
        if previous.tag.endswith("}p"):
            previous.get_or_add_pPr().get_or_add_keepNext()
        if block.title:
            self.add_paragraph(block.title, style="Table Caption")
        columns = max(sum(c.colspan for c in line) for line in block.header)
        # python-docx makes the table and its grid; the rows are written as XML
        # (`_header_rows`, `_data_rows`): python-docx finds each cell by scanning the
        # whole table and each property by scanning its siblings.
        table = doc.add_table(rows=0, cols=columns)
        table._tbl.tblStyle_val = self.style_id("Table Grid", WD_STYLE_TYPE.TABLE)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        usable = LANDSCAPE_WIDTH_CM if self.landscape else USABLE_WIDTH_CM
        widths, header_pt = column_widths(block, usable)
        # LibreOffice reads the grid's column widths, Word the cells': set both.
        for index, column in enumerate(table.columns):
            column.width = Cm(widths[index])
        twips = [Cm(width).twips for width in widths]
        # The header rows always stay with the first data row; a short table stays whole.
        total_rows = len(block.header) + len(block.rows)
        keep = len(block.header) if total_rows > KEEP_TOGETHER_ROWS else total_rows - 1
        text_style, header_style = self._table_styles()
        for tr in _header_rows(block, twips, header_pt, header_style, keep):
            table._tbl.append(tr)
        for tr in _data_rows(
            block.rows,
            twips,
            (text_style, header_style),
            keep - len(block.header),
            keep_last=with_note,
        ):
            table._tbl.append(tr)
        spacer = self.add_paragraph()
        if with_note:
            spacer.paragraph_format.keep_with_next = True

    def _table_styles(self) -> tuple[str | None, str | None]:
        return self.style_id("Table Text"), self.style_id("Table Header")


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADER_FILL = "E7E6E6"


def _header_rows(block: Table, twips: list[int], size_pt: float, style: str | None, keep: int):
    """The header rows as `w:tr` elements, as python-docx writes them when its cells are
    merged over each header cell's span (`test_docx_table_rows` holds the two together):
    a spanning cell is one `w:tc` over its columns (gridSpan), its rows below are
    continuation cells (vMerge); each row repeats on every page and stays whole; a
    header cell is shaded, in «Table Header», at `size_pt` if not the template's."""
    owner = {}
    for r, c, head in block.header_grid():
        for dr in range(head.rowspan):
            owner[r + dr, c] = (r, head)
    size = "" if size_pt == HEADER_PT else f'<w:rPr><w:sz w:val="{round(size_pt * 2)}"/></w:rPr>'
    parts = [f'<w:tbl xmlns:w="{W_NS}">']
    for r in range(len(block.header)):
        parts.append('<w:tr><w:trPr><w:cantSplit/><w:tblHeader w:val="true"/></w:trPr>')
        c = 0
        while c < len(twips):
            top, head = owner[r, c]
            span = range(c, min(c + head.colspan, len(twips)))
            properties = f'<w:tcW w:type="dxa" w:w="{sum(twips[i] for i in span)}"/>'
            if head.colspan > 1:
                properties += f'<w:gridSpan w:val="{head.colspan}"/>'
            if top < r:  # a row below a cell spanning down: its continuation
                parts.append(f"<w:tc><w:tcPr>{properties}<w:vMerge/></w:tcPr><w:p/></w:tc>")
            else:
                if head.rowspan > 1:
                    properties += '<w:vMerge w:val="restart"/>'
                properties += f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>'
                keep_next = "<w:keepNext/>" if r < keep else ""
                text = _run_xml(head.text, bold=None).replace("<w:r>", f"<w:r>{size}", 1)
                parts.append(
                    f"<w:tc><w:tcPr>{properties}</w:tcPr><w:p><w:pPr>{_style_xml(style)}"
                    f"{keep_next}</w:pPr><w:r/>{text}</w:p></w:tc>"
                )
            c += head.colspan
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return list(parse_xml("".join(parts)))


def _orientations(sections) -> list[bool]:
    """Whether each section prints on landscape pages: a level-1 section when the report
    says so (sections I–II) or when one of its tables would not keep a readable header
    upright; a subsection as its section."""
    turned = []
    for section in sections:
        if section.level > 1 and turned:
            turned.append(turned[-1])
            continue
        turned.append(
            section.landscape
            or any(
                column_widths(block, USABLE_WIDTH_CM)[1] < SMALLEST_UPRIGHT_HEADER_PT
                for block in section.blocks
                if isinstance(block, Table)
            )
        )
    return turned


def _is_note(block) -> bool:
    """A sentence or note right after a table: what it says is about the table."""
    return isinstance(block, Paragraph) and block.style in ("body", "note")


def _data_rows(rows, twips: list[int], styles, keep: int, keep_last: bool = False):
    """The table's data rows as `w:tr` elements, the same XML python-docx writes for
    them (`test_docx_table_rows` holds the two together): each row on one page; a
    group row one cell over the table's width in the header's style; a data or total
    cell in «Table Text», a figure centred, a total bold; the first `keep` rows kept
    with the next (and the last too, when `keep_last`: a note follows it)."""
    text_style, header_style = styles
    parts = [f'<w:tbl xmlns:w="{W_NS}">']
    for index, row in enumerate(rows):
        kept = index < keep or (keep_last and index == len(rows) - 1)
        keep_next = "<w:keepNext/>" if kept else ""
        parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        if row.kind == "group":
            span = f'<w:gridSpan w:val="{len(twips)}"/>' if len(twips) > 1 else ""
            run = _run_xml(cell_text(row.cells[0]), bold=None)
            parts.append(
                f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{sum(twips)}"/>{span}</w:tcPr>'
                f"<w:p><w:pPr>{_style_xml(header_style)}{keep_next}</w:pPr>{run}</w:p></w:tc>"
            )
        else:
            bold = row.kind == "total"
            for c, width in enumerate(twips):
                value = row.cells[c] if c < len(row.cells) else None
                if c < len(row.cells):
                    centre = '<w:jc w:val="center"/>' if isinstance(value, int | float) else ""
                    paragraph = (
                        f"<w:p><w:pPr>{_style_xml(text_style)}{keep_next}{centre}</w:pPr>"
                        f"{_run_xml(cell_text(value), bold=bold)}</w:p>"
                    )
                else:  # a short row leaves its last cells empty
                    paragraph = f"<w:p>{'<w:pPr><w:keepNext/></w:pPr>' if keep_next else ''}</w:p>"
                parts.append(
                    f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr>{paragraph}</w:tc>'
                )
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return list(parse_xml("".join(parts)))


def _style_xml(style_id: str | None) -> str:
    return f'<w:pStyle w:val="{escape(style_id, QUOTE)}"/>' if style_id else ""


QUOTE = {'"': "&quot;"}


def _run_xml(text: str, bold: bool | None) -> str:
    """A run as python-docx's `add_run(text)` writes it: a tab is `w:tab`, a line break
    `w:br`, text with spaces at an end keeps them."""
    properties = ""
    if bold is not None:
        properties = "<w:rPr><w:b/></w:rPr>" if bold else '<w:rPr><w:b w:val="0"/></w:rPr>'
    content = []
    for piece in re.split(r"(\t|\r|\n)", text):
        if piece == "\t":
            content.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            content.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            content.append(f"<w:t{space}>{escape(piece)}</w:t>")
    return f"<w:r>{properties}{''.join(content)}</w:r>"
