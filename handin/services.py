"""Writes of the hand-in workflow: its moves, and the explanations of warnings.

Each move checks who may make it (and, for a hand-in, the edit checks), then
moves the hand-in through the lock state's machine (`branches.lockstate`),
which locks the row, refuses a move its table does not allow and records who,
when and the comment. Refusals are `ValidationError`s with the modules'
messages, which views and tests reuse.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from branches.handins import HandIn
from branches.lockstate import handin_locked, handin_move, handin_move_check, period_lock
from branches.models import Library, ReportingPeriod
from branches.scoping import METHODOLOGIST, staff_profile, user_roles
from handin import notify
from handin.checks import check_run
from handin.models import Explanation
from handin.selectors import attach_explanations

State = HandIn.State

HAS_ERRORS = _("Нельзя сдать данные: есть ошибки (%(count)s). Исправьте их.")
UNEXPLAINED = _("Нельзя сдать данные: не пояснено предупреждений – %(count)s.")
COMMENT_REQUIRED = _("Напишите, что исправить: без комментария данные не возвращаются.")
EXPLANATION_REQUIRED = _("Пояснение не может быть пустым.")
NOT_YOURS = _("Это не данные вашей библиотеки.")
NOT_METHODOLOGIST = _("Принимать и возвращать данные может только методист ЦБС.")
UNKNOWN_CHECK = _("Такой проверки среди результатов нет.")
EXPLANATION_LOCKED = _("Данные сданы: пояснения можно менять, только когда их вернут.")


def handin_for(library: Library, period: ReportingPeriod) -> HandIn:
    """The hand-in of `library` for `period` (a draft until first moved). Not locked."""
    handin, _created = HandIn.objects.get_or_create(library=library, period=period)
    return handin


def _is_librarian_of(user, library: Library) -> bool:
    profile = staff_profile(user)
    return profile is not None and profile.library_id == library.pk


def _is_methodologist_of(user, library: Library) -> bool:
    if user.is_superuser:
        return True
    profile = staff_profile(user)
    return (
        profile is not None
        and profile.library_id is None
        and profile.organization_id == library.organization_id
        and METHODOLOGIST in user_roles(user)
    )


def handin_may(action: str, *, user, library: Library) -> bool:
    """Whether `user` is the one who makes the move `action` ("submit", "accept",
    "return") for `library`: the question before a move is asked only of them."""
    if action == "submit":
        return _is_librarian_of(user, library)
    return _is_methodologist_of(user, library)


@transaction.atomic
def handin_submit(*, library: Library, period: ReportingPeriod, user) -> HandIn:
    """The librarian hands in the half-year: no errors, every warning explained."""
    if not _is_librarian_of(user, library):
        raise PermissionDenied(NOT_YOURS)
    handin = handin_locked(library, period)
    # The lock state's refusal first: a hand-in that cannot move runs no checks.
    handin_move_check(handin, State.SUBMITTED)
    results = attach_explanations(check_run(period=period, libraries=[library]), period)
    errors = [r for r in results if r.is_error]
    if errors:
        raise ValidationError(HAS_ERRORS, params={"count": len(errors)})
    unexplained = [r for r in results if r.needs_explanation]
    if unexplained:
        raise ValidationError(UNEXPLAINED, params={"count": len(unexplained)})
    handin_move(handin=handin, to_state=State.SUBMITTED, user=user)
    notify.handin_moved(handin, user)
    return handin


@transaction.atomic
def handin_accept(*, library: Library, period: ReportingPeriod, user) -> HandIn:
    if not _is_methodologist_of(user, library):
        raise PermissionDenied(NOT_METHODOLOGIST)
    handin = handin_locked(library, period)
    handin_move(handin=handin, to_state=State.ACCEPTED, user=user)
    notify.handin_moved(handin, user)
    return handin


@transaction.atomic
def handin_return(*, library: Library, period: ReportingPeriod, user, comment: str) -> HandIn:
    """The methodologist returns the data for correction, saying what to fix."""
    if not _is_methodologist_of(user, library):
        raise PermissionDenied(NOT_METHODOLOGIST)
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(COMMENT_REQUIRED)
    handin = handin_locked(library, period)
    handin_move(handin=handin, to_state=State.RETURNED, user=user, comment=comment)
    notify.handin_moved(handin, user, comment)
    return handin


@transaction.atomic
def explanation_save(*, period: ReportingPeriod, key: str, text: str, user) -> Explanation:
    """Store the explanation of the warning `key` of `period`.

    A librarian explains her library's warnings while its data are not handed
    in; the methodologist explains the ЦБС's own and any library's.
    """
    text = (text or "").strip()
    if not text:
        raise ValidationError(EXPLANATION_REQUIRED)
    profile = staff_profile(user)
    own = profile.library if profile else None
    libraries = [own] if own is not None else None
    if own is None and not (
        user.is_superuser
        or (
            profile
            and profile.organization_id == period.organization_id
            and METHODOLOGIST in user_roles(user)
        )
    ):
        raise PermissionDenied(NOT_METHODOLOGIST)
    if own is not None and own.organization_id != period.organization_id:
        raise PermissionDenied(NOT_YOURS)
    results = {r.key: r for r in check_run(period=period, libraries=libraries)}
    result = results.get(key)
    if result is None or result.is_error:
        # Another library's key is not among a librarian's results: a forged POST.
        raise ValidationError(UNKNOWN_CHECK)
    if own is not None:
        handin = handin_locked(own, period)
        if handin.is_locked:
            raise ValidationError(EXPLANATION_LOCKED)
    explanation, _created = Explanation.objects.update_or_create(
        period=period,
        key=key,
        defaults={"library": result.library, "text": text, "author": user},
    )
    return explanation


OVERRIDE_REASON_REQUIRED = _("Напишите причину: без неё отчёт без принятия всех не сдаётся.")
REPORT_APPROVED = _("Отчёт утверждён: менять в нём больше нечего.")


@transaction.atomic
def handin_override(*, period: ReportingPeriod, user, reason: str) -> ReportingPeriod:
    """Let the ЦБС's report go on although not every library's hand-in is accepted: the
    reason, who and when are kept on the period (the lock state's, `branches`) and the
    report's notes print them. The methodologist's; not once the period is approved."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(OVERRIDE_REASON_REQUIRED)
    if period_lock(period) == ReportingPeriod.Status.APPROVED:
        raise ValidationError(REPORT_APPROVED)
    period.handin_override_reason = reason
    period.handin_override_by = user
    period.handin_override_at = timezone.now()
    period.save(
        update_fields=["handin_override_reason", "handin_override_by", "handin_override_at"]
    )
    return period
