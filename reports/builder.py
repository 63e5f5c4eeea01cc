"""The report builder: (organization, span, language) -> ReportData, in the seed's order.

All reads happen in `_collect`, a fixed number of queries whatever the data size: the
figures reader once, then each report part's own read (`reportkit.parts`: the domain apps
register their parts from their AppConfig.ready(), so this module names none of them).
The parts' builders only arrange what was read. Labels come out in the requested language
(reports/locale/kk); data prints as entered, list values by their name in that language.
"""

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from branches.calendar import Span
from branches.checks import Result
from branches.entered import half_years_with_data
from branches.kind_figures import key_figure_names
from branches.models import Library, Organization
from figures.checks import check_context, checks_run, report_notes
from figures.reader import (
    FigureReads,
    KeyFigures,
    figures_read,
    key_figures,
    library_figures,
    library_ids_for,
    totals,
)
from handin.checks import thresholds_of
from handin.notes import handin_notes
from reportkit import sections as S
from reportkit.data import AS_ENTERED, OMITTED, Note, Paragraph, ReportData, Section, Table
from reportkit.memory import cycle_collection_paused
from reportkit.parts import Part, ReportContext, annual_parts_in_order, parts_in_order
from reportkit.text import inner_quotes, mark_untranslated

__all__ = ["KeyFigures", "key_figures", "report_build"]


@dataclass
class Collected:
    """Everything the report reads, once: the figures, then each part's own read."""

    libraries: list[Library]
    figures: FigureReads
    texts: dict[str, "Narrative"]
    # The methodologist chose to say in the Kazakh report's notes how many items print as
    # entered, without Kazakh text (`Report.untranslated_items_noted`).
    items_noted: bool
    empty_halves: list[int]  # a year's halves in which nothing was recorded
    context: ReportContext  # what the parts were given to read (their sections come later)
    reads: list[tuple[Part, Any]]  # each part, in the seed's order, with what it read
    # The ЦБС's fund at the end of the previous half-year as its approved report says.
    approved_previous_end: Any = None  # of the fund's own type (holdings' Copies)


def _collect(organization, span: Span, libraries, language: str) -> Collected:
    ids = library_ids_for(organization, libraries)
    reads = figures_read(
        organization=organization, span=span, library_ids=ids, with_books=True, with_mass_work=True
    )
    with_data = half_years_with_data(organization, None if libraries is None else ids)
    empty_halves = _empty_halves(span, with_data)
    context = ReportContext(
        organization=organization,
        span=span,
        language=language,
        libraries=reads.libraries,
        library_ids=ids,
        figures=reads,
        library_figures=lambda: library_figures(reads),
        states_end_label=_states_span(span, empty_halves).end_label,
        with_data=with_data,
    )
    fund_start = reads.fund.total.start
    approved = None if libraries else _approved_end_before(organization, span, fund_start)
    texts, items_noted = _section_texts(span, language)
    return Collected(
        libraries=reads.libraries,
        figures=reads,
        texts=texts,
        items_noted=items_noted,
        empty_halves=empty_halves,
        context=context,
        reads=[(part, part.read(context) if part.read else None) for part in _parts(span)],
        approved_previous_end=approved,
    )


def _parts(span: Span) -> list[Part]:
    """The half-year's parts; for a year, the annual sections' parts after them."""
    return parts_in_order() + (annual_parts_in_order() if span.is_year else [])


def _approved_end_before(organization, span: Span, fund_start):
    """The fund at the end of the half-year before `span`, as its approved report froze it,
    as an amount of `fund_start`'s type (holdings' copies and Kazakh copies), so the checks
    compare the two.

    One query (none for a span narrowed to some libraries).
    """
    from reports.models import Report

    year, half = (span.start.year - 1, 2) if span.start.month == 1 else (span.start.year, 1)
    figures = (
        Report.objects.filter(
            organization=organization,
            period__year=year,
            period__half=half,
            status=Report.Status.APPROVED,
        )
        .values_list(
            "snapshot__ru__key_figures__fund_end", "snapshot__ru__key_figures__fund_end_kk"
        )
        .first()
    )
    if not figures or figures[0] is None:
        return None
    return replace(fund_start, copies=int(figures[0]), copies_kk=int(figures[1] or 0))


