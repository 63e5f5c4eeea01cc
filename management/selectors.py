"""The ЦБС's methodical work and finance of a span: its half-years' rows added up.

A span (a half-year or a year) is known as far as its half-years have a row:
`halves` of `expected` say how many did, and a year with one half entered prints
«по 1 из 2 полугодий», never as if it were the year's whole.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from management.models import MONEY_FIELDS, Finance, MethodicalWork

METHODICAL_FIELDS = (
    "consultations",
    "consultations_group",
    "seminars",
    "practicums",
    "visits",
    "publications",
    "courses",
    "trained",
    "certified",
)


@dataclass(frozen=True)
class SpanRows:
    """A kind's rows of a span: `by_half` {half: {field: value}} and `values` their sum,
    from `halves` of `expected` half-years (no row: the figures are unknown)."""

    by_half: dict = field(default_factory=dict)
    expected: int = 0

    @property
    def halves(self) -> int:
        return len(self.by_half)

    @property
    def known(self) -> bool:
        return bool(self.by_half)

    @property
    def complete(self) -> bool:
        return self.known and self.halves >= self.expected

    @property
    def values(self) -> dict:
        names = {name for row in self.by_half.values() for name in row}
        return {name: sum(row[name] for row in self.by_half.values()) for name in names}

    def __getitem__(self, name):
        return self.values[name]


def _rows(model, fields, zero, *, organization, span) -> SpanRows:
    """One row per half-year (unique per organization and period). One query."""
    rows = model.objects.filter(organization=organization)
    by_organization = _rows_by_organization(rows, fields, zero, periods=span.periods)
    return SpanRows(
        by_half=by_organization.get(getattr(organization, "pk", None), {}),
        expected=1 if span.half else 2,
    )


def _rows_by_organization(rows, fields, zero, *, periods) -> dict[int, dict]:
    """{organization id: {half: {field: value}}} of `rows` (a queryset of a kind) in
    `periods`, an empty field taken as `zero`. One query."""
    period_ids = [period.pk for period in periods]
    rows = rows.filter(period__in=period_ids).values("organization_id", "period__half", *fields)
    by_organization: dict[int, dict] = {}
    for row in rows.order_by("organization_id", "period__half"):
        halves = by_organization.setdefault(row.pop("organization_id"), {})
        halves[row.pop("period__half")] = {k: v if v is not None else zero for k, v in row.items()}
    return by_organization


def finance_of(*, organization, span) -> SpanRows:
    """The ЦБС's budget, spending and paid income of `span`, thousand tenge. One query."""
    return _rows(Finance, MONEY_FIELDS, Decimal(0), organization=organization, span=span)


def finance_by_organization(*, periods, half: int | None) -> dict[int, SpanRows]:
    """`finance_of` of each organization of `periods` (a region's ЦБС' periods of a span,
    a half-year `half` or the year: None), in one query: {organization id: SpanRows}; an
    organization with no row has none here (its finance is unknown: `SpanRows()`)."""
    by_organization = _rows_by_organization(
        Finance.objects.all(), MONEY_FIELDS, Decimal(0), periods=periods
    )
    expected = 1 if half else 2
    return {pk: SpanRows(by_half=rows, expected=expected) for pk, rows in by_organization.items()}


def methodical_of(*, organization, span) -> SpanRows:
    """The ЦБС's methodical work and staff training of `span`. One query."""
    return _rows(MethodicalWork, METHODICAL_FIELDS, 0, organization=organization, span=span)
