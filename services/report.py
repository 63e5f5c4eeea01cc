"""The annual report's sections this app fills (a year only): reference and information
work with МБА/ЭДД, clubs, partners, projects and awards.

The tables read the figures the kinds declare (`context.library_figures()`: the figures
reader, one path for the report, the annex and the checks); a library that entered no
row is «нет данных», never 0, and the ЦБС's total then says over how many libraries it
runs. The partners' list reads its rows once (`partners_read`, one query).
"""

from django.utils.translation import gettext as _

from reportkit import sections as S
from reportkit.data import HeaderCell, ItemList, Paragraph, Row, Table
from reportkit.parts import Part, ReportContext
from reportkit.text import count_noun
from services.models import Recognition


def _no_data() -> str:
    return _("нет данных")


def _per_library(context: ReportContext, column: str, names: list[str]) -> tuple[list[Row], Row]:
    """A row per library with the figures `names` (or «нет данных» when it entered no row
    of the kind whose completeness column is `column`) and the ЦБС's total row."""
    rows, totals, known = [], [0] * len(names), 0
    for library, figures in context.library_figures():
        label = library.abbreviation(context.language)
        if not figures.entered.get(column):
            rows.append(Row([label, _no_data(), *[None] * (len(names) - 1)]))
            continue
        known += 1
        values = [figures.declared.get(name, 0) for name in names]
        totals = [t + v for t, v in zip(totals, values, strict=True)]
        rows.append(Row([label, *values]))
    label = _("Всего по ЦБС")
    if not known:
        return rows, Row([label, _no_data(), *[None] * (len(names) - 1)], kind="total")
    if known < len(rows):
        forms = _("библиотеки|библиотек|библиотек")
        among = _("по %(part)s из %(whole)s") % {
            "part": known,
            "whole": count_noun(len(rows), forms),
        }
        label = f"{label} ({among})"
    return rows, Row([label, *totals], kind="total")


def _table(context, title, column, names, heads, widths=None, header=None) -> Table:
    rows, total = _per_library(context, column, names)
    header = header or [[HeaderCell(_("Библиотека")), *[HeaderCell(h) for h in heads]]]
    return Table(
        title=title,
        header=header,
        rows=[*rows, total],
        widths=widths or [2.2, *[1] * len(names)],
    )


def reference_work(context: ReportContext, _read) -> list:
    if context.span.half:
        return []
    references = _table(
        context,
        _("Справочно-библиографическое обслуживание"),
        "reference_work",
        ["refs_total", "refs_thematic", "refs_factual", "refs_address", "refs_clarifying",
         "refs_remote"],
        [_("Справок всего"), _("тематических"), _("фактографических"), _("адресных"),
         _("уточняющих"), _("из них удалённо")],
    )  # fmt: skip
    information = _table(
        context,
        _("Информационная работа"),
        "reference_work",
        ["information_days", "library_lessons", "reviews"],
        [_("Дней информации"), _("Библиотечных уроков"), _("Обзоров литературы")],
    )
    loan_header = [
        [
            HeaderCell(_("Библиотека"), rowspan=2),
            HeaderCell(_("Межбиблиотечный абонемент (МБА)"), colspan=3),
            HeaderCell(_("Электронная доставка документов (ЭДД)"), colspan=3),
        ],
        [
            HeaderCell(_("получено запросов")),
            HeaderCell(_("отправлено запросов")),
            HeaderCell(_("выдано документов")),
        ]
        * 2,
    ]
    loans = _table(
        context,
        _("МБА и ЭДД"),
        "reference_work",
        ["ill_received", "ill_sent", "ill_supplied", "edd_received", "edd_sent", "edd_supplied"],
        [],
        header=loan_header,
    )
    note = Paragraph(
        _(
            "Удалённые справки — выполненные по телефону, электронной почте, через сайт и "
            "соцсети; виртуальные справки раздела II входят в их число."
        ),
        style="note",
    )
    return [references, note, information, loans]


def clubs(context: ReportContext, _read) -> list:
    if context.span.half:
        return []
    table = _table(
        context,
        _("Клубы по интересам"),
        "clubs",
        ["clubs", "club_members", "club_meetings"],
        [_("Клубов"), _("Участников (на конец года)"), _("Заседаний за год")],
    )
    return [table]


def partners_read(context: ReportContext):
    """The span's partners, projects and awards of the report's libraries. One query."""
    if context.span.half:
        return []
    return list(
        Recognition.objects.filter(
            library__in=context.library_ids,
            date__gte=context.span.start,
            date__lte=context.span.end,
        )
        .select_related("library")
        .order_by("date", "name_ru", "pk")
    )


def _item(row, language: str) -> str:
    text = row.name(language)
    if not row.whole_system:
        text += f" ({row.library.abbreviation(language)})"
    note = row.note_in(language)
    return f"{text}, {row.date:%d.%m.%Y}" + (f" — {note}" if note else "")


def partners(context: ReportContext, read) -> list:
    if context.span.half:
        return []
    if not read:
        return [Paragraph(_no_data())]
    titles = {
        "partner": _("Партнёры"),
        "project": _("Проекты"),
        "award": _("Награды"),
    }
    blocks = []
    for kind, title in titles.items():
        items = [_item(row, context.language) for row in read if row.kind == kind]
        if items:
            blocks.append(ItemList(title=title, items=items, numbered=True))
    return blocks


PARTS = (
    Part(sections=(S.REFERENCE_WORK,), build=reference_work),
    Part(sections=(S.CLUBS,), build=clubs),
    Part(sections=(S.PARTNERS,), build=partners, read=partners_read),
)
