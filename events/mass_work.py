"""Section IV «Массовая работа»: events and their attendance per library and by group.

Arranges what `events.selectors.mass_work` read (through the figures reader, whose
reads the report's context gives); no query. Each library's row and each group's total come from the same counts, so
the per-library table, the breakdowns and the sentence agree.

Unknown is not zero (issue 22, item 5). Two things can be unknown here:
- a library's count of events: it entered none and did not hand the span in, so it may
  just not have entered them yet (`MassWork.known`): its cells read «нет данных», and a
  total over the others says «по 3 из 9 библиотек»;
- participants: an event whose participants were not counted adds none to a sum. A
  cell over such events reads «не указано» when none of them was counted, and its sum
  «по 4 из 5 мероприятий» when some were; a span in which no event has a count has no
  participants columns at all rather than columns of zeros.
A cell that says so is text, in the DOCX and the XLSX alike; the XLSX sums a total row
with a formula only where every cell above it is a number, so no sum ever skips a word.
"""

from django.utils.translation import gettext as _

from events.selectors import (
    LISTED_ONLINE_EVENTS_LABEL,
    ONLINE_WORK_EVENTS_LABEL,
    Attendance,
    Group,
    MassWork,
)
from reportkit.data import Figure, HeaderCell, Paragraph, Row, Table
from reportkit.parts import ReportContext
from reportkit.text import count_noun, upper_first

Cell = int | str


def _no_data() -> str:
    return _("нет данных")


def _among(part: int, whole: int, forms: str) -> str:
    """«по 4 из 5 мероприятий», «по 3 из 9 библиотек»."""
    return _("по %(part)s из %(whole)s") % {"part": part, "whole": count_noun(whole, forms)}


def _qualified(value: int, notes: list[str]) -> Cell:
    """The value, or «162 (по 4 из 5 мероприятий)» when it is a sum over part of its base."""
    return f"{value} ({'; '.join(notes)})" if notes else value


def _people(counts: Attendance, library_note: str = "") -> Cell:
    """The participants of `counts` as printed: a number when every event was counted."""
    if counts.events and counts.uncounted == counts.events:
        return _("не указано")
    notes = []
    if counts.uncounted:
        forms = _("мероприятия|мероприятий|мероприятий")
        notes.append(_among(counts.events - counts.uncounted, counts.events, forms))
    if library_note:
        notes.append(library_note)
    return _qualified(counts.participants, notes)


class _Printed:
    """The section's counts as printed: which libraries are known and the note on a total
    over part of them."""

    def __init__(self, context: ReportContext):
        self.work: MassWork = context.figures.mass_work
        self.known = [lib for lib in context.libraries if self.work.known(lib.pk)]
        self.libraries = len(context.libraries)
        self.library_note = ""
        if self.known and len(self.known) < self.libraries:
            forms = _("библиотеки|библиотек|библиотек")
            self.library_note = _among(len(self.known), self.libraries, forms)
        total = self.work.grand()
        # No event with a count: participants columns would be nothing but «не указано».
        self.with_people = total.events > total.uncounted

    def events(self, counts: Attendance) -> Cell:
        """A total's events: the known libraries' sum, «по 3 из 9 библиотек» if not all."""
        if not self.known:
            return _no_data()
        return _qualified(counts.events, [self.library_note] if self.library_note else [])

    def people(self, counts: Attendance) -> Cell:
        if not self.known:
            return _no_data()
        return _people(counts, self.library_note)


def mass_work_blocks(context: ReportContext, _read=None) -> list:
    """Section IV's blocks: the sentence, the table per library and the breakdowns."""
    printed = _Printed(context)
    work = printed.work
    language = context.language
    blocks = [_sentence(context, printed)]
    blocks.append(_library_table(context, printed))
    total = work.grand()
    # An event may have several audiences or initiatives, or none: those tables have
    # no total row, and a footnote says why.
    overlap = _(
        "Мероприятие для нескольких категорий аудитории учтено в каждой из них, поэтому "
        "строки по аудитории в сумме могут быть больше общего числа мероприятий "
        "(%(events)s) и участников (%(people)s)."
    ) % {"events": printed.events(total), "people": printed.people(total)}
    if not printed.with_people:
        overlap = _(
            "Мероприятие для нескольких категорий аудитории учтено в каждой из них, поэтому "
            "строки по аудитории в сумме могут быть больше общего числа мероприятий "
            "(%(events)s)."
        ) % {"events": printed.events(total)}
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
        blocks.append(_group_table(title, head, rows, language, printed, with_total=not footnote))
        if footnote:
            blocks.append(Paragraph(footnote))
    return blocks


