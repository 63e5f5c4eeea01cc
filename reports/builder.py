"""The report builder: (organization, span, language) -> ReportData, in the seed's order.

All reads happen in `_collect` through the apps' selectors, a fixed number of
queries whatever the data size; the section builders only arrange what was
read. Labels come out in the requested language (reports/locale/kk); data
prints as entered, list values by their name in that language.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext as _

from branches.calendar import Span
from branches.checks import Result
from branches.entered import Entered, half_years_with_data
from branches.models import Library, Organization
from catalogue.selectors import CatalogueCounts
from digitization.selectors import BOOKS, Digitization
from events.selectors import OnlineTotals, event_groups, events_in, social_pages
from figures.checks import check_context, checks_run, report_notes
from figures.reader import (
    FigureReads,
    KeyFigures,
    figures_read,
    key_figures,
    library_ids_for,
    totals,
)
from handin.checks import thresholds_of
from handin.notes import handin_notes
from holdings.selectors import (
    Copies,
    FundMovement,
    ListAmount,
    receipts_by_source,
    writeoffs_by_reason,
)
from indicators.report import (
    IndicatorsCollected,
    control_blocks,
    indicators_collect,
    network_blocks,
    section_with,
)
from publications.selectors import Media, Publications, publications_in
from reportkit import sections as S
from reportkit.data import (
    AuditColumn,
    Figure,
    HeaderCell,
    ItemList,
    Note,
    Paragraph,
    ReportData,
    Row,
    Section,
    Table,
)
from reportkit.text import count_noun, lower_first, number, upper_first
from reports.event_text import EventPhrases, anchored_paragraphs, mark_untranslated
from reports.mass_work import mass_work_section
from reports.phrases import BUDGET_SOURCES, RECEIPT_SOURCES, WRITE_OFF_REASONS

__all__ = ["KeyFigures", "key_figures", "report_build"]


@dataclass
class Collected:
    """Everything the report reads, once."""

    libraries: list[Library]
    figures: FigureReads
    fund: FundMovement
    budget: list[ListAmount]
    receipts: list[ListAmount]
    writeoffs: list[ListAmount]
    digitization: Digitization
    catalogue: CatalogueCounts
    references: dict[int, int]
    publications: Publications
    media: Media
    events: list
    pages: dict
    online: OnlineTotals
    entered: Entered  # rows per library and kind (branches.entered)
    texts: dict[str, "Narrative"]
    empty_halves: list[int]  # a year's halves in which nothing was recorded
    indicators: IndicatorsCollected  # sections I and II (indicators.report)
    # The ЦБС's fund at the end of the previous half-year as its approved report says.
    approved_previous_end: Copies | None = None


def _collect(organization, span: Span, libraries, language: str) -> Collected:
    ids = library_ids_for(organization, libraries)
    reads = figures_read(
        organization=organization, span=span, library_ids=ids, with_books=True, with_mass_work=True
    )
    window = {"library_ids": ids, "start": span.start, "end": span.end}
    return Collected(
        libraries=reads.libraries,
        figures=reads,
        fund=reads.fund,
        budget=reads.budget,
        receipts=receipts_by_source(**window),
        writeoffs=writeoffs_by_reason(**window),
        digitization=reads.digitization,
        catalogue=reads.catalogue,
        references=reads.references,
        publications=publications_in(**window),
        media=reads.media,
        events=events_in(**window),
        pages=social_pages(organization=organization, library_ids=ids),
        online=reads.online,
        entered=reads.entered,
        texts=_section_texts(span, language),
        empty_halves=_empty_halves(organization, span, None if libraries is None else ids),
        approved_previous_end=None if libraries else _approved_end_before(organization, span),
        indicators=indicators_collect(span=span, library_ids=ids, now=reads.indicators),
    )


def _approved_end_before(organization, span: Span) -> Copies | None:
    """The fund at the end of the half-year before `span`, as its approved report froze it.

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
    return Copies(int(figures[0]), int(figures[1] or 0))


