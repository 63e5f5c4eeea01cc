from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from reportkit.parts import register_part


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = _("Основные показатели")

    def ready(self):
        # The app's checks (branches.checks) and report parts (reportkit.parts) join the
        # registries once its models are loaded.
        from indicators.checks import register
        from indicators.premises import PARTS as PREMISES_PARTS
        from indicators.report import PARTS

        register()
        for part in (*PARTS, *PREMISES_PARTS):
            register_part(part)
