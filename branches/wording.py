"""The methodologist's own wording of a printed item (an event, a publication, a media
mention): the sentence the report prints in that language instead of the line it
composes from the item's fields. Counts never read it: they come from the fields."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportWording(models.Model):
    wording_ru = models.TextField(
        _("формулировка в отчёте (рус.)"),
        blank=True,
        help_text=_(
            "Как напечатать это в русском отчёте вместо строки, составленной из полей. "
            "Пусто — печатается составленная строка. Счёт по формам, аудиториям и "
            "инициативам берётся из полей."
        ),
    )
    wording_kk = models.TextField(
        _("формулировка в отчёте (каз.)"),
        blank=True,
        help_text=_("Как напечатать это в казахском отчёте. Пусто — составленная строка."),
    )

    class Meta:
        abstract = True

    def wording_in(self, language: str) -> str:
        """The wording for a report in `language` ("ru" or "kk"), "" when there is none."""
        field = "wording_kk" if (language or "ru")[:2] == "kk" else "wording_ru"
        return getattr(self, field).strip()
