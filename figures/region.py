"""A region's (or the republic's) figures: every member ЦБС's, per library and per ЦБС, in
one pass.

`region_figures(scope=region_or_republic, code="2021-H1")` reads every member library's
figures with ONE `figures.reader.figures_read` (the periods of all the member ЦБС form the
span), then groups them by organization. A ЦБС's key figures are `key_figures_of` its
libraries' figures with its own budget and digitization plan: the very sum its own
report's `totals` makes, so a ЦБС's row equals its report and the region's total is the
sum of the ЦБС' rows (`key_figures_sum`). Section II's figures (users, visits, loans with
their plans, % of plan and the ratios) are `indicators.summary.control_summary`'s rows
per library, totalled per ЦБС by the report's own `control_total`.

Queries, whatever the number of ЦБС: 1 organizations + 1 periods with their hand-ins to the
region + 1 libraries + `figures_read`'s (with mass work) + 1 budgets and 1 digitization
plans per organization + 1 staff + the control summary's (plans, population, last year's
work log; +1 in a second half).

Interface (helper `regdash` and the consolidated report read only this):

    figures = region_figures(scope=region, code="2021-H1")
    figures.members   # [MemberFigures]: .organization, .figures (KeyFigures), .accepted,
                      #   .known (the ЦБС has the span's periods), .control (ControlRow),
                      #   .libraries [(Library, LibraryFigures)], .library_rows [ControlRow],
                      #   .mass_work (MassWork of its libraries), .states {half: state|None},
                      #   .staff {library id: StaffState}
    figures.total     # KeyFigures: the sum of the members'
    figures.control   # ControlRow: the members' section II totals added up
    figures.counted, figures.of   # accepted ЦБС, all ЦБС («по N из M ЦБС»)

    table = region_comparison(figures)   # no query
    table.rows        # [ComparisonRow]: .member, .values {measure: Compared(value, rank)}
    table.average, table.median, table.region   # {measure: Decimal | None}
    table.known, table.of                        # ЦБС with a value of the measure, of all
    COMPARED          # (measure name, label) in the table's order
"""

from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from django.db.models import BigIntegerField, Expression
from django.utils.translation import gettext_lazy

from branches.calendar import Span, code_parse
from branches.models import Library, Organization, Region, ReportingPeriod, Republic
from digitization.selectors import plans_by_organization
from events.selectors import MassWork
from figures.reader import (
    FigureReads,
    KeyFigures,
    LibraryFigures,
    figures_read,
    key_figures_of,
    key_figures_sum,
    library_figures,
)
from holdings.selectors import budget_by_organization, fund_ledger
from indicators.selectors import ONE_DECIMAL, library_states_at, ratio, staff_states_at
from indicators.summary import PLANNED, ControlRow, control_summary, control_total

ACCEPTED = "accepted"  # branches.handins.RegionHandIn.State.ACCEPTED


@dataclass
class MemberFigures:
    """One ЦБС of the region: its figures of the span as its own report prints them."""

    organization: Organization
    periods: tuple[ReportingPeriod, ...]  # its periods in the span (none: not opened)
    states: dict[int, str | None]  # {half: its hand-in to the region's state, None: not sent}
    libraries: list[tuple[Library, LibraryFigures]]
    figures: KeyFigures
    control: ControlRow  # section II's total: users, visits, loans, plan, ratios
    library_rows: list[ControlRow]
    mass_work: MassWork
    staff: dict = field(default_factory=dict)  # {library id: its StaffState at the span's end}

    @property
    def known(self) -> bool:
        """The ЦБС has opened the span's periods (else its figures are «нет данных»)."""
        return bool(self.periods)

    @property
    def accepted(self) -> bool:
        """The region accepted the ЦБС's report of every half of the span."""
        return bool(self.states) and all(state == ACCEPTED for state in self.states.values())

    @property
    def span(self) -> Span:
        return Span(
            organization=self.organization,
            periods=self.periods,
            year=self.periods[0].year if self.periods else 0,
            half=None if len(self.states) != 1 else next(iter(self.states)),
        )


@dataclass
class RegionFigures:
    scope: Region | Republic
    year: int
    half: int | None
    members: list[MemberFigures]
    total: KeyFigures
    control: ControlRow
    reads: FigureReads = field(repr=False)

    @property
    def code(self) -> str:
        return f"{self.year}-H{self.half}" if self.half else str(self.year)

    @property
    def counted(self) -> int:
        """ЦБС whose reports of the span the region accepted."""
        return sum(member.accepted for member in self.members)

    @property
    def of(self) -> int:
        return len(self.members)

    @property
    def known(self) -> int:
        """ЦБС with the span's periods opened."""
        return sum(member.known for member in self.members)


class _Parameters(Expression):
    """`(%s, %s, …)` of some integers, as Django writes an `__in` list of them."""

    def __init__(self, values: list[int]):
        super().__init__(output_field=BigIntegerField())
        self.values = values

    def as_sql(self, compiler, connection):
        return "(" + ", ".join(["%s"] * len(self.values)) + ")", tuple(self.values)


