"""Section VI of the report «Библиографическая деятельность», from the figures reader's
catalogue counts and virtual references (no read of its own)."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from reportkit import sections as S
from reportkit.data import Figure, HeaderCell, Paragraph, Row, Table
from reportkit.parts import Part, ReportContext
from reportkit.text import count_noun, upper_first


def bibliography_blocks(context: ReportContext, _read=None) -> list:
    """Section VI: the electronic catalogue's size and rows, the virtual references."""
    c, lang, span = context.figures.catalogue, context.language, context.span
    blocks = []
    label = _("Объём электронного каталога")
    blocks.append(
        Paragraph(
            _("Объём электронного каталога составляет %(records)s.")
            % {
                "records": count_noun(
                    c.now,
                    _(
                        "библиографическую запись|библиографические записи|"
                        "библиографических записей"
                    ),
                )
            },
            figures=[Figure(label, c.now, _("записей"))],
        )
    )
    rows = [Row([row.name(lang), row.before, row.now]) for row in c.rows]
    rows.append(Row([_("Всего:"), c.before, c.now], kind="total"))
    blocks.append(
        Table(
            title="",
            header=[
                [
                    HeaderCell(_("Наименование каталога")),
                    HeaderCell(_("Было на %(date)s") % {"date": span.start.strftime("%d.%m.%Y")}),
                    # Records, not copies: «қорда тұр» (in the fund) would be wrong in Kazakh.
                    HeaderCell(
                        pgettext("записи каталога", "Состоит %(end)s")
                        % {"end": context.states_end_label}
                    ),
                ]
            ],
            rows=rows,
            widths=[2, 1, 1],
        )
    )
    references = sum(context.figures.references.values())
    label = _("%(For)s выполнено виртуальных библиографических справок") % {
        "For": upper_first(span.during_label)
    }
    blocks.append(Paragraph(f"{label} – {references}", figures=[Figure(label, references, "")]))
    return blocks


PARTS = (Part(sections=(S.BIBLIOGRAPHY,), build=bibliography_blocks),)
