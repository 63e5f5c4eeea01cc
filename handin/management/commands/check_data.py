"""python manage.py check_data --period 2021-H1 [--library CODE] [--organization CODE]
[--format text|json]: every edit check's result; exit 1 when an error-level result exists."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from branches.calendar import SpanError, span_parse
from branches.commands import organization_for_command
from branches.models import Library
from handin.checks import check_run
from handin.selectors import attach_explanations

FORMAT_UNKNOWN = "Неизвестный формат «{format}»: допустимы text и json."
HALF_YEAR_ONLY = "Проверки идут по полугодию: укажите период вида 2021-H1."
LIBRARY_UNKNOWN = "Библиотека с кодом «{code}» в этой ЦБС не найдена. Есть: {known}."


class Command(BaseCommand):
    help = "Проверить данные полугодия: ошибки и предупреждения каждой библиотеки."

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="полугодие, например 2021-H1")
        parser.add_argument("--library", help="код библиотеки; по умолчанию все")
        parser.add_argument("--organization", help="код организации; по умолчанию единственная")
        parser.add_argument("--format", default="text", dest="output_format", help="text или json")

    def handle(self, *args, period, library, organization, output_format, **options):
        if output_format not in ("text", "json"):
            raise CommandError(FORMAT_UNKNOWN.format(format=output_format))
        org = organization_for_command(organization)
        try:
            span = span_parse(org, period)
        except SpanError as error:
            raise CommandError(str(error)) from error
        if span.is_year:
            raise CommandError(HALF_YEAR_ONLY)
        libraries = None
        if library:
            found = Library.objects.filter(organization=org, code=library).first()
            if found is None:
                known = ", ".join(
                    Library.objects.filter(organization=org).values_list("code", flat=True)
                )
                raise CommandError(LIBRARY_UNKNOWN.format(code=library, known=known or "—"))
            libraries = [found]
        half_year = span.periods[0]
        results = attach_explanations(check_run(period=half_year, libraries=libraries), half_year)
        if output_format == "json":
            self.stdout.write(
                json.dumps([_as_dict(r) for r in results], ensure_ascii=False, indent=2)
            )
        else:
            for result in results:
                line = f"[{result.severity}] {result.code}: {result.message('ru')}"
                if result.explanation is not None:
                    line += f"\n    пояснение: {result.explanation.text}"
                self.stdout.write(line)
            errors = sum(1 for r in results if r.is_error)
            self.stdout.write(f"Ошибок: {errors}, предупреждений: {len(results) - errors}.")
        if any(r.is_error for r in results):
            sys.exit(1)


def _as_dict(result) -> dict:
    explanation = result.explanation
    return {
        "code": result.code,
        "severity": result.severity,
        "library": result.library.code if result.library else None,
        "subject": result.subject,
        "key": result.key,
        "message_ru": result.message("ru"),
        "message_kk": result.message("kk"),
        "explanation": explanation.text if explanation else None,
    }
