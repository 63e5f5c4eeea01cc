"""The dashboard's figures: the report's, read through `figures.reader`.

Key figures (the cards, the totals) and each library's row come from the same
read of the apps' selectors (`figures_read`): a library's row is its share of
the key figures, and the rows add up to them. The per-kind and per-database
tables behind the charts are the same read's digitization and catalogue.
What was entered per library (completeness) is counted through the registry
of kinds of data (`branches.entered`).

Each function runs a fixed number of queries whatever the data size.
"""

from dataclasses import dataclass, field

from branches.calendar import Span
from branches.entered import entered_by_organization
from branches.kinds import ORGANIZATION, completeness_columns
from branches.models import Library, Organization
from catalogue.selectors import CatalogueRow
from dashboard.spans import SpanBook
from digitization.selectors import KindRow
from figures.reader import KeyFigures, LibraryFigures, figures_read, library_figures, totals
from holdings.selectors import Copies, FundLedger, FundMovement, fund_ledger

# How many half-years the Kazakh-share chart looks back: a fixed number keeps the
# page's query count fixed however many years of data there are.
SHARE_HISTORY = 6


@dataclass
class Overview:
    """Everything one dashboard page shows."""

    span: Span
    previous_span: Span
    total: KeyFigures
    previous: KeyFigures | None  # None: not compared (`overview`'s `compare`)
    digitization: list[KindRow]
    catalogue: list[CatalogueRow]
    per_library: list[tuple[Library, LibraryFigures]]
    kazakh_share: list[tuple[Span, Copies]] = field(default_factory=list)
    whole_organization: bool = True
    organization_entered: dict[str, int] = field(default_factory=dict)
    # The span's fund table (the rows are per_library's): which funds are unknown.
    fund: FundMovement | None = None
    # The fund at every day the page shows, read once (the main indicators' ratios read it too).
    ledger: FundLedger | None = None
    # The span's work-log figures of the libraries that have rows (figures_read's): a
    # library absent has no data, which the main indicators print as such, not as 0.
    work_log: dict = field(default_factory=dict)

    @property
    def events(self) -> int:
        """Events entered one by one (the report lists them; no key figure counts them)."""
        return sum(figures.entered.get("events", 0) for _lib, figures in self.per_library)

    @property
    def completeness_columns(self) -> list[tuple[str, str]]:
        return completeness_columns()

    @property
    def completeness_labels(self) -> dict[str, str]:
        """Each column's label by its code: what a cell says it counts on a phone."""
        return dict(completeness_columns())

    @property
    def completeness(self) -> list[tuple[Library, dict[str, int]]]:
        """What each library entered, column by column in the registry's order."""
        return [(lib, figures.entered) for lib, figures in self.per_library]

    @property
    def organization_completeness(self) -> dict[str, bool]:
        return {code: bool(count) for code, count in self.organization_entered.items()}

    @property
    def organization_rows(self) -> list[tuple[str, bool]]:
        """(label, entered?) of what the ЦБС itself enters for the span (budget, plans)."""
        present = self.organization_completeness
        return [(label, present[code]) for code, label in completeness_columns(ORGANIZATION)]


def overview(
    *,
    organization: Organization,
    span: Span,
    book: SpanBook,
    libraries: list[Library] | None = None,
    previous_span: Span | None = None,
    last_half: Span | None = None,
    compare: bool = True,
) -> Overview:
    """The figures of `span`, of the span before it, and per library.

    `libraries`: the libraries to show (one library's page); None for the whole
    organization. `previous_span`: the span to compare with (default: the span
    before). `last_half`: the last half-year the Kazakh-share chart shows
    (default: the span's last half), so a year with data in its first half
    only draws no point for the empty second half. `compare` False: the page
    sets nothing against the span before (it has no data, or only part of it),
    so it is not read.
    """
    whole = libraries is None
    if whole:
        libraries = list(
            Library.objects.filter(organization=organization).order_by("order", "code")
        )
    ids = [lib.pk for lib in libraries]
    previous_span = previous_span or book.previous(span)
    half_years = _half_years_until(book, last_half or span, SHARE_HISTORY)
    # The fund at every day the page shows, read once for all of them.
    ledger = fund_ledger(
        ids,
        {span.start, span.day_after, previous_span.start, previous_span.day_after}
        | {half_year.day_after for half_year in half_years},
    )
    reads = figures_read(
        organization=organization, span=span, library_ids=ids, libraries=libraries, ledger=ledger
    )
    previous = None
    if compare:
        previous = totals(
            figures_read(
                organization=organization,
                span=previous_span,
                library_ids=ids,
                libraries=libraries,
                ledger=ledger,
                with_entered=False,  # what was entered shows for the span itself only
            )
        )
    share = []
    for half_year in half_years:
        funds = [ledger.fund_at(pk, half_year.day_after) for pk in ids]
        fund = sum((copies for copies, _known in funds), Copies())
        # Half-years before anything was recorded stay off the chart; so does a
        # library's own fund while no state of it is recorded (it is unknown: the
        # ЦБС's total counts its movements, the report's rule).
        if fund.copies and (whole or all(known for _copies, known in funds)):
            share.append((half_year, fund))
    return Overview(
        span=span,
        ledger=ledger,
        previous_span=previous_span,
        total=totals(reads),
        previous=previous,
        digitization=[k for k in reads.digitization.kinds if k.planned or k.done],
        catalogue=[row for row in reads.catalogue.rows if row.before or row.now],
        per_library=library_figures(reads),
        kazakh_share=share,
        whole_organization=whole,
        organization_entered=entered_by_organization(organization=organization, span=span),
        fund=reads.fund,
        work_log=reads.indicators,
    )


def _half_years_until(book: SpanBook, span: Span, count: int) -> list[Span]:
    result = [book.span(span.year, span.half or 2)]
    while len(result) < count:
        result.append(book.previous(result[-1]))
    return list(reversed(result))
