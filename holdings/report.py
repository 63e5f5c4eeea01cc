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
    """The fund table, its end dated `end_label` (where the data end). A «фонд впервые
    учтён» column only when a library's first state of its fund is recorded inside the
    span, a «расхождение по инвентаризации» one only when a state recorded inside the
    span differs from the ledger; a library without a recorded state at the start
    prints its start (and, until one is recorded, its end) as unknown. Every row and
    the total add up: start + received − written off + first recorded + discrepancy = end."""
    copies, kk = _("экз."), _("в т.ч. на каз. яз.")
    heads = [
        _("Состояло %(start)s") % {"start": span.start_label},
        _("Поступило %(for)s") % {"for": span.for_label},
        _("Выбыло %(for)s") % {"for": span.for_label},
    ]
    if fund.with_first_recorded:
        heads.append(_("Фонд впервые учтён"))
    if fund.with_discrepancy:
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
        if fund.with_first_recorded:
            figures += pair(row.first_recorded or Copies())
        if fund.with_discrepancy:
            figures += pair(row.discrepancy or Copies())
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
    # The audit columns: end = start + received − written off (+ first recorded + discrepancy),
    # over the copies' columns (B, D, F, …) and the Kazakh copies' (C, E, G, …).
    letters = [_letter(2 + 2 * i) for i in range(len(heads))]
    terms = ["+"] + ["+", "-"] + ["+"] * (len(heads) - 4)

    def expression(shift: int) -> str:
        parts = [
            f"{sign}{{{_shifted(letter, shift)}}}"
            for sign, letter in zip(terms, letters[:-1], strict=True)
        ]
        return "".join(parts).lstrip("+")

    end, end_kk = letters[-1], _shifted(letters[-1], 1)
    audit = [
        AuditColumn(_("Состоит, по формуле"), expression(0), end),
        AuditColumn(_("на каз. яз., по формуле"), expression(1), end_kk),
    ]
    return Table(
        title=_("Книжный фонд %(end)s") % {"end": end_label},
        header=header,
        rows=rows,
        # «в т.ч. на каз. яз.» / «оның ішінде қазақ тілінде» is wider than «экз.» / «дана».
        widths=[1.9] + [0.8, 1.2] * len(heads),
        audit=audit,
    )


def _letter(column: int) -> str:
    """A spreadsheet column's letter: 2 → "B" (the fund table has at most 13 columns)."""
    return chr(ord("A") + column - 1)


def _shifted(letter: str, by: int) -> str:
    return chr(ord(letter) + by)


PARTS = (Part(sections=(S.RESOURCES,), read=resources_read, build=resources_blocks),)
