"""Reads of digitization for the report and the dashboard: plan and done per kind."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Sum

from digitization.models import DigitizationPlan, DigitizedDocument, DocumentKind

BOOKS = "books"


@dataclass(frozen=True)
class KindRow:
    code: str
    name_ru: str
    name_kk: str
    planned: int
    done: int  # documents
    pages: int
    sources: tuple[str, ...] = ()  # newspapers the articles came from, as entered

    def name(self, language: str = "ru") -> str:
        return self.name_kk if language == "kk" and self.name_kk else self.name_ru


@dataclass(frozen=True)
class Done:
    """Documents and pages digitized by one library."""

    documents: int = 0
    pages: int = 0


@dataclass
class Digitization:
    kinds: list[KindRow]
    books: list[DigitizedDocument] = field(default_factory=list)
    # Per library: what it digitized in the span (the kinds' rows add these up).
    by_library: dict[int, Done] = field(default_factory=dict)

    @property
    def planned(self) -> int:
        return sum(row.planned for row in self.kinds)

    @property
    def done(self) -> int:
        return sum(row.done for row in self.kinds)

    @property
    def pages(self) -> int:
        return sum(row.pages for row in self.kinds)


def plans_by_organization(*, period_ids: list[int]) -> dict[int, int]:
    """{organization id: documents planned for digitization in the periods}, for the
    organizations whose periods are given (a region's ЦБС). One query."""
    rows = (
        DigitizationPlan.objects.filter(period__in=period_ids)
        .values("organization")
        .annotate(total=Sum("planned"))
        .order_by()
    )
    return {row["organization"]: row["total"] or 0 for row in rows}


def digitization_summary(
    *,
    organization,
    period_ids: list[int],
    library_ids: list[int],
    start: datetime.date,
    end: datetime.date,
    with_books: bool = True,
) -> Digitization:
    """Plan and done per kind of document, and the digitized books of the span.

    Four queries (three without the books): kinds, plans, documents done per
    kind and library, the books. The plan belongs to the organization, so it is
    the organization's whatever libraries are asked for; `organization` None: the plans
    of every organization whose periods are given (a region's).
    """
    kinds = list(DocumentKind.objects.order_by("order", "name_ru"))
    owner = {} if organization is None else {"organization": organization}
    plans = dict(
        DigitizationPlan.objects.filter(period__in=period_ids, **owner)
        .values("kind")
        .annotate(total=Sum("planned"))
        .values_list("kind", "total")
    )
    done_rows = (
        DigitizedDocument.objects.filter(library__in=library_ids, date__gte=start, date__lte=end)
        .values("kind", "library", "source")
        .annotate(documents=Sum("documents"), pages=Sum("pages"))
        .order_by("kind", "source")
    )
    done: dict[int, list[int]] = {}
    sources: dict[int, list[str]] = {}
    by_library: dict[int, Done] = {}
    for row in done_rows:
        documents, pages = row["documents"] or 0, row["pages"] or 0
        totals = done.setdefault(row["kind"], [0, 0])
        totals[0] += documents
        totals[1] += pages
        mine = by_library.get(row["library"], Done())
        by_library[row["library"]] = Done(mine.documents + documents, mine.pages + pages)
        if row["source"] and row["source"] not in sources.setdefault(row["kind"], []):
            sources[row["kind"]].append(row["source"])
    rows = [
        KindRow(
            kind.code,
            kind.name_ru,
            kind.name_kk,
            plans.get(kind.pk) or 0,
            done.get(kind.pk, [0, 0])[0],
            done.get(kind.pk, [0, 0])[1],
            tuple(sources.get(kind.pk, [])),
        )
        for kind in kinds
        if kind.is_active or kind.pk in plans or kind.pk in done
    ]
    books = []
    if with_books:
        books = list(
            DigitizedDocument.objects.filter(
                library__in=library_ids, date__gte=start, date__lte=end, kind__code=BOOKS
            ).order_by("date", "pk")
        )
    return Digitization(kinds=rows, books=books, by_library=by_library)
