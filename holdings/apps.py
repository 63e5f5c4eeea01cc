from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HoldingsConfig(AppConfig):
    name = "holdings"
    verbose_name = _("Фонд")

    def ready(self):
        from holdings.report import PARTS
        from reportkit.parts import register_part

        for part in PARTS:
            register_part(part)
