from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from cbs_reports import security_log
from dataio.files import DataFileError
from dataio.importing import workbook_import


class Command(BaseCommand):
    help = (
        "Загрузить данные ЦБС из XLSX, выгруженного export_data. Файл загружается целиком "
        "или не загружается вовсе."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Путь к файлу .xlsx")
        parser.add_argument(
            "--dry-run", action="store_true", help="Только проверить: ничего не сохранять"
        )

    def handle(self, *args, file, dry_run=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("Файла %(path)s нет.") % {"path": file})
        try:
            report = workbook_import(path.read_bytes(), path.name, dry_run=dry_run)
        except DataFileError as error:
            security_log.event("import_refused", file=path.name, reason=error.messages[0][:300])
            raise CommandError(_("Файл не загружен:") + "\n" + "\n".join(error.messages)) from None
        for title, counts in report.counts.items():
            self.stdout.write(
                _("%(sheet)s: добавлено %(created)s, изменено %(updated)s, без изменений %(same)s")
                % {
                    "sheet": title,
                    "created": counts.created,
                    "updated": counts.updated,
                    "same": counts.unchanged,
                }
            )
        if not report.ok:
            security_log.event("import_refused", file=path.name, errors=report.error_count)
            raise CommandError(
                _("Файл не загружен, в нём ошибок: %(count)s. Ничего не изменено.")
                % {"count": report.error_count}
                + "\n"
                + "\n".join(report.error_lines())
            )
        if not dry_run:
            security_log.event(
                "import",
                file=path.name,
                created=sum(c.created for c in report.counts.values()),
                updated=sum(c.updated for c in report.counts.values()),
            )
        if dry_run:
            self.stdout.write(self.style.SUCCESS(_("Проверка пройдена; ничего не сохранено.")))
        else:
            self.stdout.write(self.style.SUCCESS(_("Данные загружены.")))
