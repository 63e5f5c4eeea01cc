"""Writes of a ЦБС's hand-in of its approved half-year report to its region.

The ЦБС's methodologist sends the approved report (сдано); the region's
methodologist accepts it (принято) or returns it with a comment (возвращено);
a returned report is reopened by the ЦБС (`reports.services.report_reopen_returned`
undoes the report's approval and calls `region_handin_reopen` here) and sent again.
Each move checks who may make it, then moves through the lock state's machine
(`branches.lockstate.region_handin_move`), which locks the period, refuses a move
its table does not allow or a report not approved, and records who, when and why.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from branches.handins import RegionHandIn
from branches.lockstate import region_handin_move
from branches.models import ReportingPeriod
from branches.scoping import METHODOLOGIST, REGION_METHODOLOGIST, staff_profile, user_roles

State = RegionHandIn.State

NOT_CBS_METHODOLOGIST = _(
    "Сдавать отчёт в регион и открывать его заново может только методист ЦБС."
)
NOT_REGION_METHODOLOGIST = _("Принимать и возвращать отчёт может только методист региона этой ЦБС.")
RETURN_COMMENT_REQUIRED = _("Напишите, что исправить: без комментария отчёт не возвращается.")
REOPEN_REASON_REQUIRED = _("Напишите, почему отчёт открывается заново.")

# action -> the state it moves to
ACTIONS = {
    "send": State.SUBMITTED,
    "accept": State.ACCEPTED,
    "return": State.RETURNED,
    "reopen": State.REOPENED,
}


def _is_cbs_methodologist_of(user, period: ReportingPeriod) -> bool:
    if user.is_superuser:
        return True
    profile = staff_profile(user)
    return (
        profile is not None
        and profile.library_id is None
        and profile.organization_id == period.organization_id
        and METHODOLOGIST in user_roles(user)
    )


def _is_region_methodologist_of(user, period: ReportingPeriod) -> bool:
    if user.is_superuser:
        return True
    profile = staff_profile(user)
    return (
        profile is not None
        and profile.region_id is not None
        and profile.region_id == period.organization.region_id
        and REGION_METHODOLOGIST in user_roles(user)
    )


def region_handin_may(action: str, *, user, period: ReportingPeriod) -> bool:
    """Whether `user` is the one who makes `action` ("send", "reopen": the ЦБС's
    methodologist; "accept", "return": the methodologist of the ЦБС's region)."""
    if action in ("send", "reopen"):
        return _is_cbs_methodologist_of(user, period)
    return _is_region_methodologist_of(user, period)


def region_handin_of(period: ReportingPeriod) -> RegionHandIn | None:
    """The hand-in of `period`'s report to the region; None while it was never sent."""
    return RegionHandIn.objects.filter(period=period).first()


def _move(action: str, *, period: ReportingPeriod, user, comment: str) -> RegionHandIn:
    if not region_handin_may(action, user=user, period=period):
        if action in ("send", "reopen"):
            raise PermissionDenied(NOT_CBS_METHODOLOGIST)
        raise PermissionDenied(NOT_REGION_METHODOLOGIST)
    return region_handin_move(period=period, to_state=ACTIONS[action], user=user, comment=comment)


@transaction.atomic
def region_handin_send(*, period: ReportingPeriod, user, comment: str = "") -> RegionHandIn:
    """The ЦБС's methodologist sends the approved report to the region."""
    return _move("send", period=period, user=user, comment=comment.strip())


@transaction.atomic
def region_handin_accept(*, period: ReportingPeriod, user, comment: str = "") -> RegionHandIn:
    """The region's methodologist accepts the report as sent."""
    return _move("accept", period=period, user=user, comment=comment.strip())


@transaction.atomic
def region_handin_return(*, period: ReportingPeriod, user, comment: str) -> RegionHandIn:
    """The region's methodologist returns the report, saying what to correct."""
    if not comment.strip():
        raise ValidationError(RETURN_COMMENT_REQUIRED)
    return _move("return", period=period, user=user, comment=comment.strip())


@transaction.atomic
def region_handin_reopen(*, period: ReportingPeriod, user, reason: str) -> RegionHandIn:
    """The ЦБС reopens a returned report: the period's approval is undone (the lock
    state's move) with the reason kept in the hand-in's history. Called by the
    report's workflow, which undoes the report's own approval in the same transaction."""
    if not reason.strip():
        raise ValidationError(REOPEN_REASON_REQUIRED)
    return _move("reopen", period=period, user=user, comment=reason.strip())
