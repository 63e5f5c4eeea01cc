from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from reportkit.parts import register_part


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = _("Издания и СМИ")

    def ready(self):
        from publications.report import PARTS

        for part in PARTS:
            register_part(part)