def _states_span(span: Span, empty_halves: list[int]) -> Span:
    """The span whose end dates the states: a year whose second half has no data ends,
    as far as its data go, where its first half does (its fund is that day's)."""
    if empty_halves != [2]:
        return span
    first = tuple(period for period in span.periods if period.half == 1)
    return replace(span, periods=first, half=1)


def _empty_halves(span: Span, with_data: list[tuple]) -> list[int]:
    """The halves of a year span with nothing recorded (none for a half-year), from the
    half-years with data (`half_years_with_data`: the dashboard's period picker's rule,
    a fund balance alone is no data)."""
    if not span.is_year:
        return []
    recorded = {(int(year), int(half)) for year, half in with_data}
    return [half for half in (1, 2) if (span.year, half) not in recorded]


@dataclass
class Narrative:
    """A section's text in the report's language: before and after its lists."""

    before: str = ""
    after: str = ""
    # A Kazakh text missing: how the report says so (a `Report.untranslated` choice), "" if none is.
    untranslated: str = ""


# An annual section no part filled: unknown, never a zero (indicators' own wording).
NO_DATA = gettext_noop("нет данных")

# Where a section's narrative has no Kazakh text and the methodologist chose to mark the place.
TEXT_MISSING = gettext_noop("[Текст на казахском языке не введён]")


def _section_texts(span: Span, language: str) -> tuple[dict[str, Narrative], bool]:
    """The narrative per section from the reports of the span's periods, and whether one
    of those reports asks its Kazakh notes to count the items printed as entered. One
    query (the reports joined to their texts: a report without texts still answers).

    A Kazakh report whose section has Russian text only says so as the report's
    `untranslated` choice says: the place marked in the section, the section listed
    in the report's notes, or the Russian text printed marked as not translated.
    """
    from reports.models import Report, Untranslated

    texts: dict[str, Narrative] = {}
    items_noted = False
    fields = [f"texts__text{where}_{lang}" for where in ("", "_after") for lang in ("ru", "kk")]
    rows = (
        Report.objects.filter(period__in=span.period_ids)
        .order_by("period__year", "period__half", "texts__pk")
        .values("untranslated", "untranslated_items_noted", "texts__section", *fields)
    )
    for row in rows:
        items_noted = items_noted or row["untranslated_items_noted"]
        if row["texts__section"] is None:
            continue  # a report with no narrative yet
        before, after = _text_of(row, language), _text_of(row, language, "_after")
        missing = ""
        if not (before or after) and language != "ru":
            russian = _text_of(row, "ru"), _text_of(row, "ru", "_after")
            if any(russian):
                missing = row["untranslated"]
                if missing == Untranslated.MARKED:
                    before, after = (mark_untranslated(t) for t in russian)
                elif missing == Untranslated.PLACEHOLDER:
                    before = _(TEXT_MISSING)
        if not (before or after or missing):
            continue
        narrative = texts.setdefault(row["texts__section"], Narrative())
        narrative.before = "\n\n".join(t for t in (narrative.before, before) if t)
        narrative.after = "\n\n".join(t for t in (narrative.after, after) if t)
        narrative.untranslated = narrative.untranslated or missing
    return texts, items_noted


def _text_of(row: dict, language: str, where: str = "") -> str:
    """A section's text in `language` from a row of `_section_texts`, "" when none."""
    return (row.get(f"texts__text{where}_{language}") or "").strip()


