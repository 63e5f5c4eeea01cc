from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandinConfig(AppConfig):
    name = "handin"
    verbose_name = _("Сдача данных библиотеками")
