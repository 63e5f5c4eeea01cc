"""Section II's figures per library and in total: plan, done, % of plan, the same
span last year, the change and the ratios, all from `indicators.selectors`.

Eight queries whatever the data size: the work log now and a year before (two
each), the plans, the service populations and the funds (two); one more in a second
half (the year's flows so far, which its ratios divide).

Unknown is not zero: a library with no work-log row in the span has no figures
(None), so no % of plan and no change; a total adds the known libraries and says how
many (`ControlRow.known` of `of`).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from indicators.comparison import Comparison, change_against
from indicators.selectors import (
    Indicators,
    Plan,
    Ratios,
    funds_at,
    library_states_at,
    percent_of,
    plans_for,
    ratios,
    worklog_figures,
    worklog_figures_by_window,
    year_start,
)

# The figures with a plan, in the report's order.
PLANNED = ("users", "visits", "loans")


def _year_before(day: datetime.date) -> datetime.date:
    if day.month == 2 and day.day == 29:
        return day.replace(year=day.year - 1, day=28)
    return day.replace(year=day.year - 1)


@dataclass(frozen=True)
class Control:
    """One figure of one row: plan, done, % of plan, the base, change. `done` None: no
    work-log row in the span (unknown, not 0); `last_year` None: nothing to compare
    with (`indicators.comparison`); `partial`: a total over some libraries only (no %)."""

    plan: int | None
    done: int | None
    last_year: int | None
    comparable: bool = True
    partial: bool = False

    @property
    def percent(self) -> Decimal | None:
        if self.done is None or self.partial:
            return None
        return percent_of(self.done, self.plan)

    @property
    def change(self) -> Decimal | None:
        if not self.comparable:
            return None
        return change_against(self.done, self.last_year)


@dataclass(frozen=True)
class ControlRow:
    library_id: int | None  # None: the ЦБС's total
    figures: Indicators | None  # None: no work-log row in the span
    last_year: Indicators | None  # None: no row in the base, or no base to compare with
    plan: Plan | None
    fund: int | None
    population: int | None
    # The year's flows so far, in a second half (users are the year's already): what the
    # ratios divide. None: the span starts on 1 January, its own figures are.
    to_date: Indicators | None = None
    comparable: bool = True  # both sides cover the same libraries and both have data
    known: int = 1  # the libraries with figures in the span (a total: of `of`)
    known_before: int = 1  # …and in the base
    of: int = 1

    @property
    def partial(self) -> bool:
        """A total over some of the libraries only («по N из M библиотек»)."""
        return self.figures is not None and self.known < self.of

    @property
    def partial_before(self) -> bool:
        return self.last_year is not None and self.known_before < self.of

    def control(self, name: str) -> Control:
        plan = getattr(self.plan, name) if self.plan is not None else None
        done = getattr(self.figures, name) if self.figures is not None else None
        before = getattr(self.last_year, name) if self.last_year is not None else None
        return Control(plan, done, before, self.comparable, self.partial)

    @property
    def flows(self) -> Indicators | None:
        """The figures the ratios divide: the year so far in a second half."""
        return self.to_date if self.to_date is not None else self.figures

    @property
    def ratios(self) -> Ratios:
        if self.figures is None or self.partial:
            # Unknown; or a total over some libraries only, which no ratio of the ЦБС's
            # (its fund, its population, its users) divides fairly.
            return Ratios(None, None, None, None, None)
        return ratios(self.flows, fund=self.fund, population=self.population)


@dataclass(frozen=True)
class ControlSummary:
    rows: list[ControlRow]
    total: ControlRow
    half: int | None = None  # the span's half (None: a year)
    comparison: Comparison | None = None  # the base of the changes (None: a year before)

    @property
    def year_to_date(self) -> bool:
        """The ratios divide the year so far (a second half), not the span's own flows."""
        return self.total.to_date is not None

    @property
    def annual_plan(self) -> bool:
        """The plans set against this half-year are the year's: «% годового плана»."""
        plans = [row.plan for row in self.rows if row.plan is not None]
        return bool(plans) and all(plan.annual for plan in plans)

    @property
    def mixed_plans(self) -> bool:
        """Some libraries' plans are the half's own, others the year's: no total %."""
        return len({row.plan.annual for row in self.rows if row.plan is not None}) > 1

    @property
    def plan_pace(self) -> int | None:
        """The % of the year's plan expected by the end of the span, where it says something:
        50 at mid-year for the flows of a first half (a second half's are the half's own
        against the whole year's plan: no pace to read them by)."""
        return 50 if self.annual_plan and self.half == 1 else None


