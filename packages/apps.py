from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PackagesConfig(AppConfig):
    name = "packages"
    verbose_name = _("Пакеты отчётов")

    def ready(self):
        # The admin names each model in the forms its sentences need (entry.model_names):
        # this app's model is added from here, so the lower layer names no upper app.
        from entry.model_names import COUNTED, NOUNS, OBJECT, OBJECTS, Noun

        NOUNS["packages.receivedpackage"] = Noun(
            pgettext_lazy(OBJECT, "полученный пакет"),
            pgettext_lazy(OBJECTS, "полученные пакеты"),
            pgettext_lazy(COUNTED, "полученный пакет|полученных пакета|полученных пакетов"),
        )
