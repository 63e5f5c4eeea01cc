from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from branches.models import Organization
from dataio.exporting import organization_export


class Command(BaseCommand):
    help = "Выгрузить все данные ЦБС в XLSX: по листу на каждый вид данных."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="Путь к файлу .xlsx")
        parser.add_argument("--organization", help="Код ЦБС (не нужен, если ЦБС одна)")

    def handle(self, *args, output, organization=None, **options):
        if organization:
            org = Organization.objects.filter(code=organization).first()
            if org is None:
                raise CommandError(_("ЦБС с кодом «%(code)s» нет.") % {"code": organization})
        else:
            orgs = list(Organization.objects.all()[:2])
            if len(orgs) != 1:
                raise CommandError(
                    _("В базе %(count)s ЦБС: укажите нужную через --organization КОД.")
                    % {"count": Organization.objects.count()}
                )
            org = orgs[0]
        counts = organization_export(organization=org, output=output)
        for title, count in counts.items():
            self.stdout.write(f"{title}: {count}")
        self.stdout.write(self.style.SUCCESS(_("Выгружено в %(path)s") % {"path": output}))
