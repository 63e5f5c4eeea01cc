"""The libraries' premises and equipment in the annual report's section «Финансирование и
материально-техническая база» (year only): each library's state at the year's end, as
section I reads it (`library_states_at`), added after the ЦБС's finance tables
(management's part) by a part that adds to that section.

A library without a state, or a state that leaves a field blank, prints «нет данных»,
never «нет»; the total row counts computers over the libraries that have a state
(«по N из M библиотек») and says of how many libraries a yes/no column is known.
"""

from django.utils.translation import gettext as _

from indicators.models import LibraryState
from indicators.report import NO_DATA, over_some
from indicators.selectors import library_states_at
from reportkit import sections as S
from reportkit.data import HeaderCell, Paragraph, Row, Table
from reportkit.parts import Part
from reportkit.text import count_noun

PRESENCE_FIELDS = ("fire_alarm", "security_alarm", "accessible")


def premises_read(context) -> dict[int, LibraryState]:
    """Each library's latest state on or before the year's last day. One query."""
    return library_states_at(library_ids=context.library_ids, day=context.span.end)


def _shown(state, field: str):
    if state is None or not getattr(state, field):
        return str(NO_DATA)
    return getattr(state, f"get_{field}_display")()


def _repair(state):
    if state is None or state.last_repair_year is None:
        return str(NO_DATA)
    return f"{state.last_repair_year}, {state.get_last_repair_kind_display()}"


def _presence_total(states, field: str, of: int):
    """«3 из 9»: how many libraries have it, of those whose state says."""
    known = [s for s in states if getattr(s, field)]
    if not known:
        return str(NO_DATA)
    has = sum(1 for s in known if getattr(s, field) == LibraryState.Presence.YES)
    text = _("%(has)s из %(known)s") % {"has": has, "known": len(known)}
    if len(known) < of:
        text += " " + _("(по %(known)s из %(of)s библиотек)") % {"known": len(known), "of": of}
    return text


def premises_blocks(context, states: dict[int, LibraryState]) -> list:
    """Two tables of the same libraries: their premises' condition and repairs, then their
    safety, accessibility and computers (one table of eight columns would not fit a page)."""
    libraries = context.libraries
    condition_rows, equipment_rows = [], []
    for library in libraries:
        state = states.get(library.pk)
        name = library.abbreviation()
        condition_rows.append(Row([name, _shown(state, "condition"), _repair(state)]))
        equipment_rows.append(
            Row(
                [
                    name,
                    *(_shown(state, field) for field in PRESENCE_FIELDS),
                    state.computers if state else str(NO_DATA),
                    state.computers_internet if state else str(NO_DATA),
                ]
            )
        )
    known = [states[lib.pk] for lib in libraries if lib.pk in states]
    computers = [sum(s.computers for s in known), sum(s.computers_internet for s in known)]
    if known and len(known) < len(libraries):
        computers = [over_some(value, len(known), len(libraries)) for value in computers]
    elif not known:
        computers = [str(NO_DATA)] * 2
    equipment_rows.append(
        Row(
            [
                _("Всего по ЦБС"),
                *(_presence_total(known, field, len(libraries)) for field in PRESENCE_FIELDS),
                *computers,
            ],
            kind="total",
        )
    )
    condition = Table(
        title=_("Состояние помещений библиотек на конец года"),
        header=[
            [
                HeaderCell(_("Библиотека")),
                HeaderCell(_("Состояние помещений")),
                HeaderCell(_("Последний ремонт: год, вид")),
            ]
        ],
        rows=condition_rows,
        widths=[1.4, 3.6, 2.6],
    )
    equipment = Table(
        title=_("Безопасность, доступность и компьютеры на конец года"),
        header=[
            [
                HeaderCell(_("Библиотека"), rowspan=2),
                HeaderCell(_("Сигнализация"), colspan=2),
                HeaderCell(_("Доступная среда для людей с инвалидностью"), rowspan=2),
                HeaderCell(_("Компьютеров"), colspan=2),
            ],
            [
                HeaderCell(_("пожарная")),
                HeaderCell(_("охранная")),
                HeaderCell(_("всего")),
                HeaderCell(_("с интернетом")),
            ],
        ],
        rows=equipment_rows,
        widths=[1.4, 1.3, 1.3, 1.9, 1.2, 1.3],
    )
    return [condition, _repairs_paragraph(context, known), equipment]


def _repairs_paragraph(context, known) -> Paragraph:
    """The repairs done in the year: the libraries whose last repair is dated in it."""
    year = context.span.year
    done = [s for s in known if s.last_repair_year == year]
    if not known:
        return Paragraph(_("Ремонт в %(year)s году: %(no)s.") % {"year": year, "no": NO_DATA})
    capital = sum(1 for s in done if s.last_repair_kind == LibraryState.Repair.CAPITAL)
    text = _(
        "Ремонт в %(year)s году проведён в %(done)s: капитальный – %(capital)s, "
        "текущий – %(current)s."
    ) % {
        "year": year,
        "done": count_noun(len(done), _("библиотеке|библиотеках|библиотеках")),
        "capital": capital,
        "current": len(done) - capital,
    }
    if len(known) < len(context.libraries):
        text += " " + _("(по %(known)s из %(of)s библиотек)") % {
            "known": len(known),
            "of": len(context.libraries),
        }
    return Paragraph(text)


PARTS = (Part(sections=(S.FINANCE,), build=premises_blocks, read=premises_read, adds=True),)
