"""The report's figures per library and in total: one path for the report, its key
figures and the dashboard.

`figures_read` asks each app's selector once for the span; every selector
returns its figures per library. `library_figures` lays them out per library,
and `totals` adds the libraries up (a selector's own rule already decided a
library's value for a year: subscribers are the latest half's), plus the
ЦБС's own figures (the budget, the digitization plan). So the dashboard's
row of a library and the report's key figures of that library are the same
numbers, and the rows add up to the total.
"""

from dataclasses import asdict, dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy

from branches.calendar import Span
from branches.entered import Entered, entered_by_library
from branches.kind_figures import declared_figures, kind_figures_by_library
from branches.models import Library, Organization
from catalogue.selectors import (
    CatalogueCounts,
    LibraryCatalogue,
    catalogue_counts,
    virtual_references_by_library,
)
from digitization.selectors import Digitization, Done, digitization_summary
from events.selectors import (
    ONLINE_WORK_EVENTS_LABEL,
    LibraryMassWork,
    MassWork,
    OnlineCount,
    OnlineTotals,
    mass_work,
    online_totals,
)
from holdings.selectors import (
    FundLedger,
    FundMovement,
    ListAmount,
    MovementRow,
    budget_by_source,
    fund_movement,
)
from indicators.selectors import Indicators, worklog_figures
from publications.selectors import (
    Media,
    MediaCount,
    PublicationCount,
    media_summary,
    publication_counts,
)


@dataclass(frozen=True)
class KeyFigures:
    fund_start: int
    fund_start_kk: int
    received: int
    received_kk: int
    written_off: int
    written_off_kk: int
    fund_end: int
    fund_end_kk: int
    budget: Decimal  # thousand tenge, all sources
    digitization_planned: int
    digitization_done: int  # documents
    digitization_pages: int
    catalogue_before: int
    catalogue_now: int
    virtual_references: int
    publications: int  # printed: booklets, podiums...
    trailers: int  # book trailers, videos, virtual exhibitions
    media_mentions: int
    media_by_librarians: int
    media_tv: int
    online_events: int
    subscribers: int
    views: int
    posts: int
    # The figures kinds declare in the registry (branches.kinds.Figure), by name.
    declared: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


# The key figures' names wherever they are listed (the XLSX summary, the dashboard).
FIGURE_LABELS = {
    "fund_start": gettext_lazy("Фонд на начало, экз."),
    "fund_start_kk": gettext_lazy("в т.ч. на каз. яз."),
    "received": gettext_lazy("Поступило, экз."),
    "received_kk": gettext_lazy("в т.ч. на каз. яз."),
    "written_off": gettext_lazy("Выбыло, экз."),
    "written_off_kk": gettext_lazy("в т.ч. на каз. яз."),
    "fund_end": gettext_lazy("Фонд на конец, экз."),
    "fund_end_kk": gettext_lazy("в т.ч. на каз. яз."),
    "budget": gettext_lazy("Бюджет комплектования, тыс. тенге"),
    "digitization_planned": gettext_lazy("Оцифровка: план, документов"),
    "digitization_done": gettext_lazy("Оцифровано документов"),
    "digitization_pages": gettext_lazy("Оцифровано страниц"),
    "catalogue_before": gettext_lazy("Электронный каталог: было записей"),
    "catalogue_now": gettext_lazy("Электронный каталог: стало записей"),
    "virtual_references": gettext_lazy("Виртуальные справки"),
    "publications": gettext_lazy("Издания"),
    "trailers": gettext_lazy("Буктрейлеры, виртуальные выставки"),
    "media_mentions": gettext_lazy("Публикации в СМИ"),
    "media_by_librarians": gettext_lazy("из них самих библиотекарей"),
    "media_tv": gettext_lazy("видеосюжетов на ТВ"),
    "online_events": ONLINE_WORK_EVENTS_LABEL,  # not the listed online events: see there
    "subscribers": gettext_lazy("Подписчики"),
    "views": gettext_lazy("Просмотры"),
    "posts": gettext_lazy("Публикации в соцсетях"),
}


