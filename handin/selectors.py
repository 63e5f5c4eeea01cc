"""Reads of the hand-in: explanations beside the checks, and the ЦБС overview's rows."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch

from branches.checks import Result
from branches.handins import HandIn, HandInTransition
from branches.models import Library, ReportingPeriod
from handin.models import Explanation


def attach_explanations(results: list[Result], period: ReportingPeriod) -> list[Result]:
    """Give each result its stored explanation, if any. One query."""
    stored = {
        e.key: e
        for e in Explanation.objects.filter(
            period=period, key__in=[r.key for r in results]
        ).select_related("author")
    }
    for result in results:
        result.explanation = stored.get(result.key)
    return results


def is_overdue(period: ReportingPeriod, state: str, today: datetime.date | None = None) -> bool:
    """Past the libraries' due date and not yet handed in."""
    today = today or datetime.date.today()
    return (
        period.libraries_due is not None
        and today > period.libraries_due
        and state in (HandIn.State.DRAFT, HandIn.State.RETURNED)
    )


@dataclass
class OverviewRow:
    library: Library
    handin: HandIn | None
    submitted: HandInTransition | None  # the latest submission
    last: HandInTransition | None  # the latest move
    results: list[Result] = field(default_factory=list)
    overdue: bool = False

    @property
    def state(self) -> str:
        return self.handin.state if self.handin else HandIn.State.DRAFT

    @property
    def state_label(self) -> str:
        return self.handin.get_state_display() if self.handin else HandIn.State.DRAFT.label

    @property
    def errors(self) -> int:
        return sum(1 for r in self.results if r.is_error)

    @property
    def warnings(self) -> int:
        return sum(1 for r in self.results if not r.is_error)

    @property
    def explained(self) -> int:
        return sum(1 for r in self.results if not r.is_error and r.explanation)


def overview_rows(period: ReportingPeriod, results: list[Result]) -> list[OverviewRow]:
    """Every library of the period's ЦБС with its hand-in, last moves and checks."""
    libraries = Library.objects.filter(organization_id=period.organization_id).order_by(
        "order", "code"
    )
    handins = {
        h.library_id: h
        for h in HandIn.objects.filter(period=period).prefetch_related(
            Prefetch(
                "transitions",
                queryset=HandInTransition.objects.select_related("user").order_by("at", "pk"),
            )
        )
    }
    rows = []
    for library in libraries:
        handin = handins.get(library.pk)
        moves = list(handin.transitions.all()) if handin else []
        submitted = [m for m in moves if m.to_state == HandIn.State.SUBMITTED]
        row = OverviewRow(
            library=library,
            handin=handin,
            submitted=submitted[-1] if submitted else None,
            last=moves[-1] if moves else None,
            results=[r for r in results if r.library and r.library.pk == library.pk],
        )
        row.overdue = is_overdue(period, row.state)
        rows.append(row)
    return rows


def all_accepted(period: ReportingPeriod) -> bool:
    """Whether every library of the period's ЦБС has had its hand-in accepted."""
    libraries = Library.objects.filter(organization_id=period.organization_id)
    accepted = HandIn.objects.filter(period=period, state=HandIn.State.ACCEPTED)
    return libraries.count() == accepted.count()


def handin_states(span, library_ids: list[int]) -> dict[int, dict]:
    """For a half-year span: {library id: {"state", "label", "overdue"}} of each of
    `library_ids` (the dashboard's completeness table). One query."""
    if span is None or span.is_year or not span.periods:
        return {}
    period = span.periods[0]
    stored = dict(
        HandIn.objects.filter(period=period, library_id__in=library_ids)
        .order_by()  # the model's ordering would join the libraries and periods for nothing
        .values_list("library_id", "state")
    )
    labels = dict(HandIn.State.choices)
    result = {}
    for pk in library_ids:
        state = stored.get(pk, HandIn.State.DRAFT)
        result[pk] = {"state": state, "label": labels[state], "overdue": is_overdue(period, state)}
    return result