def _sentence(context: ReportContext, printed: _Printed) -> Paragraph:
    """«За … проведено 80 мероприятий (в библиотеках – …, в онлайн-формате – …),
    участников – не указано.», and what its sums leave out."""
    work = printed.work
    total, onsite, online = work.grand(), work.grand("onsite"), work.grand("online")
    during = upper_first(context.span.during_label)
    if not printed.known:
        return Paragraph(
            _(
                "%(For)s нет данных о мероприятиях: библиотеки не внесли ни одного "
                "мероприятия и не сдали отчёт за период."
            )
            % {"For": during},
            figures=[Figure(_("Мероприятий всего"), _no_data())],
        )
    events_forms = _("мероприятие|мероприятия|мероприятий")
    text = _(
        "%(For)s проведено %(events)s (в библиотеках – %(onsite)s, в онлайн-формате – "
        "%(online)s), участников – %(people)s."
    ) % {
        "For": during,
        "events": count_noun(total.events, events_forms),
        "onsite": count_noun(onsite.events, events_forms),
        "online": count_noun(online.events, events_forms),
        "people": _people(total),
    }
    if printed.library_note:
        text += " " + _(
            "Мероприятия учтены %(among)s: остальные за период не внесли ни одного "
            "мероприятия и не сдали отчёт (нет данных)."
        ) % {"among": printed.library_note}
    tally = context.figures.online.online_events
    if tally:
        # The online-work tally is another figure (events.selectors): say so beside
        # the listed count, so that nobody reads one as a mistake for the other.
        text += " " + _(
            "Здесь учтены мероприятия, внесённые списком. Показатель «%(label)s» (%(count)s) – "
            "итог учёта онлайн-работы: в него входят и мероприятия, не внесённые списком."
        ) % {"label": ONLINE_WORK_EVENTS_LABEL, "count": tally}
    figures = [
        Figure(_("Мероприятий всего"), printed.events(total)),
        Figure(_("Участников всего"), printed.people(total)),
        Figure(_("Мероприятий в библиотеках"), printed.events(onsite)),
        Figure(_("Участников мероприятий в библиотеках"), printed.people(onsite)),
        Figure(str(LISTED_ONLINE_EVENTS_LABEL), printed.events(online)),
        Figure(_("Участников мероприятий в онлайн-формате"), printed.people(online)),
    ]
    if total.uncounted:
        figures.append(Figure(_("Мероприятий без числа участников"), total.uncounted))
    return Paragraph(text, figures=figures)


def _counts_header(first: str, with_people: bool) -> list[HeaderCell]:
    people = [HeaderCell(_("Участников"))] if with_people else []
    return [HeaderCell(first), HeaderCell(_("Мероприятий")), *people]


def _group_name(group: Group, language: str) -> str:
    return group.name(language) or _("не указана")


def _group_table(
    title: str,
    head: str,
    rows: list[tuple[Group, Attendance]],
    language: str,
    printed: _Printed,
    with_total: bool,
) -> Table:
    """A breakdown over the known libraries: its rows are their sums, its total says
    when some libraries are not known."""

    def cells(label: str, events: Cell, people: Cell) -> list:
        return [label, events, *([people] if printed.with_people else [])]

    body = [Row(cells(_group_name(g, language), a.events, _people(a))) for g, a in rows]
    if with_total:
        total = Attendance()
        for _g, a in rows:
            total.add(a.events, a.participants, a.uncounted)
        body.append(
            Row(
                cells(_("Всего"), printed.events(total), printed.people(total)),
                kind="total",
            )
        )
    widths = [2, 1, 1] if printed.with_people else [2, 1]
    return Table(
        title=title,
        header=[_counts_header(head, printed.with_people)],
        rows=body,
        widths=widths,
    )


def _library_table(context: ReportContext, printed: _Printed) -> Table:
    parts = (_("Всего"), _("В библиотеке"), _("В онлайн-формате"))
    with_people = printed.with_people
    if with_people:
        header = [
            [
                HeaderCell(_("Библиотека"), rowspan=2),
                *(HeaderCell(text, colspan=2) for text in parts),
            ],
            [HeaderCell(text) for _p in parts for text in (_("кол-во"), _("чел."))],
        ]
        title = _("Мероприятия (кол-во) и их участники (чел.) по библиотекам")
    else:
        header = [[HeaderCell(_("Библиотека")), *(HeaderCell(text) for text in parts)]]
        title = _("Мероприятия по библиотекам (кол-во)")

    def cells(label: str, values) -> list:
        result = [label]
        for events, people in values:
            result += [events, people] if with_people else [events]
        return result

    def library_values(library_id: int) -> list[tuple[Cell, Cell]]:
        counts = printed.work.library(library_id)
        if not printed.work.known(library_id):
            return [(_no_data(), _no_data())] * 3
        return [(a.events, _people(a)) for a in (counts.total, counts.onsite, counts.online)]

    rows = [
        Row(cells(library.abbreviation(), library_values(library.pk)))
        for library, _figures in context.library_figures()
    ]
    work = printed.work
    totals = [work.grand(part) for part in ("total", "onsite", "online")]
    rows.append(
        Row(
            cells(_("Всего по ЦБС"), [(printed.events(a), printed.people(a)) for a in totals]),
            kind="total",
        )
    )
    return Table(
        title=title,
        header=header,
        rows=rows,
        widths=[1.15] + [1] * (6 if with_people else 3),
    )
