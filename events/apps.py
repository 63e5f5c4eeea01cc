from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Мероприятия")

    def ready(self):
        from events.report import PARTS
        from reportkit.parts import register_part

        for part in PARTS:
            register_part(part)
