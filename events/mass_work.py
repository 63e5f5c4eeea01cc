"""Section IV «Массовая работа»: events and their attendance per library and by group.

Arranges what `events.selectors.mass_work` read (through the figures reader, whose
reads the report's context gives); no query. Each library's row and each group's total come from the same counts, so
the per-library table, the breakdowns and the sentence agree.

Unknown is not zero (issue 22, item 5). Two things can be unknown here:
- a library's count of events: it entered none and did not hand the span in, so it may
  just not have entered them yet (`MassWork.known`). Its row says «нет данных» and stays
  blank, and the totals, over the other libraries, say «по 8 из 9 библиотек»;
- participants: an event whose participants were not counted adds none to a sum. A
  cell over such events reads «не указано» when none of them was counted, and its sum
  «3103 (по 58 из 192)» when some were; a span in which no event has a count has no
  participants columns at all rather than columns of zeros.
The XLSX sums a total row with a formula only where the cells above it are numbers: a
participants column with a word in it has its total as words too, so no formula ever
sums over a word, and a recalculated file prints what the DOCX prints.
"""

from django.utils.translation import gettext as _

from events.models import Direction
from events.selectors import (
    LISTED_ONLINE_EVENTS_LABEL,
    ONLINE_WORK_EVENTS_LABEL,
    Attendance,
    Group,
    LibraryMassWork,
    MassWork,
)
from reportkit.data import Figure, HeaderCell, Paragraph, Row, Table
from reportkit.parts import ReportContext
from reportkit.text import count_noun, upper_first

Cell = int | str | None


def _no_data() -> str:
    return _("нет данных")


def _among(part: int, whole: int | str) -> str:
    """«по 4 из 5 мероприятий», «по 8 из 9 библиотек», «по 35 из 52»."""
    return _("по %(part)s из %(whole)s") % {"part": part, "whole": whole}


def _people(counts: Attendance, noun: bool = False) -> Cell:
    """The participants of `counts` as printed: a number when every event was counted,
    «не указано» when none was, else the sum «по 35 из 52» (`noun`: «мероприятий»)."""
    if counts.events and counts.uncounted == counts.events:
        return _("не указано")
    if not counts.uncounted:
        return counts.participants
    whole: int | str = counts.events
    if noun:
        whole = count_noun(counts.events, _("мероприятия|мероприятий|мероприятий"))
    return f"{counts.participants} ({_among(counts.events - counts.uncounted, whole)})"


class _Printed:
    """The section's counts as printed: which libraries are known, and how a total over
    part of them says so."""

    def __init__(self, context: ReportContext):
        self.work: MassWork = context.figures.mass_work
        self.known = [lib for lib in context.libraries if self.work.known(lib.pk)]
        self.library_note = ""
        if self.known and len(self.known) < len(context.libraries):
            forms = _("библиотеки|библиотек|библиотек")
            self.library_note = _among(len(self.known), count_noun(len(context.libraries), forms))
        total = self.work.grand()
        # No event with a count: participants columns would be nothing but «не указано».
        self.with_people = total.events > total.uncounted

    def total_label(self, label: str) -> str:
        """«Всего по ЦБС (по 8 из 9 библиотек)» when some libraries' counts are unknown."""
        return f"{label} ({self.library_note})" if self.library_note else label

    def figure(self, value: Cell) -> Cell:
        """A total as the XLSX's list of figures gives it: with the libraries it covers."""
        if not self.known:
            return _no_data()
        return f"{value} ({self.library_note})" if self.library_note else value


def mass_work_blocks(context: ReportContext, _read=None) -> list:
    """Section IV's blocks: the sentence, the table per library and the breakdowns."""
    printed = _Printed(context)
    blocks = [_sentence(context, printed)]
    if not printed.known:
        return blocks  # the sentence says there is no data: no table of blanks
    work = printed.work
    blocks.append(_library_table(context, printed))
    total = work.grand()
    if total.uncounted and printed.with_people:
        blocks.append(
            Paragraph(
                _(
                    "«По N из M» у числа участников: оно подсчитано по N мероприятиям "
                    "из M, у остальных число участников не внесено."
                )
            )
        )
    # An event may have several audiences or initiatives, or none: those tables have
    # no total row, and a footnote says why.
    if printed.with_people:
        overlap = _(
            "Мероприятие для нескольких категорий аудитории учтено в каждой из них, поэтому "
            "строки по аудитории в сумме могут быть больше общего числа мероприятий "
            "(%(events)s) и участников (%(people)s)."
        ) % {"events": total.events, "people": _people(total)}
    else:
        overlap = _(
            "Мероприятие для нескольких категорий аудитории учтено в каждой из них, поэтому "
            "строки по аудитории в сумме могут быть больше общего числа мероприятий "
            "(%(events)s)."
        ) % {"events": total.events}
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
        blocks.append(_group_table(title, head, rows, context.language, printed, not footnote))
        if footnote:
            blocks.append(Paragraph(footnote))
    return blocks


