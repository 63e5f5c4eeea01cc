"""The dashboard's figures: a thin adapter over the report's own functions.

Key figures (the cards, the totals) are `reports.figures.key_figures`, the
figures the report prints; the per-kind and per-database tables behind the
charts are the report's selectors (`digitization_summary`, `catalogue_counts`).
What the report has no function for is the split per library, which the
dashboard needs in a fixed number of queries: `_per_library` applies the same
rules (SHARED_REPORT_RULES.md) grouped by library, and the tests check that
every library's row equals `key_figures(libraries=[that library])` and that the
rows add up to the organization's key figures.

Each function runs a fixed number of queries whatever the data size.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from branches.models import Library, Organization
from catalogue.models import VirtualReferences
from catalogue.selectors import CatalogueRow, _latest_counts, catalogue_counts
from dashboard.spans import SpanBook
from digitization.models import DigitizedDocument
from digitization.selectors import KindRow, digitization_summary
from events.models import Event, OnlineFigures
from events.selectors import FIGURES as ONLINE_FIGURES
from holdings.models import FundSnapshot, Receipt, WriteOff
from holdings.selectors import Copies, MovementRow, fund_at_start_of, fund_movement
from publications.models import MediaMention, MediaMentionTotal, Publication
from reports.figures import KeyFigures, key_figures
from reports.periods import Span

# How many half-years the Kazakh-share chart looks back: a fixed number keeps the
# page's query count fixed however many years of data there are.
SHARE_HISTORY = 6


@dataclass
class LibraryFigures:
    """One library's figures of a span: the per-library split of the key figures."""

    fund: MovementRow
    digitized: int = 0
    digitized_pages: int = 0
    digitized_rows: int = 0
    catalogue_before: int = 0
    catalogue_now: int = 0
    catalogue_databases: int = 0  # databases with a count taken inside the span
    virtual_references: int = 0
    virtual_reference_rows: int = 0
    publications: int = 0
    trailers: int = 0
    media_mentions: int = 0
    media_by_librarians: int = 0
    media_tv: int = 0
    online_events: int = 0
    subscribers: int = 0
    views: int = 0
    posts: int = 0
    online_rows: int = 0
    events: int = 0  # events entered one by one
    receipt_rows: int = 0
    writeoff_rows: int = 0
    snapshot_rows: int = 0

    def entered(self) -> dict[str, int]:
        """What the library has entered for the span: rows (or figures) per kind of data."""
        return {
            "fund_snapshots": self.snapshot_rows,
            "receipts": self.receipt_rows,
            "writeoffs": self.writeoff_rows,
            "catalogue": self.catalogue_databases,
            "virtual_references": self.virtual_reference_rows,
            "digitized": self.digitized_rows,
            "publications": self.publications + self.trailers,
            "media": self.media_mentions,
            "events": self.events,
            "online": self.online_rows,
        }


@dataclass
class Overview:
    """Everything one dashboard page shows."""

    span: Span
    previous_span: Span
    total: KeyFigures
    previous: KeyFigures
    digitization: list[KindRow]
    catalogue: list[CatalogueRow]
    per_library: list[tuple[Library, LibraryFigures]]
    kazakh_share: list[tuple[Span, Copies]] = field(default_factory=list)
    whole_organization: bool = True

    @property
    def events(self) -> int:
        """Events entered one by one (the report lists them; no key figure counts them)."""
        return sum(figures.events for _lib, figures in self.per_library)

    @property
    def completeness(self) -> list[tuple[Library, dict[str, int]]]:
        return [(lib, figures.entered()) for lib, figures in self.per_library]

    @property
    def organization_completeness(self) -> dict[str, bool]:
        return {
            "budget": bool(self.total.budget),
            "digitization_plan": bool(self.total.digitization_planned),
        }


def overview(
    *,
    organization: Organization,
    span: Span,
    book: SpanBook,
    libraries: list[Library] | None = None,
    previous_span: Span | None = None,
    last_half: Span | None = None,
) -> Overview:
    """The figures of `span`, of the span before it, and per library.

    `libraries`: the libraries to show (one library's page); None for the whole
    organization. `previous_span`: the span to compare with (default: the span
    before). `last_half`: the last half-year the Kazakh-share chart shows
    (default: the span's last half), so a year with data in its first half
    only draws no point for the empty second half.
    """
    whole = libraries is None
    if whole:
        libraries = list(
            Library.objects.filter(organization=organization).order_by("order", "code")
        )
    ids = [lib.pk for lib in libraries]
    previous_span = previous_span or book.previous(span)
    total = key_figures(organization=organization, span=span, libraries=ids)
    previous = key_figures(organization=organization, span=previous_span, libraries=ids)
    digitization = digitization_summary(
        organization=organization,
        period_ids=span.period_ids,
        library_ids=ids,
        start=span.start,
        end=span.end,
        with_books=False,
    )
    catalogue = catalogue_counts(library_ids=ids, start=span.start, day_after=span.day_after)
    per_library = _per_library(organization, span, libraries)
    share = []
    library_qs = Library.objects.filter(pk__in=ids)
    for half_year in _half_years_until(book, last_half or span, SHARE_HISTORY):
        fund = sum(fund_at_start_of(half_year.day_after, library_qs).values(), Copies())
        if fund.copies:  # half-years before anything was recorded stay off the chart
            share.append((half_year, fund))
    return Overview(
        span=span,
        previous_span=previous_span,
        total=total,
        previous=previous,
        digitization=[k for k in digitization.kinds if k.planned or k.done],
        catalogue=[row for row in catalogue.rows if row.before or row.now],
        per_library=per_library,
        kazakh_share=share,
        whole_organization=whole,
    )


