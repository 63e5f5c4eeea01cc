from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from reportkit.parts import register_part


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Мероприятия")

    def ready(self):
        # The app's checks (branches.checks) and report parts (reportkit.parts) join the
        # registries once its models are loaded.
        from events.checks import register
        from events.report import PARTS

        register()
        for part in PARTS:
            register_part(part)
