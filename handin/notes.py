"""The hand-in's part of the report's notes: every edit check with its explanation,
and the reason the report went on without every library's data accepted."""

from django.utils import formats, translation
from django.utils.translation import gettext as _

from reportkit.data import Note

# Checks the report's consistency notes (reports.checks) make too: printed here only
# with the explanation someone gave.
REPORTED = {
    "ledger_identity",
    "kazakh_above_total",
    "fund_negative",
    "catalogue_fell",
    "digitization_below_plan",
    # indicators.report.indicator_notes (section II)
    "virtual_above_references",
    "loans_per_user",
    "visits_below_users",
}


def _who(user) -> str:
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()


def handin_notes(report, language: str) -> list[Note]:
    from handin.checks import check_run
    from handin.selectors import attach_explanations
    from reports.services import OVERRIDE_NOTE

    results = attach_explanations(check_run(period=report.period), report.period)
    notes = []
    with translation.override(language):
        for result in results:
            if result.code in REPORTED and result.explanation is None:
                continue  # the report's own consistency notes already say it
            text = result.message(language)
            explanation = result.explanation
            if explanation is not None:
                text += " " + _("Пояснение: %(text)s (%(who)s, %(when)s).") % {
                    "text": explanation.text,
                    "who": _who(explanation.author),
                    "when": formats.date_format(explanation.updated_at, "SHORT_DATE_FORMAT"),
                }
            notes.append(Note(result.severity, text, ""))
        if report.handin_override_reason:
            notes.append(
                Note(
                    "info",
                    str(OVERRIDE_NOTE)
                    % {
                        "reason": report.handin_override_reason,
                        "who": _who(report.handin_override_by),
                        "when": formats.date_format(report.handin_override_at, "SHORT_DATE_FORMAT"),
                    },
                    "",
                )
            )
    return notes
