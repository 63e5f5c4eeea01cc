"""Reads of the main indicators per library for a span, for the report and the dashboard.

Every function runs a fixed number of queries whatever the data size; totals
are the sums of the libraries' figures (`Indicators.__add__`), never a second
aggregation. The five ratios are computed here and nowhere else.
"""

import datetime
from dataclasses import dataclass, fields, replace
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Case, Count, F, IntegerField, OuterRef, Subquery, Sum, Value, When

from catalogue.selectors import virtual_references_by_library
from holdings.selectors import fund_ledger
from indicators.models import IndicatorPlan, LibraryState, StaffState, WorkLogEntry
from indicators.models.worklog import COUNT_FIELDS

USER_FIELDS = ("users", "users_children", "users_youth", "users_remote")
SPAN_FIELDS = tuple(name for name in COUNT_FIELDS if name not in USER_FIELDS)


@dataclass(frozen=True)
class Indicators:
    """A library's (or the ЦБС's) control indicators for a span."""

    users: int = 0
    users_children: int = 0
    users_youth: int = 0
    users_remote: int = 0
    visits: int = 0
    visits_events: int = 0
    visits_remote: int = 0
    loans: int = 0
    loans_kk: int = 0
    loans_books: int = 0
    loans_periodicals: int = 0
    loans_electronic: int = 0
    references: int = 0
    # Entered per period in catalogue.VirtualReferences, read through its selector.
    references_virtual: int = 0

    def __add__(self, other: "Indicators") -> "Indicators":
        return Indicators(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )


def year_start(day: datetime.date) -> datetime.date:
    return datetime.date(day.year, 1, 1)


def worklog_figures(
    *,
    library_ids: list[int],
    start: datetime.date,
    end: datetime.date,
    period_ids: list[int] | None = None,
    virtual: dict[int, int] | None = None,
) -> dict[int, Indicators]:
    """{library id: Indicators} for `start`..`end` (inclusive). Two queries, one when
    the virtual references of the span's periods are given (`virtual`, as
    catalogue.selectors reads them).

    A reader counts once a calendar year: users are the registrations from
    1 January of the span's end year up to its end, whatever the span's start;
    visits, loans and references are the sums of the span's rows. A library with no
    row in the span itself is absent (its figures are unknown, not 0), even when it
    logged rows earlier in the year.
    """
    (counts,) = _worklog_counts(library_ids, [(start, end)], own_rows=True)
    if virtual is None:
        virtual = virtual_references_by_library(
            library_ids=library_ids, period_ids=period_ids or []
        )
    result = {
        library_id: Indicators(**figures, references_virtual=virtual.get(library_id, 0))
        for library_id, figures in counts.items()
    }
    for library_id, count in virtual.items():
        if library_id not in result:
            result[library_id] = Indicators(references_virtual=count)
    return result


def worklog_figures_by_window(
    *, library_ids: list[int], windows: list[tuple[datetime.date, datetime.date]]
) -> list[dict[int, Indicators]]:
    """`worklog_figures` of several spans (start, end) at once, in their order, without
    the virtual references (entered per period, not in the work log). One query
    whatever the number of spans: the dashboard's trend over the half-years."""
    return [
        {library_id: Indicators(**figures) for library_id, figures in counts.items()}
        for counts in _worklog_counts(library_ids, windows)
    ]


def _worklog_counts(
    library_ids: list[int],
    windows: list[tuple[datetime.date, datetime.date]],
    own_rows: bool = False,
) -> list[dict[int, dict[str, int]]]:
    """Per window, {library id: {count field: sum}} of the libraries with rows in the
    window (users from the window's year start; with `own_rows`, only the libraries
    with rows in the window itself). One query: the year-once rule lives here and
    nowhere else.

    The rows are summed once per library and stretch of days between the windows'
    bounds (a window's start, its year's start, the day after its end), and each
    window adds up the stretches it covers: the query's sums do not multiply with
    the windows, and a stretch of daily rows is read once however many windows
    cover it."""
    ranges = []  # per window: (rows from, users from, span from, day after)
    for start, end in windows:
        ranges.append(
            (
                start if own_rows else min(start, year_start(end)),
                year_start(end),
                start,
                end + datetime.timedelta(days=1),
            )
        )
    bounds = sorted({day for window in ranges for day in window})
    stretch = Case(
        *(When(date__lt=day, then=Value(index)) for index, day in enumerate(bounds[1:])),
        default=Value(len(bounds) - 1),
        output_field=IntegerField(),
    )
    rows = (
        WorkLogEntry.objects.filter(
            library__in=library_ids, date__gte=bounds[0], date__lt=bounds[-1]
        )
        .order_by()  # the models' ordering would join (and group by) the libraries
        .annotate(stretch=stretch)
        .values("library", "stretch")
        .annotate(rows=Count("pk"), **{name: Sum(name) for name in COUNT_FIELDS})
    )
    # {library id: {stretch: row}}: stretch i holds the days bounds[i] .. bounds[i+1] - 1.
    stretches: dict[int, dict[int, dict]] = {}
    for row in rows:
        stretches.setdefault(row["library"], {})[row["stretch"]] = row
    position = {day: index for index, day in enumerate(bounds)}

    def total(own: dict[int, dict], name: str, first: datetime.date, after) -> int:
        return sum(
            own[index][name] or 0
            for index in range(position[first], position[after])
            if index in own
        )

    result: list[dict[int, dict[str, int]]] = []
    for rows_from, users_from, span_from, after in ranges:
        counts = {}
        for library_id, own in stretches.items():
            if total(own, "rows", rows_from, after):
                counts[library_id] = {
                    name: total(own, name, users_from if name in USER_FIELDS else span_from, after)
                    for name in COUNT_FIELDS
                }
        result.append(counts)
    return result


