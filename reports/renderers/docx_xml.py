"""The one place the project writes WordprocessingML itself, past python-docx's API:
what python-docx lacks (fonts for every script, page-number fields, restarting list
numbering, section breaks, the document's language, trimming a style) and what it does
too slowly (python-docx is quadratic in a document's paragraphs and in a table's cells:
it scans the body for its closing `w:sectPr` on every paragraph and the whole table for
every cell). Nothing else in the project reaches into python-docx's elements
(`_body`, `_p`, `_tbl`, `_tc`, `_r`); tests/reports/test_docx_xml.py reads back what each
helper writes through python-docx."""

import re
from copy import deepcopy
from xml.sax.saxutils import escape

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
QUOTE = {'"': "&quot;"}


# The document's body, written paragraph by paragraph.


def clear_body(document) -> None:
    """Remove every paragraph and table of `document`, keeping its page setup."""
    body = document.element.body
    for element in list(body):
        if not element.tag.endswith("sectPr"):
            body.remove(element)


def body_end(document):
    """The body's closing page setup (`w:sectPr`), or None: found once, given to
    `add_paragraph` and `section_break` for every paragraph after."""
    return document.element.body.sectPr


def add_paragraph(document, end):
    """A new empty paragraph at the end of `document`'s body, before `end` (`body_end`).

    python-docx's `add_paragraph` looks for the closing `w:sectPr` among all the body's
    children each time, which is quadratic in the paragraphs."""
    element = OxmlElement("w:p")
    if end is not None:
        end.addprevious(element)
    else:
        document.element.body.append(element)
    return Paragraph(element, document._body)


def add_list_paragraphs(
    document, end, items: list[str], *, style_id: str | None, num_id: int | None = None
) -> None:
    """A paragraph per item of a list at the end of `document`'s body, before `end`
    (`body_end`): in the style `style_id`, numbered by `num_id` (`restart_numbering`)
    when given. The XML python-docx writes for `add_paragraph`, `add_run(item)`, the
    style set by id and `set_num_id`, made as one piece: python-docx adds each run's
    text a character at a time and each property by scanning its siblings, most of a
    20,000-event report's DOCX."""
    properties = ""  # in the schema's order: w:pStyle before w:numPr
    if style_id is not None:
        properties += f'<w:pStyle w:val="{escape(style_id, QUOTE)}"/>'
    if num_id is not None:
        properties += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
    paragraphs = "".join(
        f"<w:p><w:pPr>{properties}</w:pPr>{run_xml(item) if item else ''}</w:p>" for item in items
    )
    if not paragraphs:
        return
    written = parse_xml(f'<w:body xmlns:w="{W_NS}">{paragraphs}</w:body>')
    for element in list(written):
        if end is not None:
            end.addprevious(element)
        else:
            document.element.body.append(element)


def set_style_id(paragraph, style_id: str | None) -> None:
    """Set `paragraph`'s style by its id (python-docx's `paragraph.style = name` looks the
    name up among all the document's styles on each call)."""
    paragraph._p.style = style_id


def keep_last_with_next(document) -> None:
    """The body's last paragraph (if its last block is one) stays on the page of what follows."""
    body = document.element.body
    last = body[-2] if len(body) > 1 and body[-1].tag.endswith("sectPr") else body[-1]
    if last.tag.endswith("}p"):
        last.get_or_add_pPr().get_or_add_keepNext()


# Table rows as XML: python-docx finds each cell by scanning the whole table and each
# property by scanning its siblings. The XML is the same python-docx writes for them
# (tests/reports/test_docx_layout.py `test_table_rows_are_written_as_python_docx_would`).


def set_table_style_id(table, style_id: str | None) -> None:
    table._tbl.tblStyle_val = style_id


def run_xml(text: str, *, bold: bool | None = None, size_pt: float | None = None) -> str:
    """A run as python-docx's `add_run(text)` writes it: a tab is `w:tab`, a line break
    `w:br`, text with spaces at an end keeps them; bold on or off when `bold` is not None,
    at `size_pt` when given."""
    properties = ""  # in the schema's order: w:b before w:sz
    if bold is not None:
        properties += "<w:b/>" if bold else '<w:b w:val="0"/>'
    if size_pt is not None:
        properties += f'<w:sz w:val="{round(size_pt * 2)}"/>'
    content = []
    for piece in re.split(r"(\t|\r|\n)", text):
        if piece == "\t":
            content.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            content.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            content.append(f"<w:t{space}>{escape(piece)}</w:t>")
    properties = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f"<w:r>{properties}{''.join(content)}</w:r>"


def paragraph_xml(
    runs: str = "",
    *,
    style_id: str | None = None,
    keep_next: bool = False,
    centred: bool = False,
) -> str:
    """A paragraph of `runs` (`run_xml`), in the style `style_id`, kept with the next
    paragraph, centred."""
    properties = ""
    if style_id:
        properties += f'<w:pStyle w:val="{escape(style_id, QUOTE)}"/>'
    if keep_next:
        properties += "<w:keepNext/>"
    if centred:
        properties += '<w:jc w:val="center"/>'
    properties = f"<w:pPr>{properties}</w:pPr>" if properties else ""
    return f"<w:p>{properties}{runs}</w:p>"


