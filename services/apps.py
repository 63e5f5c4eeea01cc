from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from reportkit.parts import register_part


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Обслуживание: справки, клубы, партнёры")

    def ready(self):
        # The app's checks (branches.checks) and report parts (reportkit.parts) join the
        # registries once its models are loaded.
        from services.checks import register
        from services.report import PARTS

        register()
        for part in PARTS:
            register_part(part)
