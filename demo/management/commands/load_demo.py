from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from branches.models import Region, ReportingPeriod
from demo.data.collection import demo_collection_load
from demo.data.management import demo_management_load
from demo.data.services import demo_services_load
from demo.half_year import demo_half_year_load
from demo.handins import demo_handins_load
from demo.indicators import demo_indicators_load
from demo.organization import DEMO_PASSWORD, ORGANIZATION, REGION, demo_organization_load
from demo.region_members import demo_region_members_load
from demo.second_half import demo_second_half_load

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
        # Opt-in as well (`make demo`): many tests count on Balkhash being the only ЦБС.
        parser.add_argument(
            "--region-members",
            action="store_true",
            help="Добавить в Карагандинскую область две иллюстративные ЦБС (одну — пакетом).",
        )

        # Opt-in too: the seed's first half stays the demo's latest half-year with data
        # (the dashboard and the hand-in pick it, the tests' demo is it); `make demo`
        # adds the illustrative second half so that the annual report is filled.
        parser.add_argument(
            "--second-half",
            action="store_true",
            help="Добавить иллюстративные данные 2 полугодия 2021 года (для годового отчёта).",
        )

    def handle(self, *args, **options):
        self._balkhash(options)
        if options["region_members"]:
            self._region_members()

    def _balkhash(self, options):
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
                demo_collection_load(org)
                if options["second_half"]:
                    demo_second_half_load(org)
                    # The fund's structure and users by group of the year's end (after
                    # the second half's ledger and work log: they agree with them).
                    demo_collection_load(org, half=2)
                # After the halves' loads: reads their periods and acquisition budgets.
                demo_management_load(org, second_half=options["second_half"])
                # After both halves' work logs: its references add up to them.
                demo_services_load(org)
                if options["hand_in"]:
                    demo_handins_load(org)
        except ValidationError as error:  # a closed period, say, between the check and the load
            raise CommandError(DEMO_REFUSED % {"reason": " ".join(error.messages)}) from None
        self.stdout.write(self.style.SUCCESS(f"Демо загружено: {org}"))
        self.stdout.write(f"Пароль всех демо-пользователей: {DEMO_PASSWORD}")

    def _region_members(self):
        """After Balkhash (its region and the oblast's users), in a transaction of their own."""
        try:
            with transaction.atomic():
                region = Region.objects.get(code=REGION["code"])
                loaded = demo_region_members_load(region)
        except ValidationError as error:
            raise CommandError(DEMO_REFUSED % {"reason": " ".join(error.messages)}) from None
        if loaded:
            self.stdout.write(f"Иллюстративные ЦБС региона загружены: {', '.join(loaded)}")
