"""What the region's dashboard shows, arranged from the region's figures.

The figures come from `figures.region` (the figures reader with the region as its
scope; helper `region`'s): this module arranges, it never aggregates. Where the
page needs the member ЦБС's states (their reports, their hand-ins to the region) it
reads them in one query each, whatever the number of ЦБС.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from branches.calendar import half_end, span_code
from branches.handins import RegionHandIn
from branches.models import Organization, ReportingPeriod


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
    return context
