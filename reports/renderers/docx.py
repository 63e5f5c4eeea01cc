"""ReportData -> DOCX, on the styled template reports/templates_docx/report.docx."""

import datetime
import io

from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Cm, Pt

from reportkit.data import AS_ENTERED, OMITTED, ItemList, Paragraph, ReportData, Table
from reportkit.memory import cycle_collection_paused
from reportkit.text import number
from reports.docx_template import TEMPLATE
from reports.renderers.docx_widths import HEADER_PT, column_widths
from reports.renderers.docx_xml import (
    add_list_paragraphs,
    add_paragraph,
    append_rows,
    body_end,
    cell_xml,
    clear_body,
    keep_last_with_next,
    paragraph_xml,
    restart_numbering,
    row_xml,
    rows_elements,
    run_xml,
    section_break,
    set_language,
    set_style_id,
    set_table_style_id,
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
SIGN_HERE = "_" * 20  # where the director signs


def render_docx(data: ReportData) -> bytes:
    with translation.override(data.language), cycle_collection_paused():
        document = Document(str(TEMPLATE))
        clear_body(document)
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
        self.sect_pr = body_end(document)
        self.landscape = False  # the pages being written are turned

    def style_id(self, name: str, kind=WD_STYLE_TYPE.PARAGRAPH) -> str | None:
        """A style's id, looked up once: python-docx scans every style of the document
        on each lookup by name, which made the renderer quadratic in the paragraphs."""
        key = (name, kind)
        if key not in self.style_ids:
            self.style_ids[key] = self.document.styles.get_style_id(name, kind)
        return self.style_ids[key]

    def add_paragraph(self, text: str = "", style: str | None = None):
        # Before the body's closing page setup, found once (python-docx looks for it
        # among all the body's children on each paragraph).
        paragraph = add_paragraph(self.document, self.sect_pr)
        if text:
            paragraph.add_run(text)
        if style is not None:
            self.set_style(paragraph, style)
        return paragraph

    def add_heading(self, text: str, level: int):
        return self.add_paragraph(text, "Title" if level == 0 else f"Heading {level}")

    def set_style(self, paragraph, name: str) -> None:
        set_style_id(paragraph, self.style_id(name))

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
        problems = [note for note in data.notes if note.level in PRINTED_NOTE_LEVELS]
        notes_follow = (
            _omitted(data) or any(n.level == AS_ENTERED for n in data.notes) or data.signature
        )
        if self.landscape and (problems or notes_follow):
            self.turn_pages()  # the document's own last section is portrait
        elif self.landscape:
            # Nothing follows the turned pages (an annex's wide last table): the document's
            # own last section is turned, rather than closed by an empty upright page.
            last = self.document.sections[-1]
            last.orientation = WD_ORIENT.LANDSCAPE
            last.page_width, last.page_height = last.page_height, last.page_width
        self.signature(data)
        if problems:
            self.add_heading(_("Проверка данных"), level=1)
            for note in problems:
                self.add_paragraph(f"{NOTE_MARKS.get(note.level, '•')} {note.text}", style="Note")
        self.omitted_sections(data)

    def signature(self, data: ReportData) -> None:
        """The annual report's signature after its last section, on one page: the
        director's position, a line to sign on and the name; the executor and the
        telephone below, smaller (none in a half-year report: the seed's has none)."""
        if not data.signature:
            return
        (position, name), *others = data.signature
        self.add_paragraph().paragraph_format.keep_with_next = True
        line = self.add_paragraph(f"{position}\t{SIGN_HERE}\t{name}")
        line.alignment = WD_ALIGN_PARAGRAPH.LEFT
        stops = line.paragraph_format.tab_stops
        stops.add_tab_stop(Cm(USABLE_WIDTH_CM * 0.6), WD_TAB_ALIGNMENT.CENTER)
        stops.add_tab_stop(Cm(USABLE_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT)
        line.paragraph_format.space_after = Pt(18)
        line.paragraph_format.keep_with_next = bool(others)
        for index, (label, value) in enumerate(others, 1):
            written = self.add_paragraph(f"{label}: {value}", style="Note")
            written.alignment = WD_ALIGN_PARAGRAPH.LEFT
            written.paragraph_format.keep_with_next = index < len(others)

    def omitted_sections(self, data: ReportData) -> None:
        """The report's notes on what has no text in its language: the sections left out,
        and (when the methodologist chose so) how many items print as entered."""
        omitted = _omitted(data)
        as_entered = [n.text for n in data.notes if n.level == AS_ENTERED]
        if omitted or as_entered:
            self.add_heading(_("Примечания"), level=1)
        if omitted:
            self.add_paragraph(
                _("Текст на казахском языке не введён и в отчёт не включён в разделах:")
            )
            for title in omitted:
                self.add_paragraph(title, style="List Bullet")
        for text in as_entered:
            self.add_paragraph(text)

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
        style = self.style_id("List Number" if block.numbered else "List Bullet")
        add_list_paragraphs(self.document, self.sect_pr, block.items, style_id=style, num_id=num_id)

    def table(self, block: Table, with_note: bool = False) -> None:
        """`block` as a table; `with_note`: the paragraph that follows comments on it
        and stays on the page of its last row (never a page of its own)."""
        doc = self.document
        # What announces the table stays on the page of its first rows.
        keep_last_with_next(doc)
        if block.title:
            self.add_paragraph(block.title, style="Table Caption")
        columns = max(sum(c.colspan for c in line) for line in block.header)
        # python-docx makes the table and its grid; the rows are written as XML
        # (`_header_rows`, `_data_rows`): python-docx finds each cell by scanning the
        # whole table and each property by scanning its siblings.
        table = doc.add_table(rows=0, cols=columns)
        set_table_style_id(table, self.style_id("Table Grid", WD_STYLE_TYPE.TABLE))
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
        append_rows(table, _header_rows(block, twips, header_pt, header_style, keep))
        append_rows(
            table,
            _data_rows(
                block.rows,
                twips,
                (text_style, header_style),
                keep - len(block.header),
                keep_last=with_note,
            ),
        )
        spacer = self.add_paragraph()
        if with_note:
            spacer.paragraph_format.keep_with_next = True

    def _table_styles(self) -> tuple[str | None, str | None]:
        return self.style_id("Table Text"), self.style_id("Table Header")


HEADER_FILL = "E7E6E6"


def _omitted(data: ReportData) -> list[str]:
    """The titles of the sections left out for want of a Kazakh text."""
    titles = {section.code: section.title for section in data.sections}
    return [titles[n.section] for n in data.notes if n.level == OMITTED and n.section in titles]


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
    size = None if size_pt == HEADER_PT else size_pt
    rows = []
    for r in range(len(block.header)):
        cells = []
        c = 0
        while c < len(twips):
            top, head = owner[r, c]
            span = range(c, min(c + head.colspan, len(twips)))
            width = sum(twips[i] for i in span)
            if top < r:  # a row below a cell spanning down: its continuation
                cells.append(cell_xml(width, paragraph_xml(), span=head.colspan, merge="continue"))
            else:
                # python-docx leaves an empty run where the merged cells' texts were.
                runs = run_xml("") + run_xml(head.text, size_pt=size)
                cells.append(
                    cell_xml(
                        width,
                        paragraph_xml(runs, style_id=style, keep_next=r < keep),
                        span=head.colspan,
                        merge="restart" if head.rowspan > 1 else None,
                        fill=HEADER_FILL,
                    )
                )
            c += head.colspan
        rows.append(row_xml(cells, header=True))
    return rows_elements(rows)


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
    written = []
    for index, row in enumerate(rows):
        kept = index < keep or (keep_last and index == len(rows) - 1)
        if row.kind == "group":
            run = run_xml(cell_text(row.cells[0]))
            paragraph = paragraph_xml(run, style_id=header_style, keep_next=kept)
            written.append(row_xml([cell_xml(sum(twips), paragraph, span=len(twips))]))
            continue
        bold = row.kind == "total"
        cells = []
        for c, width in enumerate(twips):
            if c < len(row.cells):
                value = row.cells[c]
                paragraph = paragraph_xml(
                    run_xml(cell_text(value), bold=bold),
                    style_id=text_style,
                    keep_next=kept,
                    centred=isinstance(value, int | float),
                )
            else:  # a short row leaves its last cells empty
                paragraph = paragraph_xml(keep_next=kept)
            cells.append(cell_xml(width, paragraph))
        written.append(row_xml(cells))
    return rows_elements(written)