class LibraryIds(list):
    """The member libraries' ids (ints), a list that a query's `library__in=` writes as
    it is: the same `IN (%s, …)` and the same parameters as a plain list gives, without
    Django's preparing each id one by one.

    The figures reader's selectors filter by these ids in some 45 queries; with a
    republic's 3,920 libraries that preparation (~180,000 values, each resolved,
    normalized and converted) took seconds of the republic's report. An empty list
    stays Django's (a query that matches nothing).
    """

    def resolve_expression(self, *args, **kwargs):
        return _Parameters(list(self)) if self else []


def member_organizations(scope: Region | Republic):
    """The ЦБС of a region, or of every region of the republic: a queryset, not read."""
    if isinstance(scope, Republic):
        members = Organization.objects.filter(region__republic=scope)
        return members.select_related("region").order_by("region__name_ru", "name_ru", "code")
    return Organization.objects.filter(region=scope).order_by("name_ru", "code")


def region_figures(*, scope: Region | Republic, code: str) -> RegionFigures:
    """Every member ЦБС's figures of the span `code` ("2021-H1" or "2021"); SpanError for
    a malformed code. A fixed number of queries whatever the number of ЦБС (see above)."""
    year, half = code_parse(code)
    organizations = list(member_organizations(scope))
    periods = ReportingPeriod.objects.filter(organization__in=organizations, year=year)
    if half:
        periods = periods.filter(half=half)
    periods = list(periods.select_related("region_handin").order_by("organization", "half"))
    libraries = list(
        Library.objects.filter(organization__in=organizations).order_by(
            "organization", "order", "code"
        )
    )
    span = Span(organization=None, periods=tuple(periods), year=year, half=half)
    ids = LibraryIds(library.pk for library in libraries)
    reads = figures_read(
        organization=None,
        span=span,
        library_ids=ids,
        libraries=libraries,
        with_mass_work=True,
        with_entered=False,
        # The ledger as `fund_movement` reads it, with the ids as one parameter.
        ledger=fund_ledger(ids, [span.start, span.day_after]),
    )
    per_library = dict((library.pk, figures) for library, figures in library_figures(reads))
    budgets = budget_by_organization(period_ids=span.period_ids)
    plans = plans_by_organization(period_ids=span.period_ids)
    states = library_states_at(library_ids=ids, day=span.end)
    staff = staff_states_at(library_ids=ids, day=span.end)
    funds = {row.library.pk: row.end.copies for row in reads.fund.rows if row.end_known}
    summary = control_summary(
        library_ids=ids, start=span.start, end=span.end, year=year, half=half,
        period_ids=span.period_ids, period_ids_last_year=[], states=states,
        now=reads.indicators, funds=funds,
    )  # fmt: skip
    rows = {row.library_id: row for row in summary.rows}
    libraries_of: dict[int, list[Library]] = {}
    for library in libraries:
        libraries_of.setdefault(library.organization_id, []).append(library)
    periods_of: dict[int, list[ReportingPeriod]] = {}
    for period in periods:
        periods_of.setdefault(period.organization_id, []).append(period)
    organization_of = {library.pk: library.organization_id for library in libraries}
    mass_work_of = _mass_work_by_organization(reads.mass_work, organization_of)
    members = []
    for organization in organizations:
        mine = libraries_of.get(organization.pk, [])
        own_periods = tuple(periods_of.get(organization.pk, []))
        figures = key_figures_of(
            [per_library[library.pk] for library in mine],
            budget=budgets.get(organization.pk, Decimal(0)),
            digitization_planned=plans.get(organization.pk, 0),
        )
        library_rows = [rows[library.pk] for library in mine]
        members.append(
            MemberFigures(
                organization=organization,
                periods=own_periods,
                states=_states(own_periods, half),
                libraries=[(library, per_library[library.pk]) for library in mine],
                figures=figures,
                # The ЦБС's report totals section II with its fund as section III prints it.
                control=control_total(library_rows, total_fund=figures.fund_end),
                library_rows=library_rows,
                mass_work=mass_work_of.get(organization.pk) or _mass_work_of(reads.mass_work),
                staff={library.pk: staff[library.pk] for library in mine if library.pk in staff},
            )
        )
    total = key_figures_sum([member.figures for member in members])
    return RegionFigures(
        scope=scope,
        year=year,
        half=half,
        members=members,
        total=total,
        control=_control_of_members(members, total),
        reads=reads,
    )


def _states(periods: tuple[ReportingPeriod, ...], half: int | None) -> dict[int, str | None]:
    """{half: the hand-in's state} for every half of the span, None where not sent
    (or the period not opened)."""
    halves = [half] if half else [1, 2]
    by_half = {period.half: period for period in periods}
    result = {}
    for each in halves:
        period = by_half.get(each)
        handin = getattr(period, "region_handin", None) if period is not None else None
        result[each] = handin.state if handin is not None else None
    return result


def _mass_work_of(mass_work: MassWork, by_library=None, handed_in=None) -> MassWork:
    """The region's mass work narrowed to some libraries' (none by default). No query."""
    return replace(mass_work, by_library=by_library or {}, handed_in=handed_in or set())


