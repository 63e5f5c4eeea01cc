"""Words of a bibliographic description, in the document's own language.

A description is written in the language of the document it describes, its page,
month and role words included: a Russian book is «340 с.», an article in it
«30 апреля … – С. 10»; a Kazakh one «340 б.», «30 сәуір … – 10 б.», whichever the
report's language. A document whose language is not given takes the report's.
"""

import datetime

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class DocumentLanguage(models.TextChoices):
    """The language a described document is written in (its description's words follow it)."""

    KAZAKH = "kk", _("казахский")
    RUSSIAN = "ru", _("русский")


DOCUMENT_LANGUAGE_HELP = _(
    "Описание печатается на языке документа: «340 с.», «С. 10» — для русского, "
    "«340 б.», «10 б.» — для казахского. Пусто — на языке отчёта."
)

PAGES = {"ru": "с.", "kk": "б."}
COMPILERS = {"ru": "сост.", "kk": "құраст."}
ILLUSTRATED = {"ru": "ил", "kk": "суретті"}  # the description adds the full stop
MONTHS = {
    "ru": [
        "января", "февраля", "марта", "апреля", "мая", "июня",
        "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ],
    "kk": [
        "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
        "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
    ],
}  # fmt: skip


def _language(language: str | None) -> str:
    language = (language or get_language() or "ru")[:2]
    return language if language in PAGES else "ru"


def description_language(document_language: str, report_language: str | None = None) -> str:
    """The language a description's words are in: the document's («kk-ru», a bilingual
    one, is described in Kazakh, its first language); if not given, the report's."""
    return _language(document_language or report_language)


def pages_word(language: str | None = None) -> str:
    return PAGES[_language(language)]


def compilers_word(language: str | None = None) -> str:
    return COMPILERS[_language(language)]


def illustrated_word(language: str | None = None) -> str:
    return ILLUSTRATED[_language(language)]


def day_and_month(date: datetime.date, language: str | None = None) -> str:
    """30 апреля / 30 сәуір."""
    return f"{date.day} {MONTHS[_language(language)][date.month - 1]}"


def page_reference(page: str, language: str | None = None) -> str:
    """The page of an article: «С. 7» in Russian, «7 б.» in Kazakh."""
    if _language(language) == "kk":
        return f"{page} б."
    return f"С. {page}"
