"""Section II's figures per library and in total: plan, done, % of plan, the same
span last year, the change and the ratios, all from `indicators.selectors`.

Eight queries whatever the data size: the work log now and a year before (two
each), the plans, the service populations and the funds (two).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from indicators.selectors import (
    Indicators,
    Plan,
    Ratios,
    change_percent,
    funds_at,
    library_states_at,
    percent_of,
    plans_for,
    ratios,
    worklog_figures,
)

# The figures with a plan, in the report's order.
PLANNED = ("users", "visits", "loans")


def _year_before(day: datetime.date) -> datetime.date:
    if day.month == 2 and day.day == 29:
        return day.replace(year=day.year - 1, day=28)
    return day.replace(year=day.year - 1)


@dataclass(frozen=True)
class Control:
    """One figure of one row: plan, done, % of plan, last year, change."""

    plan: int | None
    done: int
    last_year: int

    @property
    def percent(self) -> Decimal | None:
        return percent_of(self.done, self.plan)

    @property
    def change(self) -> Decimal | None:
        return change_percent(self.done, self.last_year)


@dataclass(frozen=True)
class ControlRow:
    library_id: int | None  # None: the ЦБС's total
    figures: Indicators
    last_year: Indicators
    plan: Plan | None
    fund: int | None
    population: int | None

    def control(self, name: str) -> Control:
        plan = getattr(self.plan, name) if self.plan is not None else None
        return Control(plan, getattr(self.figures, name), getattr(self.last_year, name))

    @property
    def ratios(self) -> Ratios:
        return ratios(self.figures, fund=self.fund, population=self.population)


@dataclass(frozen=True)
class ControlSummary:
    rows: list[ControlRow]
    total: ControlRow
    half: int | None = None  # the span's half (None: a year)

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
) -> ControlSummary:
    """Rows in the order of `library_ids`, and the total (the rows' sums).

    `states` (the libraries' states at `end`), `now` (their work-log figures for
    the span, `worklog_figures`) and `funds` (their known funds the day after `end`,
    `funds_at`): when the caller has read them already.
    """
    window = {"library_ids": library_ids}
    if now is None:
        now = worklog_figures(**window, start=start, end=end, period_ids=period_ids)
    before = worklog_figures(
        **window,
        start=_year_before(start),
        end=_year_before(end),
        period_ids=period_ids_last_year,
    )
    plans = plans_for(**window, year=year, half=half)
    if states is None:
        states = library_states_at(**window, day=end)
    if funds is None:
        funds = funds_at(**window, day=end + datetime.timedelta(days=1))
    rows = [
        ControlRow(
            library_id=pk,
            figures=now.get(pk, Indicators()),
            last_year=before.get(pk, Indicators()),
            plan=plans.get(pk),
            fund=funds.get(pk),
            population=states[pk].population if pk in states else None,
        )
        for pk in library_ids
    ]
    # % of plan in total compares like with like: only when every library has a plan, and
    # all of them the half's own or all the year's.
    planned = [row.plan for row in rows]
    alike = None not in planned and len({plan.annual for plan in planned}) == 1
    total = ControlRow(
        library_id=None,
        figures=sum((row.figures for row in rows), Indicators()),
        last_year=sum((row.last_year for row in rows), Indicators()),
        plan=sum(planned[1:], planned[0]) if planned and alike else None,
        fund=_sum_or_none([row.fund for row in rows]),
        population=_sum_or_none([row.population for row in rows]),
    )
    return ControlSummary(rows=rows, total=total, half=half)


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
