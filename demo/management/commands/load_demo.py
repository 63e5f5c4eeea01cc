from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from branches.models import ReportingPeriod
from demo.data.services import demo_services_load
from demo.half_year import demo_half_year_load
from demo.handins import demo_handins_load
from demo.indicators import demo_indicators_load
from demo.organization import DEMO_PASSWORD, ORGANIZATION, demo_organization_load

DEMO_APPROVED = _(
    "Демо-полугодие %(period)s уже утверждено: его данные не меняются, load_demo ничего не изменил."
)
DEMO_REFUSED = _("Демо не загружено, ничего не изменено: %(reason)s")


class Command(BaseCommand):
    help = "Загрузить демонстрационные данные: ЦБС г.Балхаш, её библиотеки и пользователей."

    def add_arguments(self, parser):
        # Opt-in: `make demo` shows an overdue library and the hand-ins' letters; the
        # tests' demo (and a bare load_demo) keeps every library's data open to edit.
        parser.add_argument(
            "--hand-in",
            action="store_true",
            help="Сдать данные всех библиотек за 1 полугодие 2021 года, кроме ф№4 (она просрочена).",
        )

    def handle(self, *args, **options):
        approved = ReportingPeriod.objects.filter(
            organization__code=ORGANIZATION["code"], status=ReportingPeriod.Status.APPROVED
        ).first()
        if approved is not None:
            # An approved demo stays as approved: its rows, and the event platforms.
            self.stdout.write(self.style.WARNING(DEMO_APPROVED % {"period": approved.code}))
            return
        try:
            with transaction.atomic():
                org = demo_organization_load()
                demo_half_year_load(org)
                demo_indicators_load(org)
                demo_services_load(org)  # after the work log: its references add up to it
                if options["hand_in"]:
                    demo_handins_load(org)
        except ValidationError as error:  # a closed period, say, between the check and the load
            raise CommandError(DEMO_REFUSED % {"reason": " ".join(error.messages)}) from None
        self.stdout.write(self.style.SUCCESS(f"Демо загружено: {org}"))
        self.stdout.write(f"Пароль всех демо-пользователей: {DEMO_PASSWORD}")