def _sentence(context: ReportContext, printed: _Printed) -> Paragraph:
    """«За … проведено 193 мероприятия (в библиотеках – …, в онлайн-формате – …),
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
        "people": _people(total, noun=True),
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
            "итог учёта онлайн-работы: в него могут входить и мероприятия, не внесённые списком."
        ) % {"label": ONLINE_WORK_EVENTS_LABEL, "count": tally}
    figures = [
        Figure(_("Мероприятий всего"), printed.figure(total.events)),
        Figure(_("Участников всего"), printed.figure(_people(total, noun=True))),
        Figure(_("Мероприятий в библиотеках"), printed.figure(onsite.events)),
        Figure(
            _("Участников мероприятий в библиотеках"),
            printed.figure(_people(onsite, noun=True)),
        ),
        Figure(str(LISTED_ONLINE_EVENTS_LABEL), printed.figure(online.events)),
        Figure(
            _("Участников мероприятий в онлайн-формате"),
            printed.figure(_people(online, noun=True)),
        ),
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
    """A breakdown over the known libraries: its rows are their sums, its total's label
    says when some libraries are not known."""

    def cells(label: str, counts: Attendance) -> list:
        return [label, counts.events, *([_people(counts)] if printed.with_people else [])]

    body = [Row(cells(_group_name(g, language), a)) for g, a in rows]
    if with_total:
        total = Attendance()
        for _g, a in rows:
            total.add(a.events, a.participants, a.uncounted)
        body.append(Row(cells(printed.total_label(_("Всего")), total), kind="total"))
    return Table(
        title=title,
        header=[_counts_header(head, printed.with_people)],
        rows=body,
        widths=[2, 1, 1] if printed.with_people else [2, 1],
    )


def _library_table(context: ReportContext, printed: _Printed) -> Table:
    """Per library: all, in the library, in the online format. A library whose count is
    unknown says so in its first cell and leaves its figures blank, so that the
    columns stay numbers the XLSX can sum."""
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

    def cells(label: str, counts: LibraryMassWork | None) -> list:
        result = [label]
        for part in ("total", "onsite", "online"):
            if counts is None:
                result += [None, None] if with_people else [None]
                continue
            value = getattr(counts, part)
            result += [value.events, _people(value)] if with_people else [value.events]
        return result

    work = printed.work
    rows = []
    for library, _figures in context.library_figures():
        if work.known(library.pk):
            rows.append(Row(cells(library.abbreviation(), work.library(library.pk))))
        else:
            label = _("%(library)s: нет данных") % {"library": library.abbreviation()}
            rows.append(Row(cells(label, None)))
    grand = LibraryMassWork(
        total=work.grand(), onsite=work.grand("onsite"), online=work.grand("online")
    )
    rows.append(Row(cells(printed.total_label(_("Всего по ЦБС")), grand), kind="total"))
    return Table(
        title=title,
        header=header,
        rows=rows,
        widths=[1.15] + [1] * (6 if with_people else 3),
    )


def direction_blocks(context: ReportContext, _read=None) -> list:
    """The annual report's mass work by subject area (Event.direction), added to the
    clubs' section: one direction per event, so the rows add up to all events of the
    known libraries. A year only."""
    if context.span.half:
        return []
    printed = _Printed(context)
    title = _("Массовая работа по направлениям")
    if not printed.known:
        return [Paragraph(f"{title}: {_no_data()}.")]
    summed: dict[str, Attendance] = {}
    for counts in printed.work.by_library.values():
        for key, part in counts.by_direction.items():
            summed.setdefault(key, Attendance()).add(part.events, part.participants, part.uncounted)
    rows = [
        (Group(key, str(label)), summed.get(key, Attendance())) for key, label in Direction.choices
    ]
    if summed.get(""):
        rows.append((Group("", _("направление не указано")), summed[""]))
    table = _group_table(title, _("Направление"), rows, context.language, printed, True)
    return [table]
