from django.core.management.base import BaseCommand, CommandError

from branches.models import Organization
from demo.generate import generate


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

    def handle(self, *args, **options):
        prefix = options["prefix"]
        if Organization.objects.filter(code__startswith=f"{prefix}-").exists():
            raise CommandError(
                f"ЦБС с префиксом «{prefix}» уже сгенерированы: укажите другой --prefix."
            )
        result = generate(
            organizations=options["organizations"],
            libraries=options["libraries"],
            years=options["years"],
            first_year=options["first_year"],
            prefix=options["prefix"],
            seed=options["seed"],
        )
        codes = ", ".join(org.code for org in result.organizations)
        self.stdout.write(f"Создано строк: {result.rows}; ЦБС: {codes}")