def cell_xml(
    width_twips: int,
    paragraph: str,
    *,
    span: int = 1,
    merge: str | None = None,
    fill: str | None = None,
) -> str:
    """A cell `width_twips` wide holding `paragraph` (`paragraph_xml`): over `span` grid
    columns; `merge` "restart" starts a cell spanning down, "continue" is its part in a
    row below; `fill` a shading colour ("E7E6E6")."""
    properties = f'<w:tcW w:type="dxa" w:w="{width_twips}"/>'
    if span > 1:
        properties += f'<w:gridSpan w:val="{span}"/>'
    if merge == "restart":
        properties += '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        properties += "<w:vMerge/>"
    if fill is not None:
        properties += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{paragraph}</w:tc>"


def row_xml(cells: list[str], *, header: bool = False) -> str:
    """A row of `cells` (`cell_xml`) that never breaks across pages; a `header` row
    repeats at the top of every page the table runs over."""
    repeat = '<w:tblHeader w:val="true"/>' if header else ""
    return f"<w:tr><w:trPr><w:cantSplit/>{repeat}</w:trPr>{''.join(cells)}</w:tr>"


def rows_elements(rows: list[str]) -> list:
    """The rows (`row_xml`) as `w:tr` elements."""
    return list(parse_xml(f'<w:tbl xmlns:w="{W_NS}">{"".join(rows)}</w:tbl>'))


def append_rows(table, rows: list) -> None:
    """Append `rows` (`rows_elements`) to the python-docx `table`."""
    tbl = table._tbl
    for tr in rows:
        tbl.append(tr)


# Styles.


def drop_paragraph_properties(style, *tags: str) -> None:
    """Remove the paragraph properties `tags` ("w:pBdr", "w:numPr") from `style`."""
    ppr = style.element.pPr
    if ppr is not None:
        for tag in tags:
            for element in ppr.findall(qn(tag)):
                ppr.remove(element)


def drop_run_properties(style, *tags: str) -> None:
    """Remove the run properties `tags` ("w:spacing", "w:kern") from `style`."""
    rpr = style.element.rPr
    if rpr is not None:
        for tag in tags:
            for element in rpr.findall(qn(tag)):
                rpr.remove(element)


def set_font(style_or_run, name: str) -> None:
    """Set `name` for Latin, Cyrillic (hAnsi), complex and East Asian text alike."""
    style_or_run.font.name = name
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)
    # Theme fonts (the default headings' Calibri Light) would win over the names.
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)


def add_field(paragraph, instruction: str, placeholder: str = "1") -> None:
    """Append a field (e.g. "PAGE") to `paragraph`: begin, instruction, separate, result, end."""

    def fld_char(kind):
        run = OxmlElement("w:r")
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run.append(char)
        return run

    instr_run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    instr_run.append(instr)
    result_run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = placeholder
    result_run.append(text)
    p = paragraph._p
    for element in (
        fld_char("begin"),
        instr_run,
        fld_char("separate"),
        result_run,
        fld_char("end"),
    ):
        p.append(element)


def restart_numbering(document, style_name: str = "List Number") -> int:
    """A new numbering instance of the list style's numbering that starts again at 1.

    Returns its numId; give it to every paragraph of the list with `set_num_id`.
    """
    style = document.styles[style_name]
    num_pr = style.element.pPr.find(qn("w:numPr"))
    base_num_id = int(num_pr.find(qn("w:numId")).get(qn("w:val")))
    numbering = document.part.numbering_part.element
    base = next(
        n for n in numbering.findall(qn("w:num")) if int(n.get(qn("w:numId"))) == base_num_id
    )
    abstract_id = base.find(qn("w:abstractNumId")).get(qn("w:val"))
    new_id = max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(new_id))
    abstract = OxmlElement("w:abstractNumId")
    abstract.set(qn("w:val"), abstract_id)
    num.append(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    numbering.append(num)
    return new_id


def set_num_id(paragraph, num_id: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = ppr.find(qn("w:numPr"))
    if num_pr is None:
        num_pr = OxmlElement("w:numPr")
        ppr.append(num_pr)
    for child in list(num_pr):
        num_pr.remove(child)
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    num_pr.append(ilvl)
    num_pr.append(num)


def set_language(document, tag: str) -> None:
    """The document's language (e.g. "ru-RU", "kk-KZ") for Word's spelling and hyphenation.

    python-docx's default template says en-US, so Word would mark every Russian
    or Kazakh word as a misspelling.
    """
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)


def section_break(paragraph, body_sect_pr, *, landscape: bool) -> None:
    """End the document's section at `paragraph`: a copy of the body's page setup (its
    footer and margins), on landscape A4 when `landscape`. A section break of Word's
    kind starts the next part on a new page."""
    sect_pr = deepcopy(body_sect_pr)
    size = sect_pr.find(qn("w:pgSz"))
    if size is not None:
        width, height = sorted((int(size.get(qn("w:w"))), int(size.get(qn("w:h")))))
        if landscape:
            size.set(qn("w:w"), str(height))
            size.set(qn("w:h"), str(width))
            size.set(qn("w:orient"), "landscape")
        else:
            size.set(qn("w:w"), str(width))
            size.set(qn("w:h"), str(height))
            size.attrib.pop(qn("w:orient"), None)
    paragraph._p.get_or_add_pPr().append(sect_pr)