@dataclass(frozen=True)
class Plan:
    users: int = 0
    visits: int = 0
    loans: int = 0
    # The year's plan set against a half-year (no plan of the half was entered): its
    # % is «% годового плана», read against the year's pace, not as the half's own.
    annual: bool = False

    def __add__(self, other: "Plan") -> "Plan":
        return Plan(
            self.users + other.users,
            self.visits + other.visits,
            self.loans + other.loans,
            self.annual or other.annual,
        )


def plans_for(*, library_ids: list[int], year: int, half: int | None) -> dict[int, Plan]:
    """{library id: the plan for the half (or the year)}. One query.

    A half-year's plan is the plan entered for that half, else the annual plan;
    a year's plan is the annual plan, else the sum of both halves' plans when
    both are entered. A library without a plan is absent.
    """
    rows = (
        IndicatorPlan.objects.filter(library__in=library_ids, year=year)
        .order_by()  # no join on the libraries for the model's ordering
        .values("library", "half", "users", "visits", "loans")
    )
    by_library: dict[int, dict] = {}
    for row in rows:
        by_library.setdefault(row["library"], {})[row["half"]] = Plan(
            row["users"], row["visits"], row["loans"]
        )
    result = {}
    for library_id, plans in by_library.items():
        if half is not None:
            plan = plans.get(half)
            if plan is None and None in plans:
                plan = replace(plans[None], annual=True)
        else:
            plan = plans.get(None)
            if plan is None and 1 in plans and 2 in plans:
                plan = plans[1] + plans[2]
        if plan is not None:
            result[library_id] = plan
    return result


def _latest_states(model, library_ids: list[int], day: datetime.date) -> dict[int, object]:
    """{library id: its latest state on or before `day`}. One query."""
    latest = model.objects.filter(library=OuterRef("library"), date__lte=day).order_by("-date")
    rows = (
        model.objects.filter(library__in=library_ids, date__lte=day)
        .annotate(latest=Subquery(latest.values("date")[:1]))
        .filter(date=F("latest"))
        .order_by()  # no join on the libraries for the model's ordering
    )
    return {row.library_id: row for row in rows}


def library_states_at(*, library_ids: list[int], day: datetime.date) -> dict[int, LibraryState]:
    return _latest_states(LibraryState, library_ids, day)


def staff_states_at(*, library_ids: list[int], day: datetime.date) -> dict[int, StaffState]:
    return _latest_states(StaffState, library_ids, day)


def funds_at(*, library_ids: list[int], day: datetime.date) -> dict[int, int]:
    """{library id: copies in its fund at the start of `day`}, for libraries whose
    fund is known (a recorded state on or before `day`). Two queries (the fund ledger's)."""
    ledger = fund_ledger(library_ids, [day])
    funds = {pk: ledger.fund_at(pk, day) for pk in library_ids}
    return {pk: copies.copies for pk, (copies, known) in funds.items() if known}


# --- the ratios: one place, one decimal ---------------------------------------

ONE_DECIMAL = Decimal("0.1")
# Loans per user above this need a look (the report's note, the hand-in's check).
LOANS_PER_USER_LIMIT = 100


def ratio(numerator, denominator, scale: int = 1) -> Decimal | None:
    """numerator / denominator × scale with one decimal (half up); None without a denominator."""
    if numerator is None or not denominator:
        return None
    return (Decimal(numerator) * scale / Decimal(denominator)).quantize(
        ONE_DECIMAL, rounding=ROUND_HALF_UP
    )


@dataclass(frozen=True)
class Ratios:
    reading: Decimal | None  # читаемость: loans per user
    attendance: Decimal | None  # посещаемость: visits per user
    turnover: Decimal | None  # обращаемость: loans per copy of the fund at the span's end
    provision: Decimal | None  # книгообеспеченность: copies per user
    coverage: Decimal | None  # охват: users per 100 of the service population


def ratios(figures: Indicators, *, fund: int | None, population: int | None) -> Ratios:
    """The five ratios of a library's (or the ЦБС's) figures.

    `fund` is None when unknown, `population` when no state says it: the ratios
    that need them are then None, never computed from a zero.
    """
    return Ratios(
        reading=ratio(figures.loans, figures.users),
        attendance=ratio(figures.visits, figures.users),
        turnover=ratio(figures.loans, fund),
        provision=ratio(fund, figures.users),
        coverage=ratio(figures.users, population, scale=100),
    )


def percent_of(done: int, plan: int | None) -> Decimal | None:
    """Done as a % of the plan, one decimal; None without a plan."""
    return ratio(done, plan, scale=100)


def change_percent(now: int, before: int | None) -> Decimal | None:
    """The change against `before` in %, one decimal; None when nothing to compare with."""
    if not before:
        return None
    return ratio(now - before, before, scale=100)
