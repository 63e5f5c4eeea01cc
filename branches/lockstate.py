"""The lock state's two state machines: a library's hand-in and a period's status.

Each machine is one table of allowed moves and one move that locks the row,
refuses what the table does not allow (a `ValidationError` with this module's
messages, which callers and tests reuse) and writes. What `frozen_reason`
(`branches.facts`) reads is written here only. Who may make a move, and what
must hold first (no errors, every warning explained, a frozen report) is the
workflow's above: `handin.services` and `reports.services` call down into these.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from branches.facts import lock_libraries
from branches.handins import HandIn, HandInTransition, RegionHandIn, RegionHandInTransition
from branches.models import Library, ReportingPeriod

State = HandIn.State
Status = ReportingPeriod.Status

# {state: the states a hand-in may move to from it}. A returned hand-in is
# handed in again; an accepted one can still be returned until the period is approved.
HANDIN_MOVES = {
    State.DRAFT: {State.SUBMITTED},
    State.SUBMITTED: {State.ACCEPTED, State.RETURNED},
    State.ACCEPTED: {State.RETURNED},
    State.RETURNED: {State.SUBMITTED},
}
# {status: the statuses a period may move to from it}. Approved is final.
PERIOD_MOVES = {
    Status.OPEN: {Status.SUBMITTED},
    Status.SUBMITTED: {Status.OPEN, Status.APPROVED},
    Status.APPROVED: set(),
}
# {state: the states a ЦБС's hand-in to its region may move to}; "" is no hand-in
# yet. A returned report is reopened (its approval undone) or sent again as it is;
# an accepted one is final.
RegionState = RegionHandIn.State
REGION_HANDIN_MOVES = {
    "": {RegionState.SUBMITTED},
    RegionState.SUBMITTED: {RegionState.ACCEPTED, RegionState.RETURNED},
    RegionState.RETURNED: {RegionState.REOPENED, RegionState.SUBMITTED},
    RegionState.REOPENED: {RegionState.SUBMITTED},
    RegionState.ACCEPTED: set(),
}

WRONG_STATE = _("Данные библиотеки %(library)s сейчас в состоянии «%(state)s»: так нельзя.")
PERIOD_APPROVED = _(
    "Период «%(period)s» утверждён: его данные больше не сдаются и не возвращаются."
)
REGION_NOT_APPROVED = _(
    "Отчёт за «%(period)s» не утверждён: в регион сдаётся только утверждённый отчёт."
)
REGION_WRONG_STATE = _("Отчёт за «%(period)s» в регионе «%(state)s»: так нельзя.")
REGION_NO_REGION = _("ЦБС не относится ни к одному региону: отчёт некуда сдать.")
PERIOD_MOVE_REFUSED = _(
    "Период «%(period)s» в статусе «%(current)s» нельзя перевести в «%(target)s»."
)


def handin_locked(library: Library, period: ReportingPeriod) -> HandIn:
    """The hand-in of `library` for `period` (created as a draft on first use), its
    row locked together with its library's: a librarian's write of a row of this
    library waits for the move (`branches.facts._handed_in_reason` locks the same row)."""
    lock_libraries([library.pk])
    HandIn.objects.get_or_create(library=library, period=period)
    return (
        HandIn.objects.select_for_update()
        .select_related("library", "period")
        .get(library=library, period=period)
    )


def handin_move_check(handin: HandIn, to_state: str) -> None:
    """Refuse (ValidationError) a move of `handin` to `to_state` that the lock state
    does not allow: none in an approved period, and only HANDIN_MOVES' moves."""
    period = handin.period
    if period.status == Status.APPROVED:
        raise ValidationError(PERIOD_APPROVED, params={"period": period.label})
    if to_state not in HANDIN_MOVES[State(handin.state)]:
        raise ValidationError(
            WRONG_STATE,
            params={"library": handin.library.abbreviation(), "state": handin.get_state_display()},
        )


@transaction.atomic
def handin_move(*, handin: HandIn, to_state: str, user, comment: str = "") -> HandIn:
    """Move a hand-in locked by `handin_locked` to `to_state`, keeping who, when and
    the comment as a HandInTransition."""
    handin_move_check(handin, to_state)
    HandInTransition.objects.create(
        handin=handin, from_state=handin.state, to_state=to_state, user=user, comment=comment
    )
    handin.state = to_state
    handin.save(update_fields=["state", "updated_at"])
    return handin


def period_lock(period: ReportingPeriod) -> str:
    """Lock the period's row until the transaction ends and return its stored status.

    A fact write checks the period under the same lock (`branches.facts`), so none
    commits between a caller's check of the period and its move."""
    return (
        ReportingPeriod.objects.select_for_update()
        .values_list("status", flat=True)
        .get(pk=period.pk)
    )


@transaction.atomic
def period_set_status(*, period: ReportingPeriod, status: str) -> ReportingPeriod:
    """Move the period to `status` along PERIOD_MOVES, its row locked; already
    there, nothing is written. An approved period's facts are frozen (`frozen_reason`)."""
    current = Status(period_lock(period))
    target = Status(status)
    if target != current and target not in PERIOD_MOVES[current]:
        raise ValidationError(
            PERIOD_MOVE_REFUSED,
            params={"period": period.label, "current": current.label, "target": target.label},
        )
    period.status = target
    if target != current:
        period.save(update_fields=["status"])
    return period


@transaction.atomic
def region_handin_move(
    *, period: ReportingPeriod, to_state: str, user, comment: str = ""
) -> RegionHandIn:
    """Move the ЦБС's hand-in of `period`'s report to its region to `to_state` along
    REGION_HANDIN_MOVES, the period's row locked, keeping who, when and the comment.

    Every move needs the period approved (the report is handed in as approved);
    reopening also undoes the period's approval (its report's own approval is the
    workflow's above, `reports.services`), the only way an approved period opens.
    """
    status = Status(period_lock(period))
    if not ReportingPeriod.objects.filter(
        pk=period.pk, organization__region__isnull=False
    ).exists():
        raise ValidationError(REGION_NO_REGION)
    handin = RegionHandIn.objects.select_for_update().filter(period=period).first()
    current = handin.state if handin else ""
    if status != Status.APPROVED:
        raise ValidationError(REGION_NOT_APPROVED, params={"period": period.label})
    if to_state not in REGION_HANDIN_MOVES[current]:
        state = handin.get_state_display() if handin else "—"
        raise ValidationError(REGION_WRONG_STATE, params={"period": period.label, "state": state})
    if handin is None:
        handin = RegionHandIn(period=period)
    handin.state = to_state
    handin.save()
    RegionHandInTransition.objects.create(
        handin=handin, from_state=current, to_state=to_state, user=user, comment=comment
    )
    if to_state == RegionState.REOPENED:
        period.status = Status.OPEN
        period.save(update_fields=["status"])
    return handin