def _empty_halves(organization, span: Span, library_ids: list[int] | None) -> list[int]:
    """The halves of a year span with nothing recorded (one query; none for a half-year).

    The same rule as the dashboard's period picker: a fund balance alone is no data.
    """
    if not span.is_year:
        return []
    recorded = {
        (int(year), int(half)) for year, half in half_years_with_data(organization, library_ids)
    }
    return [half for half in (1, 2) if (span.year, half) not in recorded]


@dataclass
class Narrative:
    """A section's text in the report's language: before and after its lists."""

    before: str = ""
    after: str = ""
    untranslated: bool = False  # the Russian text stands in for a missing Kazakh one


def _section_texts(span: Span, language: str) -> dict[str, Narrative]:
    """The narrative per section from the reports of the span's periods. One query.

    A Kazakh report whose section has Russian text only prints it marked as not
    translated, or leaves it out: the report's `untranslated` setting says which.
    """
    from reports.models import SectionText, Untranslated

    texts: dict[str, Narrative] = {}
    rows = SectionText.objects.filter(report__period__in=span.period_ids).select_related("report")
    for row in rows.order_by("report__period__year", "report__period__half", "pk"):
        before, after = row.text(language).strip(), row.text(language, "_after").strip()
        untranslated = False
        if not (before or after) and language != "ru":
            before, after = row.text("ru").strip(), row.text("ru", "_after").strip()
            untranslated = bool(before or after)
            if untranslated and row.report.untranslated == Untranslated.EMPTY:
                before = after = ""
        if not (before or after or untranslated):
            continue
        text = texts.setdefault(row.section, Narrative())
        text.before = "\n\n".join(t for t in (text.before, before) if t)
        text.after = "\n\n".join(t for t in (text.after, after) if t)
        text.untranslated = text.untranslated or untranslated
    return texts


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
    write-offs in one UNION) + 3 budget/receipts/write-offs
    + 4 digitization + 2 catalogue + 1 references + 2 publications (counts, list)
    + 2 media + 3 events + 1 social pages + 1 online + 1 rows entered (the «no data» check)
    + 3 events by group (section IV: by form and on site/online; by audience; by initiative)
    + 1 narrative + 1 the approved previous half's end + 1 work log (section II's figures,
    read with the others in figures_read) + 7 main indicators (sections I and II: see
    indicators.report.indicators_collect; 8 when the year before has periods, whose virtual
    references are read too) = 37, whatever the data size (+1 per kind declaring figures).
    """
    with translation.override(language):
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
        figures.update(figures.pop("declared"))
        sections = [
            self.network(),
            self.control(),
            self.resources(),
            mass_work_section(self),
            self.local_history(),
            self.bibliography(),
            self.publishing(),
            self.media(),
            *self.events(),
            self.totals(),
        ]
        self.mark_empty_halves(sections)
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
            event_rows=self.event_rows(),
        )

    def event_rows(self) -> list[list]:
        lang = self.language
        return [
            [
                event.date.isoformat(),
                event.library.abbreviation(lang),
                event.form.name_in(lang),
                " ".join(part for part in (event.title, event.dedication) if part),
                ", ".join(platform.name_in(lang) for platform in event.platforms.all()),
                ", ".join(initiative.name_in(lang) for initiative in event.initiatives.all()),
                event.participants,
                event.views,
                event.url,
            ]
            for event in sorted(self.data.events, key=lambda e: (e.date, e.pk))
        ]

    def mark_empty_halves(self, sections: list[Section]) -> None:
        """A year with a half that has no data says so in its notes and beside the figures
        that would differ: the fund at the year's end, the year's sums."""
        if not self.data.empty_halves:
            return
        halves = ", ".join(
            _("%(half)s полугодие %(year)s года") % {"half": half, "year": self.span.year}
            for half in self.data.empty_halves
        )
        mark = _("нет данных за %(halves)s") % {"halves": halves}
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
        for section in sections:
            for block in section.blocks:
                if isinstance(block, Table) and block.title:
                    block.title = f"{block.title} ({mark})"
                elif isinstance(block, Paragraph) and block.figures:
                    block.text = f"{block.text.rstrip('.')} ({mark})."

    def section(self, code: str) -> Section:
        definition = S.SECTION_BY_CODE[code]
        text = self.data.texts.get(code, Narrative())
        before, after = text.before, text.after
        if text.untranslated:
            before, after = mark_untranslated(before), mark_untranslated(after)
            self.translation_notes.append(
                Note(
                    "untranslated",
                    _("Раздел «%(section)s» не переведён на казахский язык.")
                    % {"section": definition.title},
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

    # I and II: the main indicators (indicators/report.py) -------------------

    def network(self) -> Section:
        blocks = network_blocks(self.data.libraries, self.data.indicators, self.language)
        return section_with(self.section(S.NETWORK), blocks, landscape=True)

    def control(self) -> Section:
        blocks = control_blocks(self.data.libraries, self.data.indicators, self.span)
        return section_with(self.section(S.CONTROL), blocks, landscape=True)

    # III. Library resources -------------------------------------------------

    def copies_sentence(self, label: str, amount, text: str = "") -> Paragraph:
        """«В рамках госзаказа получено 630 экз., в т.ч. на каз. яз. – 566 экз.»: `text` is
        the sentence with %(copies)s and %(kk)s; without it, «label: … экз.»."""
        unit = _("экз.")
        values = {"label": label, "copies": amount.copies, "kk": amount.copies_kk, "unit": unit}
        if not text:
            text = _("%(label)s: %(copies)s %(unit)s, в т.ч. на каз. яз. – %(kk)s %(unit)s")
        return Paragraph(
            text % values,  # already ends with the unit's full stop: «… – 627 экз.»
            figures=[Figure(label, amount.copies, unit, amount.copies_kk)],
        )

    def resources(self) -> Section:
        d, span, lang = self.data, self.span, self.language
        section = self.section(S.RESOURCES)
        blocks = section.blocks
        unit = _("тыс. тенге")
        during = upper_first(span.during_label)
        for row in d.budget or []:
            label = _("%(For)s на комплектование выделено (%(source)s)") % {
                "For": during,
                "source": lower_first(row.name(lang)),
            }
            money = float(row.money or 0)
            text = f"{label}: {number(money)} {unit}."
            if row.code in BUDGET_SOURCES:
                text = _("%(For)s %(source)s на комплектование выделено %(money)s %(unit)s.") % {
                    "For": during,
                    "source": BUDGET_SOURCES[row.code],
                    "money": number(money),
                    "unit": unit,
                }
            blocks.append(Paragraph(text, figures=[Figure(label, money, unit)]))
        if not d.budget:
            label = _("%(For)s на комплектование выделено") % {"For": during}
            blocks.append(Paragraph(f"{label}: 0 {unit}.", figures=[Figure(label, 0.0, unit)]))
        for row in d.receipts:
            label = _("Получено (%(source)s)") % {"source": lower_first(row.name(lang))}
            text = ""
            if row.code in RECEIPT_SOURCES:
                text = _(
                    "%(Source)s получено %%(copies)s экз., в т.ч. на каз. яз. – %%(kk)s экз."
                ) % {"Source": upper_first(str(RECEIPT_SOURCES[row.code]))}
            blocks.append(self.copies_sentence(label, row.amount, text))
        if len(d.receipts) != 1:
            text = _("Всего получено %(copies)s экз., в т.ч. на каз. яз. – %(kk)s экз.")
            blocks.append(self.copies_sentence(_("Всего получено"), d.fund.total.received, text))
        for row in d.writeoffs:
            label = _("Списано (%(reason)s)") % {"reason": lower_first(row.name(lang))}
            text = ""
            if row.code in WRITE_OFF_REASONS:
                text = _(
                    "%(Reason)s списано %%(copies)s экз., в т.ч. на каз. яз. – %%(kk)s экз."
                ) % {"Reason": upper_first(str(WRITE_OFF_REASONS[row.code]))}
            blocks.append(self.copies_sentence(label, row.amount, text))
        if len(d.writeoffs) != 1:
            text = _("Всего списано %(copies)s экз., в т.ч. на каз. яз. – %(kk)s экз.")
            blocks.append(self.copies_sentence(_("Всего списано"), d.fund.total.written_off, text))
        blocks.append(self.fund_table())
        return section

    def fund_table(self) -> Table:
        """The fund table; «расхождение по инвентаризации» columns only when a state
        recorded inside the span differs from the ledger, and a library without any
        recorded state prints its start and end as unknown."""
        span, fund = self.span, self.data.fund
        with_discrepancy = fund.total.discrepancy is not None or any(
            row.discrepancy is not None for row in fund.rows
        )
        copies, kk = _("экз."), _("в т.ч. на каз. яз.")
        heads = [
            _("Состояло %(start)s") % {"start": span.start_label},
            _("Поступило %(for)s") % {"for": span.for_label},
            _("Выбыло %(for)s") % {"for": span.for_label},
        ]
        if with_discrepancy:
            heads.append(_("Расхождение по инвентаризации"))
        heads.append(_("Состоит %(end)s") % {"end": span.end_label})
        header = [
            [
                HeaderCell(_("Библиотека"), rowspan=2),
                *(HeaderCell(text, colspan=2) for text in heads),
            ],
            [HeaderCell(text) for _i in heads for text in (copies, kk)],
        ]
        unknown = _("неизвестно")

        def pair(amount, known=True):
            return [amount.copies, amount.copies_kk] if known else [unknown, unknown]

        def cells(label, row):
            figures = [
                *pair(row.start, row.start_known),
                *pair(row.received),
                *pair(row.written_off),
            ]
            if with_discrepancy:
                shown = row.discrepancy if row.start_known or row.library is None else None
                figures += pair(shown or Copies())
            return [label, *figures, *pair(row.end, row.end_known)]

        rows = [
            Row(cells(row.library.abbreviation(), row))
            for row in fund.rows
            if any(v for v in cells("", row)[1:] if isinstance(v, int))
        ]
        if len(rows) == 1 and not fund.unknown:
            # One library keeps the whole fund's ledger (the seed gives the ЦБС's figures
            # only): its row would repeat the total and read as if it were that
            # library's own fund. The total says it all.
            rows = []
        rows.append(Row(cells(_("Всего по ЦБС"), fund.total), kind="total"))
        if with_discrepancy:
            audit = [
                AuditColumn(_("Состоит, по формуле"), "{B}+{D}-{F}+{H}", "J"),
                AuditColumn(_("на каз. яз., по формуле"), "{C}+{E}-{G}+{I}", "K"),
            ]
        else:
            audit = [
                AuditColumn(_("Состоит, по формуле"), "{B}+{D}-{F}", "H"),
                AuditColumn(_("на каз. яз., по формуле"), "{C}+{E}-{G}", "I"),
            ]
        return Table(
            title=_("Книжный фонд %(end)s") % {"end": span.end_label},
            header=header,
            rows=rows,
            widths=[1.9] + [1] * (len(heads) * 2),
            audit=audit,
        )

    # V. Local history, digitization ------------------------------------------

    def local_history(self) -> Section:
        d, lang = self.data.digitization, self.language
        section = self.section(S.LOCAL_HISTORY)
        rows = [Row([k.name(lang), k.planned, k.done]) for k in d.kinds]
        rows.append(Row([_("Всего"), d.planned, d.done], kind="total"))
        section.blocks.append(
            Table(
                title="",
                header=[
                    [
                        HeaderCell(_("Наименование"), rowspan=2),
                        HeaderCell(_("Оцифровка документов"), colspan=2),
                    ],
                    [HeaderCell(_("план")), HeaderCell(_("выполнено"))],
                ],
                rows=rows,
                widths=[2, 1, 1],
            )
        )
        documents_forms = _("документ|документа|документов")
        pages_forms = _("страница|страницы|страниц")
        for kind in d.kinds:
            if not kind.done:
                continue
            docs = count_noun(kind.done, documents_forms)
            pages = count_noun(kind.pages, pages_forms)
            if kind.code == BOOKS:
                text = _("Полностью оцифрованы %(books)s, %(pages)s") % {
                    "books": count_noun(kind.done, _("книга|книги|книг")),
                    "pages": pages,
                }
            elif kind.sources:
                # The kind's name opens the Russian sentence but not the Kazakh one.
                text = upper_first(
                    _("%(kind)s из газет %(sources)s – %(docs)s, %(pages)s")
                    % {
                        "kind": lower_first(kind.name(lang)),
                        "sources": ", ".join(kind.sources),
                        "docs": docs,
                        "pages": pages,
                    }
                )
            else:
                text = f"{kind.name(lang)} – {docs}, {pages}"
            section.blocks.append(
                Paragraph(
                    text,
                    style="bullet",
                    figures=[
                        Figure(kind.name(lang), kind.done, _("док.")),
                        Figure(kind.name(lang), kind.pages, _("стр.")),
                    ],
                )
            )
        if d.books:
            section.blocks.append(
                ItemList(
                    _("Список оцифрованных книг:"),
                    [book.description_in(lang) for book in d.books],
                    numbered=True,
                )
            )
            section.blocks.append(
                Paragraph(_("Всего: %(n)s экз. книг") % {"n": len(d.books)}, style="body")
            )
        label = _("%(For)s оцифровано") % {"For": upper_first(self.span.during_label)}
        section.blocks.append(
            Paragraph(
                _("Всего %(for)s оцифровано %(docs)s, %(pages)s")
                % {
                    "for": self.span.during_label,
                    "docs": count_noun(d.done, documents_forms),
                    "pages": count_noun(d.pages, pages_forms),
                },
                figures=[Figure(label, d.done, _("док.")), Figure(label, d.pages, _("стр."))],
            )
        )
        return section

    # VI. Bibliography --------------------------------------------------------

    def bibliography(self) -> Section:
        c, lang, span = self.data.catalogue, self.language, self.span
        section = self.section(S.BIBLIOGRAPHY)
        label = _("Объём электронного каталога")
        section.blocks.append(
            Paragraph(
                _("Объём электронного каталога составляет %(records)s.")
                % {
                    "records": count_noun(
                        c.now,
                        _(
                            "библиографическую запись|библиографические записи|"
                            "библиографических записей"
                        ),
                    )
                },
                figures=[Figure(label, c.now, _("записей"))],
            )
        )
        rows = [Row([row.name(lang), row.before, row.now]) for row in c.rows]
        rows.append(Row([_("Всего:"), c.before, c.now], kind="total"))
        section.blocks.append(
            Table(
                title="",
                header=[
                    [
                        HeaderCell(_("Наименование каталога")),
                        HeaderCell(
                            _("Было на %(date)s") % {"date": span.start.strftime("%d.%m.%Y")}
                        ),
                        HeaderCell(_("Состоит %(end)s") % {"end": span.end_label}),
                    ]
                ],
                rows=rows,
                widths=[2, 1, 1],
            )
        )
        references = sum(self.data.references.values())
        label = _("%(For)s выполнено виртуальных библиографических справок") % {
            "For": upper_first(span.during_label)
        }
        section.blocks.append(
            Paragraph(f"{label} – {references}", figures=[Figure(label, references, "")])
        )
        return section

    # Publishing --------------------------------------------------------------

    def publishing(self) -> Section:
        p = self.data.publications
        section = self.section(S.PUBLISHING)
        site = f" {self.organization.site}" if self.organization.site else ""
        section.blocks.append(
            Paragraph(
                _("%(For)s выпущены следующие материалы")
                % {"For": upper_first(self.span.during_label)}
                + site,
                figures=[
                    Figure(_("Издания"), len(p.printed), _("назв.")),
                    Figure(_("Буктрейлеры, виртуальные выставки"), len(p.multimedia), _("назв.")),
                ],
            )
        )
        rows = [Row([f"{n}.", pub.description()]) for n, pub in enumerate(p.printed, 1)]
        if p.multimedia:
            rows.append(Row([_("Буктрейлеры, виртуальные выставки")], kind="group"))
            rows += [Row([f"{n}.", pub.description()]) for n, pub in enumerate(p.multimedia, 1)]
        section.blocks.append(
            Table(
                title="",
                header=[
                    [
                        HeaderCell(_("№")),
                        HeaderCell(_("Название. Полное библиографическое описание издания")),
                    ]
                ],
                rows=rows,
                widths=[0.5, 8],
            )
        )
        return section

    # Media -------------------------------------------------------------------

    def media(self) -> Section:
        m, lang = self.data.media, self.language
        section = self.section(S.MEDIA)
        section.blocks.append(Paragraph(_("Освещение деятельности в СМИ"), style="heading"))
        labels = (
            _("Количество публикаций о библиотеке в СМИ"),
            _("из них публикаций самих библиотекарей"),
            _("видеосюжетов на телевидении"),
        )
        values = (m.mentions, m.by_librarians, m.tv)
        section.blocks.append(
            Paragraph(
                ", ".join(
                    f"{label} – {value}" for label, value in zip(labels, values, strict=True)
                ),
                figures=[
                    Figure(label, value, "") for label, value in zip(labels, values, strict=True)
                ],
            )
        )
        if m.tv_stories:
            section.blocks.append(
                ItemList(
                    _("Видео-сюжеты:"),
                    [story.url or story.description_in(lang) for story in m.tv_stories],
                    numbered=True,
                )
            )
        if m.references:
            section.blocks.append(
                ItemList(
                    _("Публикации в СМИ:"),
                    [mention.description_in(lang) for mention in m.references],
                    numbered=True,
                )
            )
        return section

    # Events ------------------------------------------------------------------

    def events(self) -> list[Section]:
        groups = event_groups(self.data.events)
        result = [self.section(S.EVENTS)]
        for definition in S.SECTIONS:
            if definition.level != 2 or definition.code not in S.EVENT_GROUPS:
                continue
            section = self.section(definition.code)
            events = groups.get(definition.code, [])
            anchored, section.narrative = anchored_paragraphs(section.narrative, events)
            if definition.code == S.LITERARY:
                section.blocks += self.literary(events)
            elif events:
                phrases = EventPhrases(self.language)
                section.blocks.append(
                    ItemList(
                        "",
                        phrases.items(events, anchored),
                        numbered=definition.code == S.LIVE,
                    )
                )
            result.append(section)
        return result

    def literary(self, events) -> list:
        """Per library, with its pages; the central library's rows are the ЦБС's common pages."""
        by_library: dict[int, list] = {}
        for event in events:
            by_library.setdefault(event.library_id, []).append(event)
        phrases = EventPhrases(self.language, with_library=False)
        items = []
        for library in self.data.libraries:
            if library.pk not in by_library:
                continue
            if library.kind == Library.Kind.CENTRAL:
                who = _("На общих страницах ЦБС")
                pages = self.data.pages.get(None, [])
            else:
                who = library.name(self.language)
                pages = self.data.pages.get(library.pk, [])
            urls = ", ".join(page.url for page in pages)
            head = f"{who} {urls}".strip()
            listed = ", ".join(phrases.items(by_library[library.pk], {}))
            items.append(f"{head}: {listed}")
        return [ItemList("", items)] if items else []

    # Totals ------------------------------------------------------------------

    def totals(self) -> Section:
        o = self.data.online
        section = self.section(S.TOTALS)
        parts = {
            "events": count_noun(
                o.online_events, _("онлайн-мероприятие|онлайн-мероприятия|онлайн-мероприятий")
            ),
            "subscribers": count_noun(o.subscribers, _("подписчик|подписчика|подписчиков")),
            "views": count_noun(o.views, _("просмотр|просмотра|просмотров")),
            "posts": count_noun(o.posts, _("публикация|публикации|публикаций")),
        }
        section.blocks.append(
            Paragraph(
                _(
                    "Всего было проведено %(events)s, зафиксировано %(subscribers)s, "
                    "%(views)s, %(posts)s."
                )
                % parts,
                figures=[
                    Figure(_("Онлайн-мероприятий"), o.online_events),
                    Figure(_("Подписчиков"), o.subscribers),
                    Figure(_("Просмотров"), o.views),
                    Figure(_("Публикаций"), o.posts),
                ],
            )
        )
        return section


def note_sections(notes: list[Note]) -> dict[str, list[Note]]:
    grouped: dict[str, list[Note]] = {}
    for note in notes:
        grouped.setdefault(note.section, []).append(note)
    return grouped
