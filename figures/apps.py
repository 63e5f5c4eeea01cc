from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    name = "figures"
    verbose_name = _("Показатели")

    def ready(self):
        # The checks every figure shares, after the apps' own (installed before figures).
        from figures.checks import register

        register()