def figure_label(name: str) -> str:
    """A key figure's label, or the label a kind declares for its figure."""
    if name in FIGURE_LABELS:
        return FIGURE_LABELS[name]
    for figure in declared_figures():
        if figure.name == name:
            return figure.label or name
    return name


# The figures a library has; the others (budget, plan) belong to the ЦБС.
LIBRARY_FIGURES = tuple(
    name
    for name in KeyFigures.__dataclass_fields__
    if name not in ("budget", "digitization_planned", "declared")
)


@dataclass
class LibraryFigures:
    """One library's figures of a span: its share of the key figures."""

    fund: MovementRow
    digitized: Done = field(default_factory=Done)
    catalogue: LibraryCatalogue = field(default_factory=LibraryCatalogue)
    virtual_references: int = 0
    publications: PublicationCount = field(default_factory=PublicationCount)
    media: MediaCount = field(default_factory=MediaCount)
    online: OnlineCount = field(default_factory=OnlineCount)
    # Events and attendance (section IV), read for the report only.
    mass_work: LibraryMassWork = field(default_factory=LibraryMassWork)
    declared: dict[str, int] = field(default_factory=dict)
    indicators: Indicators = field(default_factory=Indicators)
    # Rows entered for the span per completeness column (branches.entered).
    entered: dict[str, int] = field(default_factory=dict)

    def values(self) -> dict:
        """{key figure name: this library's value}: what the library adds to each total."""
        fund = self.fund
        return {
            "fund_start": fund.start.copies,
            "fund_start_kk": fund.start.copies_kk,
            "received": fund.received.copies,
            "received_kk": fund.received.copies_kk,
            "written_off": fund.written_off.copies,
            "written_off_kk": fund.written_off.copies_kk,
            "fund_end": fund.end.copies,
            "fund_end_kk": fund.end.copies_kk,
            "digitization_done": self.digitized.documents,
            "digitization_pages": self.digitized.pages,
            "catalogue_before": self.catalogue.before,
            "catalogue_now": self.catalogue.now,
            "virtual_references": self.virtual_references,
            "publications": self.publications.printed,
            "trailers": self.publications.multimedia,
            "media_mentions": self.media.mentions,
            "media_by_librarians": self.media.by_librarians,
            "media_tv": self.media.tv,
            "online_events": self.online.online_events,
            "subscribers": self.online.subscribers,
            "views": self.online.views,
            "posts": self.online.posts,
        }


@dataclass
class FigureReads:
    """What the selectors returned for a span, per library (and the ЦБС's own)."""

    libraries: list[Library]
    fund: FundMovement
    budget: list[ListAmount]
    digitization: Digitization
    catalogue: CatalogueCounts
    references: dict[int, int]
    publications: dict[int, PublicationCount]
    media: Media
    online: OnlineTotals
    declared: dict[int, dict[str, int]]
    entered: Entered
    mass_work: MassWork = field(default_factory=MassWork)
    # The work log's figures (indicators.selectors: a reader counts once a year).
    indicators: dict[int, Indicators] = field(default_factory=dict)


def library_ids_for(organization: Organization, libraries=None) -> list[int]:
    """Ids of `libraries` (a queryset, a list of libraries or ids), else all the organization's.

    One query, or none for a list.
    """
    if libraries is None:
        return list(Library.objects.filter(organization=organization).values_list("pk", flat=True))
    if hasattr(libraries, "values_list"):
        return list(libraries.filter(organization=organization).values_list("pk", flat=True))
    return [getattr(library, "pk", library) for library in libraries]


