"""A ЦБС's hand-in of its approved report to its region: who moves it, when, and the
reopening of a returned report (the approval undone, the reason kept)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from branches.handins import RegionHandIn, RegionHandInTransition
from branches.lockstate import REGION_NO_REGION, REGION_NOT_APPROVED
from branches.models import ReportingPeriod
from handin.region import (
    RETURN_COMMENT_REQUIRED,
    region_handin_accept,
    region_handin_return,
    region_handin_send,
)
from reports.models import Report
from reports.services import report_reopen_returned

State = RegionHandIn.State


def history(period):
    return list(
        RegionHandInTransition.objects.filter(handin__period=period).values_list(
            "from_state", "to_state", "user__username", "comment"
        )
    )


def test_the_cbs_methodologist_sends_the_approved_report(approved, methodologist):
    handin = region_handin_send(period=approved, user=methodologist)
    assert handin.state == State.SUBMITTED
    assert history(approved) == [("", "submitted", "methodist", "")]


def test_a_report_not_approved_is_not_sent(period, region, methodologist):
    with pytest.raises(ValidationError) as refused:
        region_handin_send(period=period, user=methodologist)
    assert refused.value.messages == [str(REGION_NOT_APPROVED) % {"period": period.label}]
    assert not RegionHandIn.objects.exists()


def test_a_cbs_in_no_region_has_nowhere_to_send(period, methodologist):
    ReportingPeriod.objects.filter(pk=period.pk).update(status=ReportingPeriod.Status.APPROVED)
    with pytest.raises(ValidationError) as refused:
        region_handin_send(period=period, user=methodologist)
    assert refused.value.messages == [str(REGION_NO_REGION)]


@pytest.mark.parametrize("who", ["director", "librarian", "outsider", "region_methodologist"])
def test_only_the_cbs_methodologist_sends(request, approved, who):
    with pytest.raises(PermissionDenied):
        region_handin_send(period=approved, user=request.getfixturevalue(who))
    assert not RegionHandIn.objects.exists()


@pytest.mark.parametrize(
    "who", ["methodologist", "director", "region_manager", "other_region_methodologist"]
)
def test_only_the_regions_methodologist_accepts_or_returns(request, approved, methodologist, who):
    region_handin_send(period=approved, user=methodologist)
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        region_handin_accept(period=approved, user=user)
    with pytest.raises(PermissionDenied):
        region_handin_return(period=approved, user=user, comment="Исправьте раздел III")
    assert RegionHandIn.objects.get().state == State.SUBMITTED


def test_the_region_accepts_and_an_accepted_report_is_final(
    approved, methodologist, region_methodologist
):
    region_handin_send(period=approved, user=methodologist)
    assert region_handin_accept(period=approved, user=region_methodologist).state == State.ACCEPTED
    with pytest.raises(ValidationError):
        region_handin_return(period=approved, user=region_methodologist, comment="поздно")
    with pytest.raises(ValidationError):
        report_reopen_returned(report=approved.report, user=methodologist, reason="хотим")
    approved.refresh_from_db()
    assert approved.status == ReportingPeriod.Status.APPROVED


def test_a_return_needs_a_comment(approved, methodologist, region_methodologist):
    region_handin_send(period=approved, user=methodologist)
    with pytest.raises(ValidationError) as refused:
        region_handin_return(period=approved, user=region_methodologist, comment="  ")
    assert refused.value.messages == [str(RETURN_COMMENT_REQUIRED)]
    assert RegionHandIn.objects.get().state == State.SUBMITTED


def test_a_sent_report_is_not_reopened_before_the_region_returns_it(approved, methodologist):
    region_handin_send(period=approved, user=methodologist)
    with pytest.raises(ValidationError):
        report_reopen_returned(report=approved.report, user=methodologist, reason="нашли ошибку")
    approved.refresh_from_db()
    approved.report.refresh_from_db()
    assert approved.status == ReportingPeriod.Status.APPROVED
    assert approved.report.status == Report.Status.APPROVED


def test_returned_reopened_approved_again_and_sent_again_with_every_step_kept(
    approved, methodologist, director, region_methodologist
):
    region_handin_send(period=approved, user=methodologist)
    region_handin_return(period=approved, user=region_methodologist, comment="Не сходится фонд ф№4")
    with pytest.raises(PermissionDenied):
        report_reopen_returned(report=approved.report, user=director, reason="сам")

    report = report_reopen_returned(
        report=approved.report, user=methodologist, reason="Исправляем фонд ф№4"
    )
    approved.refresh_from_db()
    assert approved.status == ReportingPeriod.Status.OPEN
    report.refresh_from_db()
    assert (report.status, report.snapshot, report.approved_at) == ("draft", None, None)
    # A reopened report is not sent until it is approved again.
    with pytest.raises(ValidationError):
        region_handin_send(period=approved, user=methodologist)

    ReportingPeriod.objects.filter(pk=approved.pk).update(status=ReportingPeriod.Status.APPROVED)
    region_handin_send(period=approved, user=methodologist, comment="Исправлено")
    assert history(approved) == [
        ("", "submitted", "methodist", ""),
        ("submitted", "returned", "oblast-methodist", "Не сходится фонд ф№4"),
        ("returned", "reopened", "methodist", "Исправляем фонд ф№4"),
        ("reopened", "submitted", "methodist", "Исправлено"),
    ]
