from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from reportkit.parts import register_part


class DigitizationConfig(AppConfig):
    name = "digitization"
    verbose_name = _("Оцифровка")

    def ready(self):
        # The app's checks (branches.checks) and report parts (reportkit.parts) join the
        # registries once its models are loaded.
        from digitization.checks import register
        from digitization.report import PARTS

        register()
        for part in PARTS:
            register_part(part)