def _mass_work_by_organization(
    mass_work: MassWork, organization_of: dict[int, int]
) -> dict[int, MassWork]:
    """{organization id: the region's mass work narrowed to its libraries}, in one pass
    over the libraries (not one per ЦБС: a republic has 200 ЦБС and 3,920 libraries)."""
    by_library: dict[int, dict] = {}
    handed: dict[int, set[int]] = {}
    for pk, counts in mass_work.by_library.items():
        if pk in organization_of:
            by_library.setdefault(organization_of[pk], {})[pk] = counts
    for pk in mass_work.handed_in:
        if pk in organization_of:
            handed.setdefault(organization_of[pk], set()).add(pk)
    return {
        key: _mass_work_of(mass_work, by_library.get(key), handed.get(key))
        for key in by_library.keys() | handed.keys()
    }


def _control_of_members(members: list[MemberFigures], total: KeyFigures) -> ControlRow:
    """The region's section II total: the members' totals added up; a ЦБС counts as
    known when all its libraries' figures are («по N из M ЦБС» otherwise)."""
    row = control_total([member.control for member in members], total_fund=total.fund_end)
    complete = sum(m.control.figures is not None and not m.control.partial for m in members)
    return replace(row, known=complete, of=len(members))


# --- the comparison inside the region (issue 26, item 4) ---------------------------

# The measures compared, in the table's order: (name, label). The ratios are the ЦБС
# report's own (indicators.selectors.ratios of its section II total); % of plan is its
# `Control.percent`; per resident where the service population of every library is known.
COMPARED = (
    ("reading", gettext_lazy("Читаемость")),
    ("attendance", gettext_lazy("Посещаемость")),
    ("turnover", gettext_lazy("Обращаемость")),
    ("provision", gettext_lazy("Документообеспеченность")),
    ("users_percent", gettext_lazy("% плана по пользователям")),
    ("visits_percent", gettext_lazy("% плана по посещениям")),
    ("loans_percent", gettext_lazy("% плана по документовыдаче")),
    ("coverage", gettext_lazy("Пользователей на 100 жителей")),
    ("per_resident", gettext_lazy("Документов на 1 жителя")),
)


@dataclass(frozen=True)
class Compared:
    value: Decimal | None  # None: «нет данных»
    rank: int | None  # 1: the highest value in the region; equal values share a rank


@dataclass
class ComparisonRow:
    member: MemberFigures
    values: dict[str, Compared]  # by measure name


@dataclass
class RegionComparison:
    """Each ЦБС's ratios and % of plan beside the region's average and median."""

    rows: list[ComparisonRow]
    average: dict[str, Decimal | None]  # the mean of the ЦБС' known values
    median: dict[str, Decimal | None]
    region: dict[str, Decimal | None]  # the region's own (its totals' ratio)
    known: dict[str, int]  # ЦБС with a value, of `of`
    of: int

    measures = COMPARED


def _measures(row: ControlRow, fund: int | None) -> dict[str, Decimal | None]:
    ratios = row.ratios
    values = {
        "reading": ratios.reading,
        "attendance": ratios.attendance,
        "turnover": ratios.turnover,
        "provision": ratios.provision,
        "coverage": ratios.coverage,
        # The population is known only when every library's is (control_total).
        "per_resident": None if row.partial else ratio(fund, row.population),
    }
    for name in PLANNED:
        values[f"{name}_percent"] = row.control(name).percent
    return values


def _ranks(values: dict[int, Decimal | None]) -> dict[int, int | None]:
    """Competition ranks, the highest value first; None for an unknown value."""
    known = sorted((v for v in values.values() if v is not None), reverse=True)
    return {key: None if v is None else known.index(v) + 1 for key, v in values.items()}


def region_comparison(figures: RegionFigures) -> RegionComparison:
    """The comparison table of the region's ЦБС. No query."""
    per_member = [_measures(m.control, m.control.fund) for m in figures.members]
    average, middle, known, ranks = {}, {}, {}, {}
    for name, _label in COMPARED:
        values = [v[name] for v in per_member if v[name] is not None]
        known[name] = len(values)
        average[name] = (
            (sum(values) / len(values)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)
            if values
            else None
        )
        middle[name] = (
            Decimal(median(values)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)
            if values
            else None
        )
        ranks[name] = _ranks({i: v[name] for i, v in enumerate(per_member)})
    rows = [
        ComparisonRow(
            member=member,
            values={
                name: Compared(per_member[i][name], ranks[name][i]) for name, _label in COMPARED
            },
        )
        for i, member in enumerate(figures.members)
    ]
    return RegionComparison(
        rows=rows,
        average=average,
        median=middle,
        region=_measures(figures.control, figures.control.fund),
        known=known,
        of=len(rows),
    )


__all__ = [
    "COMPARED",
    "RegionComparison",
    "region_comparison",
    "MemberFigures",
    "RegionFigures",
    "member_organizations",
    "region_figures",
]
