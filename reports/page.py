"""The report's admin page in blocks: a table of contents leads to each, each a collapsible
<details> filled by a template of its own (reports/templates/reports/admin/report_block.html).
`ReportAdmin.report_extra_blocks` is where more blocks join the page."""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from reportkit.text import count_noun
from reports.models import Report

LANGUAGES = settings.LANGUAGES


def report_language(request) -> str:
    """The report's language on its page: the one chosen (?language=), else the page's
    own, so the page opened in Kazakh shows the report, its checks and downloads in Kazakh."""
    languages = dict(LANGUAGES)
    chosen = request.GET.get("language")
    if chosen in languages:
        return chosen
    current = translation.get_language() or "ru"
    return current if current in languages else "ru"


@dataclass
class ReportBlock:
    """One collapsible part of the report's page (a <details>): the table of contents links
    to its anchor; `template` fills it, given `block`; it starts open when something in it
    needs the methodologist (an error, a narrative written in one language only)."""

    anchor: str
    title: str
    template: str
    open: bool = False
    level: int = 1
    flags: list[str] = field(default_factory=list)  # said beside the title and in the contents
    context: dict = field(default_factory=dict)
    # A block with forms of its own is placed after the report's form (forms cannot nest).
    outside_form: bool = False


def checks_block(data) -> ReportBlock:
    errors = sum(1 for note in data.notes if note.level == "error")
    return ReportBlock(
        anchor="report-checks",
        title=str(_("Проверка данных")),
        template="reports/admin/report_checks.html",
        open=errors > 0,
        flags=[_count_flag(errors)] if errors else [],
        context={"notes": data.notes},
    )


def _count_flag(errors: int) -> str:
    return count_noun(errors, gettext("ошибка|ошибки|ошибок"))


NARRATIVE_MISSING = {"ru": _("нет текста на русском"), "kk": _("нет текста на казахском")}


def section_blocks(data, report: Report, fields_of, editable: bool) -> list[ReportBlock]:
    """A block per section of the report as it prints, with its narrative fields
    (`fields_of(section code)`: the form's bound fields)."""
    texts = {t.section: t for t in report.texts.all()}
    blocks = []
    for section in data.sections:
        fields = fields_of(section.code)
        errors = sum(1 for note in section.notes if note.level == "error")
        errors += sum(1 for bound in fields if bound.errors)
        flags = [_count_flag(errors)] if errors else []
        text = texts.get(section.code)
        written = {
            lang: bool(text and (text.text(lang) or text.text(lang, "_after")))
            for lang, _l in LANGUAGES
        }
        half_written = any(written.values()) and not all(written.values())
        if half_written:
            flags += [str(NARRATIVE_MISSING[lang]) for lang, _l in LANGUAGES if not written[lang]]
        blocks.append(
            ReportBlock(
                anchor=f"section-{section.code}",
                title=section.title,
                template="reports/admin/report_section.html",
                open=bool(errors) or (editable and half_written),
                level=section.level,
                flags=flags,
                context={"section": section, "fields": fields, "texts": text},
            )
        )
    return blocks
