"""The methodologist's wording of a printed item (an event, a publication, a media
mention): the sentence the report prints in that language instead of the line it
composes from the item's fields. Counts never read it: they come from the fields."""

from django.db import models
from django.utils.translation import gettext_lazy as _

HELP = {
    "ru": _(
        "Как напечатать это в русском отчёте вместо строки, составленной из полей. "
        "Пусто — печатается составленная строка. Счёт по формам, аудиториям и "
        "инициативам берётся из полей."
    ),
    "kk": _("Как напечатать это в казахском отчёте. Пусто — составленная строка."),
}
LABEL = {"ru": _("формулировка в отчёте (рус.)"), "kk": _("формулировка в отчёте (каз.)")}


def wording_field(language: str) -> models.TextField:
    """The field `wording_<language>`; declared last in its model, so files and forms
    list it after the item's own fields."""
    return models.TextField(LABEL[language], blank=True, help_text=HELP[language])


class ReportWording:
    """Mixin of a model with `wording_ru` and `wording_kk` (see `wording_field`)."""

    def wording_in(self, language: str) -> str:
        """The wording for a report in `language` ("ru" or "kk"), "" when there is none."""
        field = "wording_kk" if (language or "ru")[:2] == "kk" else "wording_ru"
        return getattr(self, field).strip()
