"""A report's status read from a data file (`import_data`), applied through the report's
own workflow: a report approved in the file is approved here too, which freezes its
snapshot from the imported data. The registry names it (`branches.kinds`, the
reports' sheet), so the import engine never imports this app."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from reports.models import Report
from reports.services import report_set_status, status_steps

REPORT_STATUS_FIXED = _(
    "Лист «%(sheet)s»: отчёт за %(period)s в базе «%(current)s», файл не может сделать его «%(target)s»."
)


def report_status_restore(report: Report, values: dict) -> None:
    """Step the report to the file's status; ValidationError names what refused it."""
    current, target = report.status, values["status"]
    if current == target:
        return
    steps = status_steps(current, target)
    if steps is None:
        raise ValidationError(
            REPORT_STATUS_FIXED
            % {"sheet": "Отчёты", "period": report.period.label, "current": current,
               "target": target}
        )  # fmt: skip
    for step in steps:
        report_set_status(report=report, status=step, restoring=True)
