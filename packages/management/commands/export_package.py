from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from packages.exporting import package_export


class Command(BaseCommand):
    help = (
        "Выгрузить утверждённый отчёт ЦБС за период и его данные одним файлом-пакетом "
        "для установки региона (import_package)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organization", required=True, help="Код ЦБС, например balkhash")
        parser.add_argument("--period", required=True, help="Полугодие, например 2021-H1")
        parser.add_argument("--output", required=True, help="Путь к файлу пакета (.zip)")

    def handle(self, *args, organization, period, output, **options):
        try:
            manifest = package_export(
                organization_code=organization, period_code=period, output=output
            )
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from None
        self.stdout.write(
            self.style.SUCCESS(
                _("Пакет %(path)s записан: ЦБС %(organization)s, %(period)s, регион %(region)s, "
                  "контрольная сумма %(checksum)s.")
                % {"path": output, "organization": organization, "period": manifest["period"],
                   "region": manifest["region"]["code"], "checksum": manifest["checksum"]}
            )
        )  # fmt: skip
