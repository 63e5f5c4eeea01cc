from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = _("Электронный каталог")

    def ready(self):
        # The app's checks join the registry (branches.checks) once its models are loaded.
        from catalogue.checks import register

        register()
