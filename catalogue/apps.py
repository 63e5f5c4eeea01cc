from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = _("Электронный каталог")

    def ready(self):
        from catalogue.report import PARTS
        from reportkit.parts import register_part

        for part in PARTS:
            register_part(part)
