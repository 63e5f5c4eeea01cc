from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Мероприятия")

    def ready(self):
        # The app's checks join the registry (branches.checks) once its models are loaded.
        from events.checks import register

        register()
