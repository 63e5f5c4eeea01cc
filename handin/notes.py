"""The hand-in's part of the report's notes: every edit check with its explanation.

The report's own notes (a check's `note`, printed in its section) already say what
their checks found; here they are repeated only with the explanation someone gave.
"""

from django.utils import formats, translation
from django.utils.translation import gettext as _

from branches.checks import Result, check_by_code
from figures.checks import printed_in_sections
from handin.selectors import attach_explanations
from reportkit.data import Note


def who(user) -> str:
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()


def handin_notes(results: list[Result], period, language: str) -> list[Note]:
    """Notes of the hand-in's `results` (as the report's build ran them) for `period`."""
    results = attach_explanations([r for r in results if _is_handin(r)], period)
    notes = []
    with translation.override(language):
        for result in results:
            if printed_in_sections(result) and result.explanation is None:
                continue  # the report's own notes already say it
            text = result.message(language, grouping=False)
            explanation = result.explanation
            if explanation is not None:
                text += " " + _("Пояснение: %(text)s (%(who)s, %(when)s).") % {
                    "text": explanation.text,
                    "who": who(explanation.author),
                    "when": formats.date_format(explanation.updated_at, "SHORT_DATE_FORMAT"),
                }
            notes.append(Note(result.severity, text, ""))
    return notes


def _is_handin(result: Result) -> bool:
    return check_by_code(result.code).handin
