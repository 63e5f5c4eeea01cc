"""Section IV «Массовая работа»: events and their attendance per library and by group.

Arranges what `events.selectors.mass_work` read (through the figures reader, whose
reads the report's context gives); no query. Each library's row and each group's total come from the same counts, so
the per-library table, the breakdowns and the sentence agree.
"""

from django.utils.translation import gettext as _

from events.selectors import Attendance, Group, LibraryMassWork, MassWork
from reportkit.data import Figure, HeaderCell, Paragraph, Row, Table
from reportkit.parts import ReportContext
from reportkit.text import count_noun, upper_first


def mass_work_blocks(context: ReportContext, _read=None) -> list:
    """Section IV's blocks: the sentence, the table per library and the breakdowns."""
    work: MassWork = context.figures.mass_work
    language = context.language
    blocks = []
    total, onsite, online = work.grand(), work.grand("onsite"), work.grand("online")
    events_forms = _("мероприятие|мероприятия|мероприятий")
    blocks.append(
        Paragraph(
            _(
                "%(For)s проведено %(events)s, участников – %(people)s "
                "(в библиотеках – %(onsite)s, онлайн – %(online)s)."
            )
            % {
                "For": upper_first(context.span.during_label),
                "events": count_noun(total.events, events_forms),
                "people": total.participants,
                "onsite": count_noun(onsite.events, events_forms),
                "online": count_noun(online.events, events_forms),
            },
            figures=[
                Figure(_("Мероприятий всего"), total.events),
                Figure(_("Участников всего"), total.participants),
                Figure(_("Мероприятий в библиотеках"), onsite.events),
                Figure(_("Участников мероприятий в библиотеках"), onsite.participants),
                Figure(_("Онлайн-мероприятий"), online.events),
                Figure(_("Участников онлайн-мероприятий"), online.participants),
            ],
        )
    )
    if total.uncounted:
        blocks.append(
            Paragraph(
                _("Число участников не внесено у %(events)s (в суммах участников они не учтены).")
                % {"events": count_noun(total.uncounted, _("мероприятия|мероприятий|мероприятий"))},
                figures=[Figure(_("Мероприятий без числа участников"), total.uncounted)],
            )
        )
    blocks.append(_library_table(context))
    # An event may have several audiences or initiatives, or none: those tables have
    # no total row, and a footnote says why.
    overlap = _(
        "Мероприятие для нескольких категорий аудитории учтено в каждой из них, поэтому "
        "строки по аудитории в сумме могут быть больше общего числа мероприятий "
        "(%(events)s) и участников (%(people)s)."
    ) % {"events": total.events, "people": total.participants}
    breakdowns = (
        (_("Мероприятия по формам"), _("Форма"), "by_form", work.forms, ""),
        (_("Мероприятия по аудитории"), _("Аудитория"), "by_audience", work.audiences, overlap),
        (
            _("Мероприятия по инициативам и программам"),
            _("Инициатива, программа"),
            "by_initiative",
            work.initiatives,
            _(
                "Мероприятие может относиться к нескольким инициативам или ни к одной, "
                "поэтому итог по инициативам не подводится."
            ),
        ),
    )
    for title, head, breakdown, groups, footnote in breakdowns:
        if not groups:
            continue
        rows = work.summed(breakdown, groups)
        blocks.append(_group_table(title, head, rows, language, with_total=not footnote))
        if footnote:
            blocks.append(Paragraph(footnote))
    return blocks


def _counts_header(first: str) -> list[HeaderCell]:
    return [HeaderCell(first), HeaderCell(_("Мероприятий")), HeaderCell(_("Участников"))]


def _group_name(group: Group, language: str) -> str:
    return group.name(language) or _("не указана")


def _group_table(
    title: str, head: str, rows: list[tuple[Group, Attendance]], language: str, with_total: bool
) -> Table:
    body = [Row([_group_name(g, language), a.events, a.participants]) for g, a in rows]
    if with_total:
        body.append(
            Row(
                [
                    _("Всего"),
                    sum(a.events for _g, a in rows),
                    sum(a.participants for _g, a in rows),
                ],
                kind="total",
            )
        )
    return Table(title=title, header=[_counts_header(head)], rows=body, widths=[2, 1, 1])


def _library_table(context: ReportContext) -> Table:
    parts = (_("Всего"), _("В библиотеке"), _("Онлайн"))
    header = [
        [
            HeaderCell(_("Библиотека"), rowspan=2),
            *(HeaderCell(text, colspan=2) for text in parts),
        ],
        [HeaderCell(text) for _p in parts for text in (_("кол-во"), _("чел."))],
    ]

    def cells(label: str, counts) -> list:
        values = []
        for part in (counts.total, counts.onsite, counts.online):
            values += [part.events, part.participants]
        return [label, *values]

    rows = [
        Row(cells(library.abbreviation(), figures.mass_work))
        for library, figures in context.library_figures()
    ]
    work = context.figures.mass_work
    everyone = LibraryMassWork(
        total=work.grand(), onsite=work.grand("onsite"), online=work.grand("online")
    )
    rows.append(Row(cells(_("Всего по ЦБС"), everyone), kind="total"))
    return Table(
        title=_("Мероприятия (кол-во) и их участники (чел.) по библиотекам"),
        header=header,
        rows=rows,
        widths=[1.15] + [1] * 6,
    )
