"""The report's key figures in one flat dataclass, for the dashboard and the report's head.

Computed by the same selectors as the report itself, so the dashboard and the
report never disagree. A fixed number of queries whatever the data size.
"""

from dataclasses import asdict, dataclass
from decimal import Decimal

from branches.models import Library, Organization
from catalogue.selectors import catalogue_counts, virtual_references_by_library
from digitization.selectors import digitization_summary
from events.selectors import online_totals
from holdings.selectors import budget_by_source, fund_movement
from publications.selectors import media_summary, publication_counts
from reports.periods import Span


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

    def as_dict(self) -> dict:
        return asdict(self)


def library_ids_for(organization: Organization, libraries=None) -> list[int]:
    """Ids of `libraries` (a queryset, a list of libraries or ids), else all the organization's.

    One query, or none for a list.
    """
    if libraries is None:
        return list(Library.objects.filter(organization=organization).values_list("pk", flat=True))
    if hasattr(libraries, "values_list"):
        return list(libraries.filter(organization=organization).values_list("pk", flat=True))
    return [getattr(library, "pk", library) for library in libraries]


def key_figures(*, organization: Organization, span: Span, libraries=None) -> KeyFigures:
    """The key figures of `span`; with `libraries`, of those libraries only.

    Organization-level figures (the budget, the digitization plan) belong to no
    library and are the organization's whatever `libraries` is.
    Queries: 1 library ids + 6 fund + 1 budget + 3 digitization + 3 catalogue
    + 1 references + 1 publications + 2 media + 1 online = 19.
    """
    ids = library_ids_for(organization, libraries)
    fund = fund_movement(
        organization=organization,
        start=span.start,
        end=span.end,
        libraries=Library.objects.filter(pk__in=ids),
    ).total
    budget = budget_by_source(organization=organization, period_ids=span.period_ids)
    digitization = digitization_summary(
        organization=organization,
        period_ids=span.period_ids,
        library_ids=ids,
        start=span.start,
        end=span.end,
        with_books=False,
    )
    catalogue = catalogue_counts(library_ids=ids, start=span.start, day_after=span.day_after)
    references = virtual_references_by_library(library_ids=ids, period_ids=span.period_ids)
    printed, multimedia = publication_counts(library_ids=ids, start=span.start, end=span.end)
    media = media_summary(
        library_ids=ids, period_ids=span.period_ids, start=span.start, end=span.end
    )
    online = online_totals(library_ids=ids, period_ids=span.period_ids)
    return figures_from(
        fund=fund,
        budget=budget,
        digitization=digitization,
        catalogue=catalogue,
        references=sum(references.values()),
        printed=printed,
        multimedia=multimedia,
        media=media,
        online=online,
    )


def figures_from(
    *, fund, budget, digitization, catalogue, references, printed, multimedia, media, online
) -> KeyFigures:
    """KeyFigures from the selectors' results (the builder passes what it already read)."""
    return KeyFigures(
        fund_start=fund.start.copies,
        fund_start_kk=fund.start.copies_kk,
        received=fund.received.copies,
        received_kk=fund.received.copies_kk,
        written_off=fund.written_off.copies,
        written_off_kk=fund.written_off.copies_kk,
        fund_end=fund.end.copies,
        fund_end_kk=fund.end.copies_kk,
        budget=sum((row.money or Decimal(0) for row in budget), Decimal(0)),
        digitization_planned=digitization.planned,
        digitization_done=digitization.done,
        digitization_pages=digitization.pages,
        catalogue_before=catalogue.before,
        catalogue_now=catalogue.now,
        virtual_references=references,
        publications=printed,
        trailers=multimedia,
        media_mentions=media.mentions,
        media_by_librarians=media.by_librarians,
        media_tv=media.tv,
        online_events=online.online_events,
        subscribers=online.subscribers,
        views=online.views,
        posts=online.posts,
    )
