from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Отчёты")

    def ready(self):
        # The annex layouts are checked at start-up (a system check).
        from reports.annex import checks  # noqa: F401
