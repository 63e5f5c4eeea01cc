from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from reportkit.parts import register_part


class HoldingsConfig(AppConfig):
    name = "holdings"
    verbose_name = _("Фонд")

    def ready(self):
        # The app's checks (branches.checks) and report parts (reportkit.parts) join the
        # registries once its models are loaded.
        from holdings.checks import register
        from holdings.report import PARTS

        register()
        for part in PARTS:
            register_part(part)
