"""Figure codes: each per-library figure of `figures.reader` by a stable name.

A statistical annex's layout (reports/annex_layouts/) names the figure of each cell by
one of these codes, so a form's layout is a data file and its figures are the ones the
report and the dashboard print: `code_values` only picks them out of one
`figures_read`, it never reads or aggregates anything itself.

A value is (number, known): an unknown figure is never taken for 0. A library without a
work-log row in the span has unknown users, visits and loans (`indicators.selectors.worklog_figures`); a fund
with no recorded state has an unknown start or end (`holdings.selectors.MovementRow`);
a library that entered no receipts, write-offs, digitized documents or events (dated
facts) and did not hand the span in may simply not have entered them yet: the report's
rule for events (`events.selectors.MassWork.known`); a catalogue count not entered is
unknown.
The figures every kind declares in the registry (`branches.kinds.Figure`) are codes too,
by their names (known by the same rule as the dated facts): a new kind's figure needs no
code here.

An unknown value's number is what it still adds to the ЦБС's total: a fund with no
recorded state carries its receipts and write-offs into the ЦБС's fund (the report's and
the dashboard's rule, `figures.reader.totals`); any other unknown adds 0.
"""

from collections.abc import Callable
from typing import NamedTuple

from branches.kinds import LIBRARY, facts
from figures.reader import FigureReads


class Value(NamedTuple):
    number: int  # what it adds to a total
    known: bool


UNKNOWN = Value(0, False)
Getter = Callable[[FigureReads, int], Value]


def _fund_state(part: str, attribute: str) -> Getter:
    """The fund at the span's start or end: known from the library's first recorded state
    on (`MovementRow.start_known`, `end_known`)."""

    def value(reads: FigureReads, library_id: int) -> Value:
        row = _fund_rows(reads).get(library_id)
        if row is None:
            return UNKNOWN
        copies = getattr(getattr(row, part), attribute)
        return Value(copies, getattr(row, f"{part}_known"))

    return value


def _fund_flow(part: str, attribute: str) -> Getter:
    """Copies received or written off in the span: dated facts, known when the library
    entered some or handed the span in (of them in Kazakh: known with their total)."""

    def value(reads: FigureReads, library_id: int) -> Value:
        row = _fund_rows(reads).get(library_id)
        if row is None:
            return UNKNOWN
        movement = getattr(row, part)
        known = _entered_or_handed_in(reads, library_id, bool(movement.copies))
        return Value(getattr(movement, attribute), known)

    return value


def _fund_rows(reads: FigureReads) -> dict:
    return {row.library.pk: row for row in reads.fund.rows}


def _work_log(name: str) -> Getter:
    def value(reads: FigureReads, library_id: int) -> Value:
        figures = reads.indicators.get(library_id)
        return UNKNOWN if figures is None else Value(getattr(figures, name), True)

    return value


def _entered_or_handed_in(reads: FigureReads, library_id: int, present: bool) -> bool:
    """A count of dated facts is known when the library has some, or handed the span in
    (then its 0 is a real 0): the report's rule for events (`MassWork.known`)."""
    return present or library_id in reads.mass_work.handed_in


def _events(part: str) -> Getter:
    def value(reads: FigureReads, library_id: int) -> Value:
        if not reads.mass_work.known(library_id):
            return UNKNOWN
        return Value(getattr(reads.mass_work.library(library_id), part).events, True)

    return value


def _digitized(attribute: str) -> Getter:
    def value(reads: FigureReads, library_id: int) -> Value:
        done = reads.digitization.by_library.get(library_id)
        if not _entered_or_handed_in(reads, library_id, done is not None):
            return UNKNOWN
        return Value(getattr(done, attribute) if done is not None else 0, True)

    return value


def _catalogue(attribute: str) -> Getter:
    def value(reads: FigureReads, library_id: int) -> Value:
        counts = reads.catalogue.by_library.get(library_id)
        return UNKNOWN if counts is None else Value(getattr(counts, attribute), True)

    return value


# The codes a layout may name, each with the reader's figure it picks out.
FIGURE_CODES: dict[str, Getter] = {
    # The network: each library counts one.
    "libraries": lambda reads, library_id: Value(1, True),
    # The fund, copies (start and end: at the start of the span's first day and of the day after).
    "fund_start": _fund_state("start", "copies"),
    "fund_start_kk": _fund_state("start", "copies_kk"),
    "received": _fund_flow("received", "copies"),
    "received_kk": _fund_flow("received", "copies_kk"),
    "written_off": _fund_flow("written_off", "copies"),
    "written_off_kk": _fund_flow("written_off", "copies_kk"),
    "fund_end": _fund_state("end", "copies"),
    "fund_end_kk": _fund_state("end", "copies_kk"),
    # The electronic catalogue's records (all databases) at the span's start and end.
    "catalogue_before": _catalogue("before"),
    "catalogue_now": _catalogue("now"),
    # The work log (users: a reader counts once a calendar year).
    "users": _work_log("users"),
    "users_children": _work_log("users_children"),
    "users_youth": _work_log("users_youth"),
    "users_remote": _work_log("users_remote"),
    "visits": _work_log("visits"),
    "visits_events": _work_log("visits_events"),
    "visits_remote": _work_log("visits_remote"),
    "loans": _work_log("loans"),
    "loans_kk": _work_log("loans_kk"),
    "loans_books": _work_log("loans_books"),
    "loans_periodicals": _work_log("loans_periodicals"),
    "loans_electronic": _work_log("loans_electronic"),
    "references": _work_log("references"),
    "references_virtual": _work_log("references_virtual"),
    # Digitized documents and their pages.
    "digitization_done": _digitized("documents"),
    "digitization_pages": _digitized("pages"),
    # Events entered one by one: all, on site, online.
    "events": _events("total"),
    "events_onsite": _events("onsite"),
    "events_online": _events("online"),
}


def _declared(name: str, column: str) -> Getter:
    """A kind's declared figure: known when the library entered a row of the kind for the
    span (a period total of 0 entered is a real 0), else by the dated facts' rule."""

    def value(reads: FigureReads, library_id: int) -> Value:
        value = reads.declared.get(library_id, {}).get(name, 0)
        entered = bool(reads.entered.get(library_id, {}).get(column))
        return Value(value, entered or _entered_or_handed_in(reads, library_id, bool(value)))

    return value


def figure_codes() -> dict[str, Getter]:
    """Every code: the reader's figures, then the figures the kinds declare (once the
    apps are ready)."""
    codes = dict(FIGURE_CODES)
    for kind in facts(LIBRARY):
        for figure in kind.figures:
            codes.setdefault(figure.name, _declared(figure.name, kind.column_code))
    return codes


def code_values(reads: FigureReads, codes: set[str]) -> dict[int, dict[str, Value]]:
    """{library id: {code: its Value}} of `codes` for the libraries read.
    No query: `reads` must have been read `with_mass_work` (whose hand-ins tell a real 0
    from a count not entered)."""
    getters = figure_codes()
    return {
        library.pk: {code: getters[code](reads, library.pk) for code in codes}
        for library in reads.libraries
    }
