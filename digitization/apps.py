from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DigitizationConfig(AppConfig):
    name = "digitization"
    verbose_name = _("Оцифровка")

    def ready(self):
        from digitization.report import PARTS
        from reportkit.parts import register_part

        for part in PARTS:
            register_part(part)
