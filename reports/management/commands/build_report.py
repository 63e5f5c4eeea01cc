"""python manage.py build_report --period 2021-H1 --format docx|xlsx --output PATH
[--language ru|kk] [--organization CODE | --region CODE]

`--region CODE`: the region's consolidated report (a row per ЦБС and the total); the
republic's code gives the republic's."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from branches.calendar import SpanError, span_parse
from branches.commands import organization_for_command, region_for_command
from reports.builder import report_build
from reports.models import Report
from reports.region_report import region_report_build
from reports.renderers import RENDERERS
from reports.services import report_data

FORMAT_UNKNOWN = "Неизвестный формат «{format}»: допустимы docx и xlsx."
LANGUAGE_UNKNOWN = "Неизвестный язык «{language}»: допустимы ru и kk."
OUTPUT_FOLDER_MISSING = "Папка «{folder}» не существует."
BOTH_GIVEN = "Укажите либо --organization, либо --region."


class Command(BaseCommand):
    help = "Сформировать отчёт ЦБС за полугодие или год в DOCX или XLSX."
    # A report only reads: Django's system checks (models, admin, URLs, settings) are
    # `manage.py check`'s job, run by `make test` and on deployment, not once per report
    # (as `shell` and `runserver` skip them). They were a twentieth of a demo report's time.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="2021-H1 (полугодие) или 2021 (год)")
        parser.add_argument("--format", required=True, dest="output_format", help="docx или xlsx")
        parser.add_argument("--output", required=True, help="путь к файлу отчёта")
        parser.add_argument("--language", default="ru", help="ru (по умолчанию) или kk")
        parser.add_argument("--organization", help="код организации; по умолчанию единственная")
        parser.add_argument(
            "--region",
            help="код региона: сводный отчёт по его ЦБС (код республики — по республике)",
        )

    def handle(
        self, *args, period, output_format, output, language, organization, region, **options
    ):
        output_format = output_format.lower()
        if output_format not in RENDERERS:
            raise CommandError(FORMAT_UNKNOWN.format(format=output_format))
        if language not in dict(settings.LANGUAGES):
            raise CommandError(LANGUAGE_UNKNOWN.format(language=language))
        path = Path(output)
        if not path.parent.exists():
            raise CommandError(OUTPUT_FOLDER_MISSING.format(folder=path.parent))
        if region:
            if organization:
                raise CommandError(BOTH_GIVEN)
            self.region_report(region, period, output_format, path, language)
            return
        org = organization_for_command(organization)
        try:
            span = span_parse(org, period)
        except SpanError as error:
            raise CommandError(str(error)) from error
        # A half-year with an approved report prints its frozen snapshot.
        report = None
        if not span.is_year:
            report = Report.objects.filter(period=span.periods[0]).first()
        if report is not None:
            data = report_data(report, language)
        else:
            data = report_build(organization=org, span=span, language=language)
        render, _content_type = RENDERERS[output_format]
        content = render(data)
        path.write_bytes(content)
        self.stdout.write(self.style.SUCCESS(f"Отчёт за {span.code} записан: {path}"))

    def region_report(self, code, period, output_format, path, language):
        scope = region_for_command(code)
        try:
            data = region_report_build(scope=scope, code=period, language=language)
        except SpanError as error:
            raise CommandError(str(error)) from error
        render, _content_type = RENDERERS[output_format]
        path.write_bytes(render(data))
        self.stdout.write(self.style.SUCCESS(f"Сводный отчёт за {data.span_code} записан: {path}"))
