"""The lock state's two machines refuse the moves their tables do not allow, with
the messages the pages show; the report's workflow moves its period through them."""

import pytest
from django.core.exceptions import ValidationError

from branches.handins import HandIn, HandInTransition
from branches.lockstate import (
    HANDIN_MOVES,
    PERIOD_MOVES,
    handin_locked,
    handin_move,
    period_set_status,
)
from branches.models import ReportingPeriod
from reports.models import Report
from reports.services import TRANSITIONS

State = HandIn.State
Status = ReportingPeriod.Status


def refusal(error) -> str:
    return "; ".join(error.value.messages)


@pytest.fixture
def handin(library, period):
    return handin_locked(library, period)


def test_every_state_has_its_moves():
    assert set(HANDIN_MOVES) == set(State)
    assert set(PERIOD_MOVES) == set(Status)


def test_a_draft_cannot_be_accepted(handin, methodologist):
    with pytest.raises(ValidationError) as error:
        handin_move(handin=handin, to_state=State.ACCEPTED, user=methodologist)
    assert refusal(error) == "Данные библиотеки ЦГБ сейчас в состоянии «черновик»: так нельзя."
    assert HandIn.objects.get(pk=handin.pk).state == State.DRAFT
    assert not HandInTransition.objects.exists()


def test_an_accepted_hand_in_cannot_be_handed_in_again(handin, librarian, methodologist):
    handin_move(handin=handin, to_state=State.SUBMITTED, user=librarian)
    handin_move(handin=handin, to_state=State.ACCEPTED, user=methodologist)
    with pytest.raises(ValidationError) as error:
        handin_move(handin=handin, to_state=State.SUBMITTED, user=librarian)
    assert refusal(error) == "Данные библиотеки ЦГБ сейчас в состоянии «принято»: так нельзя."


def test_no_hand_in_moves_in_an_approved_period(library, period, librarian):
    ReportingPeriod.objects.filter(pk=period.pk).update(status=Status.APPROVED)
    with pytest.raises(ValidationError) as error:
        handin_move(handin=handin_locked(library, period), to_state=State.SUBMITTED, user=librarian)
    assert refusal(error) == (
        "Период «1 полугодие 2021 года» утверждён: его данные больше не сдаются и не возвращаются."
    )


def test_a_move_is_kept_with_who_and_the_comment(handin, librarian, methodologist):
    handin_move(handin=handin, to_state=State.SUBMITTED, user=librarian)
    handin_move(handin=handin, to_state=State.RETURNED, user=methodologist, comment="Проверьте")
    assert HandIn.objects.get(pk=handin.pk).state == State.RETURNED
    moves = list(handin.transitions.values_list("from_state", "to_state", "user", "comment"))
    assert moves == [
        (State.DRAFT, State.SUBMITTED, librarian.pk, ""),
        (State.SUBMITTED, State.RETURNED, methodologist.pk, "Проверьте"),
    ]


def test_an_open_period_cannot_be_approved_at_once(period):
    with pytest.raises(ValidationError) as error:
        period_set_status(period=period, status=Status.APPROVED)
    assert (
        refusal(error)
        == "Период «1 полугодие 2021 года» в статусе «открыт» нельзя перевести в «утверждён»."
    )
    assert ReportingPeriod.objects.get(pk=period.pk).status == Status.OPEN


def test_an_approved_period_is_never_reopened(period):
    period_set_status(period=period, status=Status.SUBMITTED)
    period_set_status(period=period, status=Status.APPROVED)
    for status, label in ((Status.OPEN, "открыт"), (Status.SUBMITTED, "сдан")):
        with pytest.raises(ValidationError) as error:
            period_set_status(period=period, status=status)
        assert refusal(error) == (
            f"Период «1 полугодие 2021 года» в статусе «утверждён» нельзя перевести в «{label}»."
        )
    assert ReportingPeriod.objects.get(pk=period.pk).status == Status.APPROVED


def test_the_stored_status_decides_not_a_stale_copy(period):
    stale = ReportingPeriod.objects.get(pk=period.pk)
    period_set_status(period=period, status=Status.SUBMITTED)
    period_set_status(period=period, status=Status.APPROVED)
    with pytest.raises(ValidationError):
        period_set_status(period=stale, status=Status.SUBMITTED)


def test_a_period_already_there_is_not_written_again(period):
    period_set_status(period=period, status=Status.SUBMITTED)
    versions = period.history.count()
    period_set_status(period=period, status=Status.SUBMITTED)
    assert period.history.count() == versions


def test_the_report_moves_as_its_period_may():
    """Report's moves are derived from PERIOD_MOVES: the table they had by hand."""
    assert TRANSITIONS == {
        Report.Status.DRAFT: {Report.Status.SUBMITTED},
        Report.Status.SUBMITTED: {Report.Status.DRAFT, Report.Status.APPROVED},
        Report.Status.APPROVED: set(),
    }
