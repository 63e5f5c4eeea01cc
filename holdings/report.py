"""Section III of the report «Библиотечные ресурсы»: the acquisition budget, receipts by
source, write-offs by reason and the fund table, from the figures reader's fund and budget
and this part's two reads."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from holdings.phrases import BUDGET_SOURCES, RECEIPT_SOURCES, WRITE_OFF_REASONS
from holdings.selectors import (
    Copies,
    FundMovement,
    ListAmount,
    receipts_by_source,
    writeoffs_by_reason,
)
from reportkit import sections as S
from reportkit.data import AuditColumn, Figure, HeaderCell, Paragraph, Row, Table
from reportkit.parts import Part, ReportContext
from reportkit.text import lower_first, number, upper_first


@dataclass
class ResourcesRead:
    receipts: list[ListAmount]
    writeoffs: list[ListAmount]


def resources_read(context: ReportContext) -> ResourcesRead:
    """Two queries: the span's receipts per source and write-offs per reason."""
    window = {
        "library_ids": context.library_ids,
        "start": context.span.start,
        "end": context.span.end,
    }
    return ResourcesRead(
        receipts=receipts_by_source(**window), writeoffs=writeoffs_by_reason(**window)
    )


def copies_sentence(label: str, amount, text: str = "") -> Paragraph:
    """«В рамках госзаказа получено 630 экз., в т.ч. на каз. яз. – 566 экз.»: `text` is
    the sentence with %(copies)s and %(kk)s; without it, «label: … экз.»."""
    unit = _("экз.")
    values = {"label": label, "copies": amount.copies, "kk": amount.copies_kk, "unit": unit}
    if not text:
        text = _("%(label)s: %(copies)s %(unit)s, в т.ч. на каз. яз. – %(kk)s %(unit)s")
    return Paragraph(
        text % values,  # already ends with the unit's full stop: «… – 627 экз.»
        figures=[Figure(label, amount.copies, unit, amount.copies_kk)],
    )


def resources_blocks(context: ReportContext, read: ResourcesRead) -> list:
    """Section III: the budget, receipts by source, write-offs by reason, the fund table."""
    fund, span, lang = context.figures.fund, context.span, context.language
    budget = context.figures.budget
    blocks = []
    unit = _("тыс. тенге")
    during = upper_first(span.during_label)
    for row in budget or []:
        label = _("%(For)s на комплектование выделено (%(source)s)") % {
            "For": during,
            "source": lower_first(row.name(lang)),
        }
        money = float(row.money or 0)
        text = f"{label}: {number(money)} {unit}."
        if row.code in BUDGET_SOURCES:
            text = _("%(For)s %(source)s на комплектование выделено %(money)s %(unit)s.") % {
                "For": during,
                "source": BUDGET_SOURCES[row.code],
                "money": number(money),
                "unit": unit,
            }
        blocks.append(Paragraph(text, figures=[Figure(label, money, unit)]))
    if not budget:
        label = _("%(For)s на комплектование выделено") % {"For": during}
        blocks.append(Paragraph(f"{label}: 0 {unit}.", figures=[Figure(label, 0.0, unit)]))
    for row in read.receipts:
        label = _("Получено (%(source)s)") % {"source": lower_first(row.name(lang))}
        text = ""
        if row.code in RECEIPT_SOURCES:
            text = _("%(Source)s получено %%(copies)s экз., в т.ч. на каз. яз. – %%(kk)s экз.") % {
                "Source": upper_first(str(RECEIPT_SOURCES[row.code]))
            }
        blocks.append(copies_sentence(label, row.amount, text))
    if len(read.receipts) != 1:
        text = _("Всего получено %(copies)s экз., в т.ч. на каз. яз. – %(kk)s экз.")
        blocks.append(copies_sentence(_("Всего получено"), fund.total.received, text))
    for row in read.writeoffs:
        label = _("Списано (%(reason)s)") % {"reason": lower_first(row.name(lang))}
        text = ""
        if row.code in WRITE_OFF_REASONS:
            text = _("%(Reason)s списано %%(copies)s экз., в т.ч. на каз. яз. – %%(kk)s экз.") % {
                "Reason": upper_first(str(WRITE_OFF_REASONS[row.code]))
            }
        blocks.append(copies_sentence(label, row.amount, text))
    if len(read.writeoffs) != 1:
        text = _("Всего списано %(copies)s экз., в т.ч. на каз. яз. – %(kk)s экз.")
        blocks.append(copies_sentence(_("Всего списано"), fund.total.written_off, text))
    blocks.append(fund_table(span, fund, end_label=context.states_end_label))
    return blocks


def fund_table(span, fund: FundMovement, *, end_label: str) -> Table:
    """The fund table, its end dated `end_label` (where the data end); «расхождение по инвентаризации» columns only when a state
    recorded inside the span differs from the ledger, and a library without any
    recorded state prints its start and end as unknown."""
    with_discrepancy = fund.total.discrepancy is not None or any(
        row.discrepancy is not None for row in fund.rows
    )
    copies, kk = _("экз."), _("в т.ч. на каз. яз.")
    heads = [
        _("Состояло %(start)s") % {"start": span.start_label},
        _("Поступило %(for)s") % {"for": span.for_label},
        _("Выбыло %(for)s") % {"for": span.for_label},
    ]
    if with_discrepancy:
        heads.append(_("Расхождение по инвентаризации"))
    heads.append(_("Состоит %(end)s") % {"end": end_label})
    header = [
        [
            HeaderCell(_("Библиотека"), rowspan=2),
            *(HeaderCell(text, colspan=2) for text in heads),
        ],
        [HeaderCell(text) for _i in heads for text in (copies, kk)],
    ]
    unknown = _("неизвестно")

    def pair(amount, known=True):
        return [amount.copies, amount.copies_kk] if known else [unknown, unknown]

    def cells(label, row):
        figures = [
            *pair(row.start, row.start_known),
            *pair(row.received),
            *pair(row.written_off),
        ]
        if with_discrepancy:
            shown = row.discrepancy if row.start_known or row.library is None else None
            figures += pair(shown or Copies())
        return [label, *figures, *pair(row.end, row.end_known)]

    rows = [
        Row(cells(row.library.abbreviation(), row))
        for row in fund.rows
        if any(v for v in cells("", row)[1:] if isinstance(v, int))
    ]
    if len(rows) == 1 and not fund.unknown:
        # One library keeps the whole fund's ledger (the seed gives the ЦБС's figures
        # only): its row would repeat the total and read as if it were that
        # library's own fund. The total says it all.
        rows = []
    rows.append(Row(cells(_("Всего по ЦБС"), fund.total), kind="total"))
    if with_discrepancy:
        audit = [
            AuditColumn(_("Состоит, по формуле"), "{B}+{D}-{F}+{H}", "J"),
            AuditColumn(_("на каз. яз., по формуле"), "{C}+{E}-{G}+{I}", "K"),
        ]
    else:
        audit = [
            AuditColumn(_("Состоит, по формуле"), "{B}+{D}-{F}", "H"),
            AuditColumn(_("на каз. яз., по формуле"), "{C}+{E}-{G}", "I"),
        ]
    return Table(
        title=_("Книжный фонд %(end)s") % {"end": end_label},
        header=header,
        rows=rows,
        widths=[1.9] + [1] * (len(heads) * 2),
        audit=audit,
    )


PARTS = (Part(sections=(S.RESOURCES,), read=resources_read, build=resources_blocks),)
