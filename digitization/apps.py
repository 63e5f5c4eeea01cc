from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DigitizationConfig(AppConfig):
    name = "digitization"
    verbose_name = _("Оцифровка")

    def ready(self):
        # The app's checks join the registry (branches.checks) once its models are loaded.
        from digitization.checks import register

        register()