def figures_read(
    *,
    organization: Organization,
    span: Span,
    library_ids: list[int],
    with_books: bool = False,
    with_mass_work: bool = False,
    with_entered: bool = True,
    libraries: list[Library] | None = None,
    ledger: FundLedger | None = None,
) -> FigureReads:
    """Every figure of `span` per library, from the apps' selectors.

    `libraries`: the libraries of `library_ids` in their order, if the caller has
    them (else one query); `ledger`: the fund's `holdings.selectors.fund_ledger`
    read with the span's start and day after, if the caller has it (else two
    queries).

    Queries: 3 fund (the libraries, the ledger's two) + 1 budget + 3 digitization
    (+1 with the books) + 2 catalogue + 1 references + 1 publications + 2 media
    + 1 online + 1 rows entered per kind + 1 work log + 1 the figures the kinds declare
    in the registry (one UNION) = 16; +3 events by group (section IV: by form, audience, initiative)
    +1 the libraries that handed the span in `with_mass_work`; −1 without the rows entered (`with_entered` False: only the
    key figures are wanted, `totals`).
    """
    if libraries is None:
        libraries = list(Library.objects.filter(pk__in=library_ids).order_by("order", "code"))
    fund = fund_movement(
        organization=organization,
        start=span.start,
        end=span.end,
        libraries=libraries,
        ledger=ledger,
    )
    window = {"library_ids": library_ids, "start": span.start, "end": span.end}
    references = virtual_references_by_library(library_ids=library_ids, period_ids=span.period_ids)
    return FigureReads(
        libraries=[row.library for row in fund.rows],
        fund=fund,
        budget=budget_by_source(organization=organization, period_ids=span.period_ids),
        digitization=digitization_summary(
            organization=organization, period_ids=span.period_ids, with_books=with_books, **window
        ),
        catalogue=catalogue_counts(
            library_ids=library_ids, start=span.start, day_after=span.day_after
        ),
        references=references,
        publications=publication_counts(**window),
        media=media_summary(period_ids=span.period_ids, **window),
        online=online_totals(library_ids=library_ids, period_ids=span.period_ids),
        declared=kind_figures_by_library(library_ids=library_ids, span=span),
        entered=entered_by_library(library_ids=library_ids, span=span)
        if with_entered
        else Entered({}),
        mass_work=mass_work(**window, period_ids=span.period_ids) if with_mass_work else MassWork(),
        indicators=worklog_figures(**window, virtual=references),
    )


def library_figures(reads: FigureReads) -> list[tuple[Library, LibraryFigures]]:
    """Each library's figures, in the libraries' order. No query."""
    return [
        (
            row.library,
            LibraryFigures(
                fund=row,
                digitized=reads.digitization.by_library.get(row.library.pk, Done()),
                catalogue=reads.catalogue.by_library.get(row.library.pk, LibraryCatalogue()),
                virtual_references=reads.references.get(row.library.pk, 0),
                publications=reads.publications.get(row.library.pk, PublicationCount()),
                media=reads.media.by_library.get(row.library.pk, MediaCount()),
                online=reads.online.by_library.get(row.library.pk, OnlineCount()),
                mass_work=reads.mass_work.library(row.library.pk),
                declared=reads.declared.get(row.library.pk, {}),
                indicators=reads.indicators.get(row.library.pk, Indicators()),
                entered=reads.entered.get(row.library.pk, {}),
            ),
        )
        for row in reads.fund.rows
    ]


def totals(reads: FigureReads) -> KeyFigures:
    """The key figures: the libraries' figures added up, and the ЦБС's own. No query."""
    per_library = [figures for _library, figures in library_figures(reads)]
    values = [f.values() for f in per_library]
    summed = {name: sum(v[name] for v in values) for name in LIBRARY_FIGURES}
    declared: dict[str, int] = {}
    for figures in per_library:
        for name, value in figures.declared.items():
            declared[name] = declared.get(name, 0) + value
    return KeyFigures(
        **summed,
        budget=sum((row.money or Decimal(0) for row in reads.budget), Decimal(0)),
        digitization_planned=reads.digitization.planned,
        declared=declared,
    )


def key_figures(*, organization: Organization, span: Span, libraries=None) -> KeyFigures:
    """The key figures of `span`; with `libraries`, of those libraries only.

    Organization-level figures (the budget, the digitization plan) belong to no
    library and are the organization's whatever `libraries` is.
    Queries: 1 library ids + `figures_read`'s.
    """
    ids = library_ids_for(organization, libraries)
    return totals(figures_read(organization=organization, span=span, library_ids=ids))
