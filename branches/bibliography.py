"""Words of a bibliographic description that follow the report's language.

A description keeps the document's own words (author, title, publisher) but its
page and month words are the report's: «340 с.» and «30 апреля» in Russian,
«340 б.» and «30 сәуір» in Kazakh.
"""

import datetime

from django.utils.translation import get_language

PAGES = {"ru": "с.", "kk": "б."}
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


def pages_word(language: str | None = None) -> str:
    return PAGES[_language(language)]


def day_and_month(date: datetime.date, language: str | None = None) -> str:
    """30 апреля / 30 сәуір."""
    return f"{date.day} {MONTHS[_language(language)][date.month - 1]}"


def page_reference(page: str, language: str | None = None) -> str:
    """The page of an article: «С. 7» in Russian, «7 б.» in Kazakh."""
    if _language(language) == "kk":
        return f"{page} б."
    return f"С. {page}"
