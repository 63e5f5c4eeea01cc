from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from branches.checks import register_check
from reportkit.parts import register_part


class CollectionConfig(AppConfig):
    name = "collection"
    verbose_name = _("Фонд и пользователи")

    def ready(self):
        from collection.checks import CHECKS
        from collection.report import PARTS

        for part in PARTS:
            register_part(part)
        for check in CHECKS:
            register_check(check)
