"""Make every cached figure and dashboard page unreachable: run after a deploy.

The cache is keyed by the organizations' data version, which only writes to the
data move. A new release can change how a page or a figure is made (a template,
a selector) without any data changing, so the deploy moves the shared version
itself; the next look at each page computes it afresh.
"""

from django.core.management.base import BaseCommand

from datacache.version import data_changed


class Command(BaseCommand):
    help = "Сбросить кэш показателей и страниц панели (после обновления программы)."

    def handle(self, *args, **options):
        data_changed(None)
        self.stdout.write("Кэш показателей сброшен: страницы будут рассчитаны заново.")
