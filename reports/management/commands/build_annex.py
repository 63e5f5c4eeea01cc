"""python manage.py build_annex --layout NAME --period 2021-H1 --format xlsx|docx --output PATH
[--language ru|kk] [--organization CODE | --region CODE]

`--region CODE`: the annex of a region (a column or row per ЦБС; the republic's code:
the republic's)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from branches.calendar import SpanError, span_parse
from branches.commands import organization_for_command, region_for_command
from reports.annex.build import annex_build, annex_build_region, annex_layout
from reports.annex.layout import LayoutError
from reports.renderers.docx import render_docx
from reports.renderers.xlsx import render_xlsx_tables

RENDERERS = {"docx": render_docx, "xlsx": render_xlsx_tables}
FORMAT_UNKNOWN = "Неизвестный формат «{format}»: допустимы docx и xlsx."
LANGUAGE_UNKNOWN = "Неизвестный язык «{language}»: допустимы ru и kk."
OUTPUT_FOLDER_MISSING = "Папка «{folder}» не существует."


class Command(BaseCommand):
    help = "Сформировать статистическое приложение ЦБС по макету формы (reports/annex_layouts/)."

    def add_arguments(self, parser):
        parser.add_argument("--layout", required=True, help="имя файла макета без .toml")
        parser.add_argument("--period", required=True, help="2021-H1 (полугодие) или 2021 (год)")
        parser.add_argument("--format", required=True, dest="output_format", help="docx или xlsx")
        parser.add_argument("--output", required=True, help="путь к файлу")
        parser.add_argument("--language", default="ru", help="ru (по умолчанию) или kk")
        parser.add_argument("--organization", help="код организации; по умолчанию единственная")
        parser.add_argument("--region", help="код региона (или республики): приложение по его ЦБС")

    def handle(
        self, *args, layout, period, output_format, output, language, organization, region, **_
    ):
        output_format = output_format.lower()
        if output_format not in RENDERERS:
            raise CommandError(FORMAT_UNKNOWN.format(format=output_format))
        if language not in dict(settings.LANGUAGES):
            raise CommandError(LANGUAGE_UNKNOWN.format(language=language))
        path = Path(output)
        if not path.parent.exists():
            raise CommandError(OUTPUT_FOLDER_MISSING.format(folder=path.parent))
        try:
            form = annex_layout(layout)
        except LayoutError as error:
            raise CommandError(str(error)) from error
        try:
            if region:
                scope = region_for_command(region)
                data = annex_build_region(layout=form, scope=scope, code=period, language=language)
            else:
                org = organization_for_command(organization)
                span = span_parse(org, period)
                data = annex_build(layout=form, organization=org, span=span, language=language)
        except SpanError as error:
            raise CommandError(str(error)) from error
        path.write_bytes(RENDERERS[output_format](data))
        self.stdout.write(
            self.style.SUCCESS(f"Приложение «{layout}» за {data.span_code} записано: {path}")
        )
