"""A report's DOCX or XLSX: written in the request when the organization is small, by the
task worker when its period holds more than REPORT_BACKGROUND_ROWS events; then the report
page shows «готовится» and, once written, the link to the file."""

import datetime
import logging

from django.conf import settings
from django.utils import timezone

from branches.calendar import span_parse
from branches.kinds import kind_by_code
from datacache.cached import cached_figures
from reports.builder import report_build
from reports.models import Report, ReportFile
from reports.renderers import RENDERERS
from reports.services import report_data_cached

logger = logging.getLogger(__name__)
KEEP_HOURS = 24


def report_file_data(report: Report, *, language: str, year: bool):
    """(span, data) of the report's half-year, or of its whole year (the sum of its halves,
    built from the data: approved halves no longer change, so it agrees with their snapshots)."""
    if year:
        span = span_parse(report.organization, str(report.period.year))
        data = cached_figures(
            report.organization_id,
            "report",
            (span.code, language),
            lambda: report_build(organization=report.organization, span=span, language=language),
        )
        return span, data
    return report.period, report_data_cached(report, language)


def report_file_render(report: Report, *, fmt: str, language: str, year: bool) -> tuple[str, bytes]:
    span, data = report_file_data(report, language=language, year=year)
    render, _content_type = RENDERERS[fmt]
    return f"report-{span.code}-{language}.{fmt}", render(data)


def report_is_big(report: Report, *, year: bool) -> bool:
    """Whether the file is for the worker: the span's events, counted in one query once
    per data version (a second download reads no data, as the file's figures do not).
    The events' model comes from the registry, as every kind's does."""
    events_model = kind_by_code("events").model_class
    if year:
        start = datetime.date(report.period.year, 1, 1)
        end = datetime.date(report.period.year, 12, 31)
    else:
        start, end = report.period.start, report.period.end

    def count() -> int:
        return events_model.objects.filter(
            library__organization_id=report.organization_id, date__range=(start, end)
        ).count()

    events = cached_figures(report.organization_id, "report-size", (start, end), count)
    return events > settings.REPORT_BACKGROUND_ROWS


def report_file_start(report: Report, *, user, fmt: str, language: str, year: bool) -> ReportFile:
    """The file's row; the caller queues its writing (`reports.tasks.report_file_build`)."""
    return ReportFile.objects.create(
        report=report, user=user, fmt=fmt, language=language, year=year
    )


def report_file_write(file_id) -> None:
    """The task's body: render the file into its row."""
    file = (
        ReportFile.objects.select_related("report__period", "report__organization")
        .filter(pk=file_id, state=ReportFile.State.PENDING)
        .first()
    )
    if file is None:
        return
    try:
        file.filename, file.content = report_file_render(
            file.report, fmt=file.fmt, language=file.language, year=file.year
        )
        file.state = ReportFile.State.READY
    except Exception:
        logger.exception("report file %s failed", file.pk)
        file.state = ReportFile.State.FAILED
    file.save(update_fields=["filename", "content", "state"])
    report_files_cleanup()


def report_files_cleanup() -> None:
    ReportFile.objects.filter(
        created_at__lt=timezone.now() - datetime.timedelta(hours=KEEP_HOURS)
    ).delete()
