from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from reportkit.parts import register_part


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = _("Электронный каталог")

    def ready(self):
        # The app's checks (branches.checks) and report parts (reportkit.parts) join the
        # registries once its models are loaded.
        from catalogue.checks import register
        from catalogue.report import PARTS

        register()
        for part in PARTS:
            register_part(part)
