from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from branches.models import Region
from packages.importing import NEW, REPLACE, SAME, package_import


class Command(BaseCommand):
    help = (
        "Загрузить пакет утверждённого отчёта ЦБС (export_package) в установку региона. "
        "Пакет проверяется целиком и загружается целиком или не загружается вовсе."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Путь к файлу пакета")
        parser.add_argument(
            "--dry-run", action="store_true", help="Только проверить: ничего не сохранять"
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Подтвердить замену ранее загруженного пакета той же ЦБС и периода",
        )
        parser.add_argument(
            "--region",
            help="Код региона, отчёты которого принимаются (по умолчанию — регион из пакета, "
            "если он заведён в этой установке)",
        )

    def handle(self, *args, file, dry_run=False, replace=False, region=None, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("Файла %(path)s нет.") % {"path": file})
        own_region = None
        if region:
            own_region = Region.objects.filter(code=region).first()
            if own_region is None:
                raise CommandError(_("Региона с кодом «%(code)s» нет.") % {"code": region})
        try:
            result = package_import(
                path.read_bytes(), path.name, region=own_region, dry_run=dry_run, replace=replace
            )
        except ValidationError as error:
            raise CommandError(_("Пакет не загружен:") + "\n" + "\n".join(error.messages)) from None
        texts = {"organization": result.organization_code, "period": result.period_code}
        if result.action == SAME:
            self.stdout.write(
                _("Этот пакет (ЦБС %(organization)s, %(period)s) уже загружен: ничего не изменено.")
                % texts
            )
            return
        for title, (created, updated, _same) in result.counts.items():
            if created or updated:
                self.stdout.write(
                    _("%(sheet)s: добавлено %(created)s, изменено %(updated)s")
                    % {"sheet": title, "created": created, "updated": updated}
                )
        if dry_run:
            self.stdout.write(self.style.SUCCESS(_("Проверка пройдена; ничего не сохранено.")))
        elif result.action == NEW:
            self.stdout.write(self.style.SUCCESS(_(
                "Пакет загружен: отчёт ЦБС %(organization)s за %(period)s утверждён и сдан в регион."
            ) % texts))  # fmt: skip
        elif result.action == REPLACE:
            self.stdout.write(self.style.SUCCESS(_(
                "Пакет загружен и заменил прежний: отчёт ЦБС %(organization)s за %(period)s "
                "снова сдан в регион."
            ) % texts))  # fmt: skip
