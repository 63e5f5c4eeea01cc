from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from dataio.jobs import imports_cleanup


class Command(BaseCommand):
    help = (
        "Удалить файлы импорта, ждущие подтверждения дольше IMPORT_FILES_MAX_AGE_SECONDS, "
        "и старые записи об импорте. Для cron или таймера systemd; то же делают страницы "
        "импорта и обработчик задач."
    )

    def handle(self, *args, **options):
        expired = imports_cleanup()
        self.stdout.write(_("Устаревших импортов: %(count)s.") % {"count": expired})