def report_build(
    *,
    organization: Organization,
    span: Span,
    language: str = "ru",
    libraries=None,
    with_handin_notes: bool = False,
) -> ReportData:
    """The report of `organization` for `span` in `language` ("ru" or "kk").

    Queries: 1 library ids + 3 fund (the libraries; the ledger's states, and receipts and
    write-offs in one UNION) + 1 budget + 4 digitization + 2 catalogue + 1 references
    + 1 publication counts + 2 media + 1 online + 1 rows entered (the «no data» check)
    + 3 events by group (section IV: by form and on site/online; by audience; by initiative)
    + 1 hand-ins (section IV: whose zero events are a real zero) + 1 work log (section II's figures), all in figures_read; 1 half-years with data (the
    comparison's base, a year's empty halves); the parts' own reads:
    5 main indicators (sections I and II: see indicators.report.indicators_collect; 6 when
    the base has periods, whose virtual references are read too; +1 in a second half) + 2 receipts and
    write-offs by source and reason (holdings.report) + 1 publications list
    (publications.report) + 3 events + 1 social pages (events.report); then 1 narrative
    + 1 the approved previous half's end + 1 the figures the kinds declare (one UNION:
    branches.kind_figures) = 38, whatever the data size.
    """
    with translation.override(language), cycle_collection_paused():
        data = _collect(organization, span, libraries, language)
        builder = _Builder(organization, span, language, data)
        builder.check_results = _check_results(data, span, libraries, with_handin_notes)
        report = builder.build()
        if with_handin_notes:
            report.notes += handin_notes(builder.check_results, span.periods[0], language)
        return report


def _check_results(data: Collected, span: Span, libraries, with_handin: bool) -> list[Result]:
    """The registry's checks over the figures the report read (`figures.checks`): those
    the report prints in its sections, and with `with_handin` the hand-in's too, which
    compare with the same span a year before (read once more, with the thresholds).

    Queries: none for the report's own notes; with the hand-in's, 1 thresholds + 1 last
    year's periods + figures_read's for last year + the checks' own (the opening balance's
    continuity, the online parts) + 1 explanations (handin.notes).
    """
    ctx = check_context(
        span=span,
        libraries=data.libraries,
        reads=data.figures,
        thresholds=thresholds_of(span.organization) if with_handin else {},
        organization_wide=libraries is None,
        compare=with_handin,
        approved_previous_end=data.approved_previous_end,
        with_data=data.context.with_data,  # the report's comparison rule
    )
    return checks_run(ctx, noted_only=not with_handin)


