"""Raw-XML helpers python-docx lacks: fonts for every script, page-number fields,
restarting list numbering, section breaks."""

from docx.oxml import OxmlElement
from docx.oxml.ns import qn


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
    from copy import deepcopy

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
