from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ManagementConfig(AppConfig):
    name = "management"
    verbose_name = _("Методическая работа и финансы")

    def ready(self):
        # The app's checks (branches.checks) and report parts (reportkit.parts) join the
        # registries once its models are loaded.
        from management.checks import register
        from management.report import register_parts

        register()
        register_parts()
