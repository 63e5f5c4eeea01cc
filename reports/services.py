"""Writes of the report: its status workflow and the snapshot frozen on approval."""

from dataclasses import replace

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from branches.calendar import Span, span_for_period
from branches.lockstate import PERIOD_MOVES, period_lock, period_set_status
from branches.models import ReportingPeriod
from datacache.cached import cached_figures
from handin.notes import who
from handin.region import region_handin_reopen
from handin.selectors import all_accepted
from reportkit.data import Note, ReportData
from reports.builder import report_build
from reports.models import Report

# The period follows its report: each report status is one period status, and the
# report moves as its period may (branches.lockstate.PERIOD_MOVES, the one table).
PERIOD_STATUS = {
    Report.Status.DRAFT: ReportingPeriod.Status.OPEN,
    Report.Status.SUBMITTED: ReportingPeriod.Status.SUBMITTED,
    Report.Status.APPROVED: ReportingPeriod.Status.APPROVED,
}
REPORT_STATUS = {period: report for report, period in PERIOD_STATUS.items()}
TRANSITIONS = {
    report: {REPORT_STATUS[following] for following in PERIOD_MOVES[period]}
    for report, period in PERIOD_STATUS.items()
}
TRANSITION_REFUSED = _("Отчёт в статусе «%(current)s» нельзя перевести в «%(target)s».")
HANDINS_NOT_ACCEPTED = _(
    "Не все библиотеки сдали данные и их приняли. Примите данные каждой библиотеки "
    "или запишите причину, по которой отчёт сдаётся без этого."
)
OVERRIDE_NOTE = _(
    "Отчёт сдан без принятия данных всех библиотек. Причина: %(reason)s (%(who)s, %(when)s)."
)


def status_steps(current: str, target: str) -> list[str] | None:
    """The statuses a report passes through from `current` to `target`, one
    TRANSITIONS step at a time (draft → approved: submitted, approved); None if
    `target` cannot be reached (or is no status). [] when already there."""
    if target not in Report.Status.values:
        return None
    paths = {Report.Status(current): []}
    queue = [Report.Status(current)]
    while queue:
        status = queue.pop(0)
        for following in sorted(TRANSITIONS[status]):
            if following not in paths:
                paths[following] = [*paths[status], following]
                queue.append(following)
    steps = paths.get(Report.Status(target))
    return None if steps is None else [str(step) for step in steps]


def report_span(report: Report) -> Span:
    return span_for_period(report.period)


def report_data(report: Report, language: str = "ru") -> ReportData:
    """What the report says: the frozen snapshot once approved, else built from the data now."""
    if report.status == Report.Status.APPROVED and report.snapshot:
        frozen = report.snapshot.get(language) or report.snapshot.get("ru")
        if frozen:
            return ReportData.from_dict(frozen)
    return _report_live(report, language)


def report_data_cached(report: Report, language: str = "ru") -> ReportData:
    """`report_data`, computed once per data version: the report's page, its files and its
    approval read the same build (the approval snapshots what the page showed, unless
    the data changed since, when it builds afresh)."""
    return cached_figures(
        report.organization_id,
        "report",
        (report.period.code, language, report.pk, report.status),
        lambda: report_data(report, language),
    )


def _report_live(report: Report, language: str) -> ReportData:
    """The report built from the data now, with the edit checks' results and their
    explanations, and the override's reason, as notes."""
    data = report_build(
        organization=report.organization,
        span=report_span(report),
        language=language,
        with_handin_notes=True,
    )
    period = report.period
    if period.handin_override_reason:
        with translation.override(language):
            data.notes.append(
                Note(
                    "info",
                    str(OVERRIDE_NOTE)
                    % {
                        "reason": period.handin_override_reason,
                        "who": who(period.handin_override_by),
                        "when": formats.date_format(period.handin_override_at, "SHORT_DATE_FORMAT"),
                    },
                    "",
                )
            )
    return data


@transaction.atomic
def report_set_status(*, report: Report, status: str, restoring: bool = False) -> Report:
    """Move the report along draft → submitted → approved (or back to draft from submitted).

    Approval freezes the report in both languages: later changes to the data no
    longer change what an approved report says.
    """
    # The period row locked first: a fact write checks the period under the same
    # lock (branches.facts.frozen_reason), so none commits after the snapshot.
    period_lock(report.period)
    stored = Report.objects.filter(pk=report.pk).values_list("status", flat=True).first()
    if stored is not None:  # two methodologists at once: the second one sees the first's step
        report.status = stored
    current = Report.Status(report.status)
    target = Report.Status(status)
    if target not in TRANSITIONS[current]:
        raise ValidationError(
            TRANSITION_REFUSED, params={"current": current.label, "target": target.label}
        )
    # An import restoring a status from another database (`restoring`) carries no
    # hand-ins: they were checked where the report was submitted.
    if target in (Report.Status.SUBMITTED, Report.Status.APPROVED) and not restoring:
        _refuse_unless_handed_in(report)
    if target == Report.Status.APPROVED:
        snapshot = {}
        for language, _label in settings.LANGUAGES:
            # Under the period's lock: no write can change the data version meanwhile.
            data = report_data_cached(report, language)
            data = replace(data, generated=timezone.now().date().isoformat())
            snapshot[language] = data.as_dict()
        report.snapshot = snapshot
        report.approved_at = timezone.now()
    report.status = target
    report.save()
    # The period follows its report: once approved, its data can no longer be
    # changed in forms or imports (branches.facts checks the period's status).
    period_set_status(period=report.period, status=PERIOD_STATUS[target])
    return report


@transaction.atomic
def report_reopen_returned(*, report: Report, user, reason: str) -> Report:
    """Undo the approval of a report its region returned, so the ЦБС corrects it and
    approves and sends it again. The region hand-in's move (who, when, the reason)
    reopens the period; the report goes back to a draft whose figures are live again."""
    period_lock(report.period)
    region_handin_reopen(period=report.period, user=user, reason=reason)
    report.status = Report.Status.DRAFT
    report.snapshot = None
    report.approved_at = None
    report.save(update_fields=["status", "snapshot", "approved_at", "updated_at"])
    return report


def _refuse_unless_handed_in(report: Report) -> None:
    if not report.period.handin_override_reason and not all_accepted(report.period):
        raise ValidationError(HANDINS_NOT_ACCEPTED)
