"""What the region's dashboard shows, arranged from the region's figures.

The figures come from `figures.region` (the figures reader with the region as its
scope; helper `region`'s): this module arranges, it never aggregates. Where the
page needs the member ЦБС's states (their reports, their hand-ins to the region) it
reads them in one query each, whatever the number of ЦБС.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from branches.calendar import half_end, half_start, span_code
from branches.handins import RegionHandIn
from branches.models import Library, Organization, ReportingPeriod
from dashboard import presenters
from dashboard.indicator_cards import TREND_HALF_YEARS
from dashboard.presenters import half_year_short
from figures.region import RegionFigures, region_comparison, region_figures
from indicators.comparison import comparison_for
from indicators.selectors import Indicators, worklog_figures_by_window


def span_label(year: int, half: int | None) -> str:
    if half is None:
        return _("%(year)s год") % {"year": year}
    return _("%(half)s полугодие %(year)s года") % {"half": half, "year": year}


@dataclass
class MemberState:
    """Where a member ЦБС's half-year stands: its report and its hand-in to the region."""

    organization: Organization
    period: ReportingPeriod | None  # None: the ЦБС has not opened the half-year
    handin: str = ""  # RegionHandIn.State, "" while never sent
    has_data: bool | None = None  # None: not known (no figures read)
    overdue: bool = False

    @property
    def report_label(self) -> str:
        if self.period is None:
            return _("период не открыт")
        return self.period.get_status_display()

    @property
    def handin_label(self) -> str:
        if not self.handin:
            return _("не сдан")
        return RegionHandIn.State(self.handin).label

    @property
    def accepted(self) -> bool:
        return self.handin == RegionHandIn.State.ACCEPTED

    @property
    def handed_in(self) -> bool:
        return self.handin in (RegionHandIn.State.SUBMITTED, RegionHandIn.State.ACCEPTED)


def member_states(
    organizations: list[Organization], periods: list[ReportingPeriod], year: int, half: int | None
) -> list[MemberState]:
    """One row per member ЦБС for a half-year (a year: its second half, the year's
    report). One query (the hand-ins), whatever the number of ЦБС."""
    half = half or 2
    by_organization = {p.organization_id: p for p in periods if (p.year, p.half) == (year, half)}
    handins = dict(
        RegionHandIn.objects.filter(period__in=list(by_organization.values()))
        .order_by()
        .values_list("period_id", "state")
    )
    today = datetime.date.today()
    rows = []
    for organization in organizations:
        period = by_organization.get(organization.pk)
        if period is not None:
            period.organization = organization  # its label needs no query
        state = handins.get(period.pk, "") if period else ""
        due = period.organization_due if period else None
        rows.append(
            MemberState(
                organization=organization,
                period=period,
                handin=state,
                overdue=(
                    due is not None
                    and today > due
                    and state not in (RegionHandIn.State.SUBMITTED, RegionHandIn.State.ACCEPTED)
                ),
            )
        )
    return rows


def state_line(states: list[MemberState]) -> dict:
    return {
        "total": len(states),
        "handed_in": sum(1 for s in states if s.handed_in),
        "accepted": sum(1 for s in states if s.accepted),
        "overdue": sum(1 for s in states if s.overdue),
    }


@dataclass
class HalfYear:
    """A half-year of the trend: its label, short and long."""

    year: int
    half: int

    @property
    def label(self) -> str:
        return span_label(self.year, self.half)


def trend(library_ids: list[int], year: int, half: int | None):
    """The region's users, visits and loans over the last six half-years up to the
    span's last half: the member libraries' work-log figures added up (the ЦБС
    dashboard's trend, one level up). One query; half-years before the first with a
    work log are left out, a half-year with none is None."""
    halves = [(year, half or 2)]
    while len(halves) < TREND_HALF_YEARS:
        y, h = halves[-1]
        halves.append((y, 1) if h == 2 else (y - 1, 2))
    halves.reverse()
    reads = worklog_figures_by_window(
        library_ids=library_ids, windows=[(half_start(y, h), half_end(y, h)) for y, h in halves]
    )
    result = [
        (HalfYear(y, h), sum(by_library.values(), Indicators()) if by_library else None)
        for (y, h), by_library in zip(halves, reads, strict=True)
    ]
    while result and result[0][1] is None:
        result.pop(0)
    return result


