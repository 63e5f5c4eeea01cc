"""The abstract base for the short lists users pick from (sources, reasons, forms...).

Each list is an admin-editable table with a Russian and a Kazakh name, so a
methodologist can add a value without a programmer and the report prints the
name in the report's language.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class ListItem(models.Model):
    code = models.SlugField(_("код"), max_length=50, unique=True)
    name_ru = models.CharField(_("название (рус.)"), max_length=200)
    name_kk = models.CharField(_("название (каз.)"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("порядок"), default=0)
    is_active = models.BooleanField(_("используется"), default=True)

    class Meta:
        abstract = True
        ordering = ["order", "name_ru"]

    def __str__(self) -> str:
        return self.name_in()

    def name_in(self, language: str | None = None) -> str:
        language = (language or get_language() or "ru")[:2]
        if language == "kk" and self.name_kk:
            return self.name_kk
        return self.name_ru

    def natural_key(self):
        return (self.code,)


def localized(obj, field: str, language: str | None = None) -> str:
    """`obj.<field>_kk` when the language is Kazakh and it is filled, else `<field>_ru`."""
    language = (language or get_language() or "ru")[:2]
    if language == "kk":
        value = getattr(obj, f"{field}_kk", "")
        if value:
            return value
    return getattr(obj, f"{field}_ru")
