from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = _("Основные показатели")

    def ready(self):
        from indicators.report import PARTS
        from reportkit.parts import register_part

        for part in PARTS:
            register_part(part)