def _half_years_until(book: SpanBook, span: Span, count: int) -> list[Span]:
    result = [book.span(span.year, span.half or 2)]
    while len(result) < count:
        result.append(book.previous(result[-1]))
    return list(reversed(result))


def _by_library(queryset, **annotations) -> dict[int, dict]:
    rows = queryset.values("library").annotate(**annotations).order_by()
    return defaultdict(dict, {row["library"]: row for row in rows})


def _per_library(
    organization: Organization, span: Span, libraries: list[Library]
) -> list[tuple[Library, LibraryFigures]]:
    """Each library's figures of `span`, by the report's rules, grouped by library.

    Queries: 6 fund movement + 1 digitized + 2 catalogue + 1 references
    + 1 publications + 2 media + 1 online + 1 events + 3 rows entered = 18.
    """
    ids = [lib.pk for lib in libraries]
    in_span = {"library__in": ids, "date__gte": span.start, "date__lte": span.end}
    in_periods = {"library__in": ids, "period__in": span.period_ids}
    fund = {
        row.library.pk: row
        for row in fund_movement(
            organization=organization,
            start=span.start,
            end=span.end,
            libraries=Library.objects.filter(pk__in=ids),
        ).rows
    }
    digitized = _by_library(
        DigitizedDocument.objects.filter(**in_span),
        d=Sum("documents"),
        p=Sum("pages"),
        rows=Count("pk"),
    )
    before: dict[int, int] = defaultdict(int)
    for row in _latest_counts(ids, span.start):
        before[row["library"]] += row["records"]
    now: dict[int, int] = defaultdict(int)
    counted: dict[int, int] = defaultdict(int)
    for row in _latest_counts(ids, span.day_after):
        now[row["library"]] += row["records"]
        if row["date"] > span.start:
            counted[row["library"]] += 1
    references = _by_library(
        VirtualReferences.objects.filter(**in_periods), n=Sum("count"), rows=Count("pk")
    )
    publications = _by_library(
        Publication.objects.filter(**in_span),
        printed=Count("pk", filter=Q(kind__is_multimedia=False)),
        multimedia=Count("pk", filter=Q(kind__is_multimedia=True)),
    )
    listed = _by_library(
        MediaMention.objects.filter(**in_span),
        m=Count("pk"),
        b=Count("pk", filter=Q(by_librarian=True)),
        t=Count("pk", filter=Q(kind=MediaMention.Kind.TV)),
    )
    totals = _by_library(
        MediaMentionTotal.objects.filter(**in_periods),
        m=Sum("mentions"),
        b=Sum("by_librarians"),
        t=Sum("tv_stories"),
    )
    online = _online_by_library(ids, span.period_ids)
    events = _by_library(Event.objects.filter(**in_span), n=Count("pk"))
    receipts = _by_library(Receipt.objects.filter(**in_span), n=Count("pk"))
    writeoffs = _by_library(WriteOff.objects.filter(**in_span), n=Count("pk"))
    # The opening balance of the span is dated its first day; an inventory at the
    # end is dated the day after.
    snapshots = _by_library(
        FundSnapshot.objects.filter(
            library__in=ids, date__gte=span.start, date__lte=span.day_after
        ),
        n=Count("pk"),
    )

    result = []
    for lib in libraries:
        i = lib.pk
        o = online.get(i, {})
        result.append(
            (
                lib,
                LibraryFigures(
                    fund=fund.get(i, MovementRow(library=lib)),
                    digitized=digitized[i].get("d") or 0,
                    digitized_pages=digitized[i].get("p") or 0,
                    digitized_rows=digitized[i].get("rows") or 0,
                    catalogue_before=before[i],
                    catalogue_now=now[i],
                    catalogue_databases=counted[i],
                    virtual_references=references[i].get("n") or 0,
                    virtual_reference_rows=references[i].get("rows") or 0,
                    publications=publications[i].get("printed") or 0,
                    trailers=publications[i].get("multimedia") or 0,
                    media_mentions=(listed[i].get("m") or 0) + (totals[i].get("m") or 0),
                    media_by_librarians=(listed[i].get("b") or 0) + (totals[i].get("b") or 0),
                    media_tv=(listed[i].get("t") or 0) + (totals[i].get("t") or 0),
                    online_rows=o.get("rows", 0),
                    events=events[i].get("n") or 0,
                    receipt_rows=receipts[i].get("n") or 0,
                    writeoff_rows=writeoffs[i].get("n") or 0,
                    snapshot_rows=snapshots[i].get("n") or 0,
                    **{f: o.get(f, 0) for f in ONLINE_FIGURES},
                ),
            )
        )
    return result


def _online_by_library(library_ids: list[int], period_ids: list[int]) -> dict[int, dict]:
    """Online figures per library, by `events.selectors.online_totals`' rule: per library
    and period the all-platforms row when there is one, else the sum of the platform
    rows. One query."""
    whole = Q(platform__isnull=True)
    rows = (
        OnlineFigures.objects.filter(library__in=library_ids, period__in=period_ids)
        .values("library", "period")
        .annotate(
            n=Count("pk"),
            has_whole=Count("pk", filter=whole),
            **{f"w_{f}": Sum(f, filter=whole) for f in ONLINE_FIGURES},
            **{f"p_{f}": Sum(f, filter=~whole) for f in ONLINE_FIGURES},
        )
        .order_by()
    )
    result: dict[int, dict] = {}
    for row in rows:
        prefix = "w" if row["has_whole"] else "p"
        sums = result.setdefault(row["library"], {"rows": 0, **dict.fromkeys(ONLINE_FIGURES, 0)})
        sums["rows"] += row["n"]
        for f in ONLINE_FIGURES:
            sums[f] += row[f"{prefix}_{f}"] or 0
    return result
