from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = _("Основные показатели")

    def ready(self):
        # The app's checks join the registry (branches.checks) once its models are loaded.
        from indicators.checks import register

        register()
