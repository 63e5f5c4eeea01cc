from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HoldingsConfig(AppConfig):
    name = "holdings"
    verbose_name = _("Фонд")

    def ready(self):
        # The app's checks join the registry (branches.checks) once its models are loaded.
        from holdings.checks import register

        register()
