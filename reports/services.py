"""Writes of the report: its status workflow and the snapshot frozen on approval."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from branches.calendar import Span, span_for_period
from branches.models import ReportingPeriod
from reports.builder import report_build
from reports.data import ReportData
from reports.models import Report

TRANSITIONS = {
    Report.Status.DRAFT: {Report.Status.SUBMITTED},
    Report.Status.SUBMITTED: {Report.Status.DRAFT, Report.Status.APPROVED},
    Report.Status.APPROVED: set(),
}
PERIOD_STATUS = {
    Report.Status.DRAFT: ReportingPeriod.Status.OPEN,
    Report.Status.SUBMITTED: ReportingPeriod.Status.SUBMITTED,
    Report.Status.APPROVED: ReportingPeriod.Status.APPROVED,
}
TRANSITION_REFUSED = _("Отчёт в статусе «%(current)s» нельзя перевести в «%(target)s».")


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
    return report_build(
        organization=report.organization, span=report_span(report), language=language
    )


@transaction.atomic
def report_set_status(*, report: Report, status: str) -> Report:
    """Move the report along draft → submitted → approved (or back to draft from submitted).

    Approval freezes the report in both languages: later changes to the data no
    longer change what an approved report says.
    """
    # The period row locked first: a fact write checks the period under the same
    # lock (branches.facts.frozen_reason), so none commits after the snapshot.
    ReportingPeriod.objects.select_for_update().filter(pk=report.period_id).first()
    stored = Report.objects.filter(pk=report.pk).values_list("status", flat=True).first()
    if stored is not None:  # two methodologists at once: the second one sees the first's step
        report.status = stored
    current = Report.Status(report.status)
    target = Report.Status(status)
    if target not in TRANSITIONS[current]:
        raise ValidationError(
            TRANSITION_REFUSED, params={"current": current.label, "target": target.label}
        )
    if target == Report.Status.APPROVED:
        span = report_span(report)
        snapshot = {}
        for language, _label in settings.LANGUAGES:
            data = report_build(organization=report.organization, span=span, language=language)
            data.generated = timezone.now().date().isoformat()
            snapshot[language] = data.as_dict()
        report.snapshot = snapshot
        report.approved_at = timezone.now()
    report.status = target
    report.save()
    # The period follows its report: once approved, its data can no longer be
    # changed in forms or imports (branches.facts checks the period's status).
    period = report.period
    period.status = PERIOD_STATUS[target]
    period.save(update_fields=["status"])
    return report
