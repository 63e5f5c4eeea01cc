"""Generates reports/templates_docx/report.docx, the styled template of the DOCX report.

Run once after changing the styles: `python -m reports.docx_template`; the
generated file is committed, so rendering never depends on this script.
Word and LibreOffice ignore styles a document does not define, so every style
the renderer uses is defined here: Times New Roman (as Kazakh office documents
use), headings, a table style, table text, List Number / List Bullet; A4 with
margins; a footer with the page number.
"""

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

from reports.renderers.docx_xml import (
    add_field,
    drop_paragraph_properties,
    drop_run_properties,
    set_font,
)

TEMPLATE = Path(__file__).resolve().parent / "templates_docx" / "report.docx"
FONT = "Times New Roman"
BLACK = RGBColor(0, 0, 0)


def _paragraph_style(document, name, *, base="Normal", size=None, bold=None, align=None):
    styles = document.styles
    style = (
        styles[name]
        if name in [s.name for s in styles]
        else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    )
    if name != base:
        style.base_style = styles[base]
    set_font(style, FONT)
    if size:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    style.font.color.rgb = BLACK
    if align is not None:
        style.paragraph_format.alignment = align
    return style


def template_build(path: Path = TEMPLATE) -> Path:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.footer_distance = Cm(1)

    normal = _paragraph_style(document, "Normal", size=12)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.0
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    title = _paragraph_style(document, "Title", size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    title.paragraph_format.space_after = Pt(2)
    # The default Title has a rule under it; an official report has none. The default
    # Title and Subtitle are letter-spaced (and Subtitle carries a stray list level): the
    # report's title lines are set like the rest of the text.
    drop_paragraph_properties(title, "w:pBdr", "w:numPr")
    drop_run_properties(title, "w:spacing", "w:kern")
    for level, size in ((1, 13), (2, 12), (3, 12)):
        heading = _paragraph_style(document, f"Heading {level}", size=size, bold=True)
        heading.font.italic = level == 3
        heading.font.color.rgb = BLACK
        heading.paragraph_format.space_before = Pt(12 if level == 1 else 8)
        heading.paragraph_format.space_after = Pt(4)
        heading.paragraph_format.keep_with_next = True
        heading.paragraph_format.alignment = (
            WD_ALIGN_PARAGRAPH.CENTER if level == 1 else WD_ALIGN_PARAGRAPH.LEFT
        )
    subtitle = _paragraph_style(document, "Subtitle", size=13, align=WD_ALIGN_PARAGRAPH.CENTER)
    subtitle.font.italic = False
    subtitle.paragraph_format.space_after = Pt(12)
    drop_paragraph_properties(subtitle, "w:numPr")
    drop_run_properties(subtitle, "w:spacing", "w:kern")
    narrative = _paragraph_style(document, "Narrative")
    narrative.paragraph_format.first_line_indent = Cm(1.25)
    for name in ("List Number", "List Bullet"):
        # Left-aligned: justified lines with long URLs stretch into gaps.
        _paragraph_style(document, name, base="Normal", align=WD_ALIGN_PARAGRAPH.LEFT)
    cell = _paragraph_style(document, "Table Text", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    cell.paragraph_format.space_after = Pt(0)
    header = _paragraph_style(
        document, "Table Header", base="Table Text", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER
    )
    header.paragraph_format.space_after = Pt(0)
    caption = _paragraph_style(document, "Table Caption", bold=True)
    caption.paragraph_format.keep_with_next = True
    caption.paragraph_format.space_before = Pt(6)
    _paragraph_style(document, "Note", size=10)

    table_style = document.styles["Table Grid"]
    set_font(table_style, FONT)
    table_style.font.size = Pt(11)

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.style = document.styles["Normal"]
    add_field(footer, "PAGE")

    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(path)
    return path


if __name__ == "__main__":
    print(template_build())
