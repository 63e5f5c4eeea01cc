from django.core.management.base import BaseCommand, CommandError

from branches.models import Organization, Region
from demo.generate import generate

NO_SUCH_REGION = (
    "Региона с кодом «{code}» нет: создайте его в разделе «Регионы» или укажите другой."
)


class Command(BaseCommand):
    help = (
        "Сгенерировать данные для замеров: N ЦБС × библиотеки × годы правдоподобных строк "
        "(не для рабочей базы)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organizations", type=int, default=1)
        parser.add_argument("--libraries", type=int, default=9)
        parser.add_argument("--years", type=int, default=2)
        parser.add_argument("--first-year", type=int, default=2020)
        parser.add_argument("--prefix", default="gen")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--region", help="Код региона: сгенерированные ЦБС войдут в этот регион."
        )
        parser.add_argument(
            "--daily",
            action="store_true",
            help="Журнал работы построчно за каждый рабочий день (а не итогом месяца).",
        )
        parser.add_argument(
            "--events-per-year",
            type=int,
            help="Около стольких мероприятий на библиотеку в год (по умолчанию 2–6 в месяц).",
        )

    def handle(self, *args, **options):
        prefix = options["prefix"]
        if Organization.objects.filter(code__startswith=f"{prefix}-").exists():
            raise CommandError(
                f"ЦБС с префиксом «{prefix}» уже сгенерированы: укажите другой --prefix."
            )
        region = None
        if options["region"]:
            region = Region.objects.filter(code=options["region"]).first()
            if region is None:
                raise CommandError(NO_SUCH_REGION.format(code=options["region"]))
        result = generate(
            organizations=options["organizations"],
            libraries=options["libraries"],
            years=options["years"],
            first_year=options["first_year"],
            prefix=options["prefix"],
            seed=options["seed"],
            region=region,
            daily=options["daily"],
            events_per_year=options["events_per_year"],
        )
        codes = ", ".join(org.code for org in result.organizations)
        where = f" в регионе «{region.name('ru')}»" if region else ""
        self.stdout.write(f"Создано строк: {result.rows}; ЦБС{where}: {codes}")
