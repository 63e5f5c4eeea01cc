from django.core.management.base import BaseCommand

from branches.demo import DEMO_PASSWORD, demo_organization_load


class Command(BaseCommand):
    help = "Загрузить демонстрационные данные: ЦБС г.Балхаш, её библиотеки и пользователей."

    def handle(self, *args, **options):
        org = demo_organization_load()
        try:
            from reports.demo import demo_half_year_load
        except ImportError:  # the report's demo data is not there yet
            demo_half_year_load = None
        if demo_half_year_load is not None:
            demo_half_year_load(org)
        self.stdout.write(self.style.SUCCESS(f"Демо загружено: {org}"))
        self.stdout.write(f"Пароль всех демо-пользователей: {DEMO_PASSWORD}")