class _Builder:
    def __init__(self, organization, span: Span, language: str, data: Collected):
        self.organization = organization
        self.span = span
        self.language = language
        self.data = data
        self.translation_notes: list[Note] = []
        self.check_results: list[Result] = []

    def build(self) -> ReportData:
        d = self.data
        figures = totals(d.figures).as_dict()
        # The kinds' key figures join the summary; the others (Figure.key False) are the
        # annex's codes and the checks' only.
        key_names = key_figure_names()
        figures.update((n, v) for n, v in figures.pop("declared").items() if n in key_names)
        context = replace(d.context, section=self.section)
        sections = self.part_sections(context)
        self.mark_empty_halves(sections)
        untranslated = [
            row
            for part, read in d.reads
            if part.untranslated
            for row in part.untranslated(context, read)
        ]
        if d.items_noted and self.language != "ru" and untranslated:
            self.translation_notes.append(
                Note(
                    AS_ENTERED,
                    _("Записей без казахского текста, напечатанных так, как внесены: %(count)s.")
                    % {"count": len(untranslated)},
                )
            )
        notes = report_notes(self.check_results, d.libraries) + self.translation_notes
        for section in sections:
            section.notes = [n for n in notes if n.section == section.code]
        key = {k: (float(v) if isinstance(v, Decimal) else v) for k, v in figures.items()}
        return ReportData(
            language=self.language,
            organization_code=self.organization.code,
            organization_name=self.organization.name(self.language),
            city=self.organization.city(self.language),
            site=self.organization.site,
            span_code=self.span.code,
            title=_("Краткая информация о работе библиотек"),
            subtitle=_("за %(span)s") % {"span": self.span.label},
            sections=sections,
            notes=notes,
            key_figures=key,
            generated="live",
            event_rows=[
                row
                for part, read in d.reads
                if part.event_rows
                for row in part.event_rows(context, read)
            ],
            untranslated=untranslated,
            signature=self.signature() if self.span.is_year else [],
        )

    def signature(self) -> list[list[str]]:
        """The annual report's closing lines, from the organization's settings: the
        director's position and name, the executor, the telephone. A line with nothing
        entered is left out (the renderer leaves the place for a hand-written name)."""
        org = self.organization
        position = (
            getattr(org, f"director_position_{self.language}", "") or org.director_position_ru
        )
        lines = [
            [position or _("Директор"), org.director_name],
            [_("Исполнитель"), org.executor_name],
            [_("Тел."), org.phone],
        ]
        return [[label, value] for label, value in lines if value or label == lines[0][0]]

    def part_sections(self, context: ReportContext) -> list[Section]:
        """Each part's sections in the seed's order: a part of one section gives its
        blocks, a part of several its sections. A year then has the annual sections, in
        their order, each made by its part or, without one, by its narrative alone
        (`annual_section`). The parts that add to a section come last."""
        sections: list[Section] = []
        annual: dict[str, Section] = {}
        additions = []
        for part, read in self.data.reads:
            if part.adds:
                additions.append((part, read))
                continue
            if len(part.sections) == 1:
                section = self.section(part.sections[0])
                section.blocks.extend(part.build(context, read))
                built = [section]
            else:
                built = part.build(context, read)
            if part.sections[0] in S.ANNUAL_SECTION_BY_CODE:
                annual.update((section.code, section) for section in built)
            else:
                sections.extend(built)
        if self.span.is_year:
            sections.extend(
                annual.get(definition.code) or self.annual_section(definition.code)
                for definition in S.ANNUAL_SECTIONS
            )
        for part, read in additions:
            section = next(s for s in sections if s.code == part.sections[0])
            section.blocks.extend(part.build(context, read))
        return sections

    def annual_section(self, code: str) -> Section:
        """An annual section no part filled (its app is not installed, or the section is
        the methodologist's text only): its narrative, and «нет данных» where a part's
        figures would be (a narrative-only section without text says it too)."""
        section = self.section(code)
        if code not in S.NARRATIVE_ONLY or section.is_empty:
            section.blocks.append(Paragraph(_(NO_DATA)))
        return section

    def mark_empty_halves(self, sections: list[Section]) -> None:
        """A year with a half that has no data says so once in its notes and once at the
        start of each section whose figures it makes the year's (its states are dated where
        the data end: `ReportContext.states_end_label`)."""
        if not self.data.empty_halves:
            return
        halves = ", ".join(
            _("%(half)s полугодие %(year)s года") % {"half": half, "year": self.span.year}
            for half in self.data.empty_halves
        )
        self.translation_notes.append(
            Note(
                "warning",
                _(
                    "За %(halves)s нет никаких данных: годовые цифры отчёта — это цифры "
                    "остальных месяцев, фонд на конец года — фонд на конец последнего "
                    "полугодия с данными."
                )
                % {"halves": halves},
                "",
            )
        )
        said = _("Данных за %(halves)s нет: цифры раздела — за остальные месяцы года.") % {
            "halves": halves
        }
        for section in sections:
            if any(
                isinstance(block, Table) or (isinstance(block, Paragraph) and block.figures)
                for block in section.blocks
            ):
                section.blocks.insert(0, Paragraph(said, style="note"))

    def section(self, code: str) -> Section:
        definition = S.ALL_SECTION_BY_CODE[code]
        text = self.data.texts.get(code, Narrative())
        before, after = text.before, text.after
        if text.untranslated == "listed":  # Untranslated.LISTED
            # Left out of the text: the report's notes list the section (the DOCX prints them).
            self.translation_notes.append(
                Note(
                    OMITTED,
                    _("Текст на казахском языке не введён и в отчёт не включён: %(section)s.")
                    % {"section": definition.title},
                    code,
                )
            )
        elif text.untranslated:
            self.translation_notes.append(
                Note(
                    "untranslated",
                    _("Раздел «%(section)s» не переведён на казахский язык.")
                    % {"section": inner_quotes(str(definition.title))},
                    code,
                )
            )
        return Section(
            code=code,
            title=str(definition.title),
            level=definition.level,
            narrative=before,
            narrative_end=after,
            heading=definition.heading,
        )