def trend_chart(rows) -> dict:
    """Chart.js data of the trend, as the ЦБС dashboard draws its own."""

    def series(name):
        return [None if figures is None else getattr(figures, name) for _s, figures in rows]

    datasets = [
        {"label": _("Посещения"), "data": series("visits"), "yAxisID": "y"},
        {"label": _("Документовыдача, экз."), "data": series("loans"), "yAxisID": "y"},
        {"label": _("Пользователи с начала года (правая шкала), чел."),
         "data": series("users"), "yAxisID": "y1", "type": "bar", "barPercentage": 0.5},
    ]  # fmt: skip
    return {
        "type": "line",
        "labels": [half_year_short(s) for s, _f in rows],
        "axes": {"y": pgettext("ось графика", "посещений и выдач"),
                 "y1": pgettext("ось графика", "человек")},
        "datasets": datasets,
        "empty": not any(value for d in datasets for value in d["data"] if value),
    }  # fmt: skip


@dataclass
class Column:
    """One compared figure of the members' table: a % of plan, a ratio, a per-capita."""

    key: str
    label: str


def comparison_table(figures: RegionFigures) -> dict:
    """Each ЦБС's % of plan, ratios and per-capita figures with its rank beside the
    region's average, median and own value: `figures.region.region_comparison`, laid
    out as the table's columns. No query."""
    comparison = region_comparison(figures)
    columns = [Column(name, str(label)) for name, label in comparison.measures]
    return {
        "columns": columns,
        "rows": [(row.member, [row.values[c.key] for c in columns]) for row in comparison.rows],
        "average": [comparison.average[c.key] for c in columns],
        "median": [comparison.median[c.key] for c in columns],
        "region": [comparison.region[c.key] for c in columns],
    }


def _fund_parts(figures: RegionFigures) -> tuple[int, int]:
    rows = figures.reads.fund.rows
    return sum(row.end_known for row in rows), len(rows)


def _with_data(periods, year, half) -> list[tuple[int, int]]:
    """The half-years the comparison may use: those the member ЦБС have opened."""
    return sorted({(p.year, p.half) for p in periods})


def figures_context(*, region, periods, year: int, half: int | None) -> dict:
    """The cards, the members' table and what the page says of its base. Two reads of
    the region's figures (the span and its base), whatever the number of ЦБС."""
    figures = region_figures(scope=region, code=span_code(year, half))
    if not figures.known:  # no member ЦБС has opened the span: nothing is known, not 0
        return {"figures": figures, "no_data": True, "has_data": {}}
    comparison = comparison_for(year, half, _with_data(periods, year, half))
    previous = None
    if comparison.comparable:
        base = span_code(comparison.base_year, comparison.base_half)
        previous = region_figures(scope=region, code=base).total
    cards = presenters.cards(
        figures.total,
        previous,
        organization_wide=True,
        year=half is None,
        fund_parts=_fund_parts(figures),
        against=comparison.against,
    )
    if comparison.comparable:
        said = _("изменения — %(against)s") % {"against": comparison.against}
    else:
        said = _("%(said)s; фонд и каталог сравниваются с началом периода") % {
            "said": comparison.said
        }
    return {
        "figures": figures,
        "cards": cards,
        "comparison": said,
        "totals_note": _(
            "Итоги — сумма всех %(of)s ЦБС региона; отчёты приняты регионом у %(counted)s из них."
        )
        % {"of": figures.of, "counted": figures.counted},
        "members": comparison_table(figures),
        "has_data": {
            m.organization.pk: m.known and m.control.figures is not None for m in figures.members
        },
    }


def region_context(*, region, organizations, periods, year: int, half: int | None) -> dict:
    """Everything the body shows for a span."""
    states = member_states(organizations, periods, year, half)
    context = {
        "span_label": span_label(year, half),
        "is_year": half is None,
        "ended": half_end(year, half) < datetime.date.today(),
        "states": states,
        "state_line": state_line(states),
        "code": span_code(year, half),
    }
    library_ids = list(
        Library.objects.filter(organization__in=organizations).values_list("pk", flat=True)
    )
    context.update(figures_context(region=region, periods=periods, year=year, half=half))
    for row in states:
        row.has_data = context["has_data"].get(row.organization.pk)
    context["trend"] = trend(library_ids, year, half)
    context["charts"] = {"indicator_trend": trend_chart(context["trend"])}
    return context