def _sum_or_none(values: list[int | None]) -> int | None:
    """A total only when every part is known: a partial sum would inflate the ratios."""
    if not values or any(value is None for value in values):
        return None
    return sum(values)


def _sum_known(values: list[Indicators | None]) -> Indicators | None:
    """The sum of the known figures; None when none is known."""
    known = [value for value in values if value is not None]
    return sum(known, Indicators()) if known else None


def control_summary(
    *,
    library_ids: list[int],
    start: datetime.date,
    end: datetime.date,
    year: int,
    half: int | None,
    period_ids: list[int],
    period_ids_last_year: list[int],
    states: dict | None = None,
    now: dict | None = None,
    funds: dict | None = None,
    total_fund: int | None = None,
    comparison: Comparison | None = None,
) -> ControlSummary:
    """Rows in the order of `library_ids`, and the total (the sums of the known rows).

    `states` (the libraries' states at `end`), `now` (their work-log figures for
    the span, `worklog_figures`) and `funds` (their known funds the day after `end`,
    `funds_at`): when the caller has read them already. `total_fund`: the ЦБС's fund
    at the end as section III prints it (`figures.reader`'s fund table; default: the
    libraries' funds when all are known). `comparison`: the base of the changes
    (`indicators.comparison.comparison_for`; default: the same dates a year before).
    One more query in a second half: the year's flows so far, which the ratios divide.
    """
    window = {"library_ids": library_ids}
    if now is None:
        now = worklog_figures(**window, start=start, end=end, period_ids=period_ids)
    base = comparison.base if comparison is not None else (_year_before(start), _year_before(end))
    before = worklog_figures(**window, start=base[0], end=base[1], period_ids=period_ids_last_year)
    comparable = comparison is None or comparison.comparable
    to_date = None
    if start != year_start(end):
        (to_date,) = worklog_figures_by_window(**window, windows=[(year_start(end), end)])
    plans = plans_for(**window, year=year, half=half)
    if states is None:
        states = library_states_at(**window, day=end)
    if funds is None:
        funds = funds_at(**window, day=end + datetime.timedelta(days=1))
    rows = []
    for pk in library_ids:
        figures = now.get(pk)
        last_year = before.get(pk) if comparable else None
        rows.append(
            ControlRow(
                library_id=pk,
                figures=figures,
                last_year=last_year,
                plan=plans.get(pk),
                fund=funds.get(pk),
                population=states[pk].population if pk in states else None,
                to_date=None if to_date is None or figures is None else to_date.get(pk),
                comparable=figures is not None and last_year is not None,
            )
        )
    total = control_total(rows, total_fund=total_fund)
    return ControlSummary(rows=rows, total=total, half=half, comparison=comparison)


def control_total(rows: list[ControlRow], *, total_fund: int | None = None) -> ControlRow:
    """The total row of `rows` (the ЦБС's, of its libraries' rows): the sums of the known
    figures, a plan only when every row has one and all alike, the population and the
    fund only when every row's is known (`total_fund`: the fund as section III prints
    it). No query: the region's reader (`figures.region`) totals each ЦБС with it too."""
    # % of plan in total compares like with like: only when every library has a plan, and
    # all of them the half's own or all the year's.
    planned = [row.plan for row in rows]
    alike = None not in planned and len({plan.annual for plan in planned}) == 1
    known_now = sum(row.figures is not None for row in rows)
    known_before = sum(row.last_year is not None for row in rows)
    to_dates = [row.to_date for row in rows]
    return ControlRow(
        library_id=None,
        figures=_sum_known([row.figures for row in rows]),
        last_year=_sum_known([row.last_year for row in rows]),
        plan=sum(planned[1:], planned[0]) if planned and alike else None,
        fund=total_fund if total_fund is not None else _sum_or_none([r.fund for r in rows]),
        population=_sum_or_none([row.population for row in rows]),
        to_date=_sum_known(to_dates) if any(t is not None for t in to_dates) else None,
        # The totals compare only when every library has figures on both sides.
        comparable=bool(rows) and known_now == known_before == len(rows),
        known=known_now,
        known_before=known_before,
        of=len(rows),
    )


def plan_labels(summary: ControlSummary) -> tuple[str, str, str]:
    """(what the plan is, the % column's name, the pace said beside it) in the active
    language: «план», «% плана», "" for a span's own plan; «годовой план», «% годового
    плана», «к середине года — 50 %» for the year's plan set against a first half. The
    report and the dashboard print the same words."""
    if not summary.annual_plan:
        return _("план"), _("% плана"), ""
    pace = summary.plan_pace
    said = _("к середине года — %(pace)s %%") % {"pace": pace} if pace is not None else ""
    return _("годовой план"), _("% годового плана"), said
