"""Reads of the electronic catalogue for the report and the dashboard.

A database's size at a date is, per library, its latest record count on or
before that date, summed over the libraries. Fixed number of queries.
"""

import datetime
from dataclasses import dataclass

from django.db.models import F, OuterRef, Subquery, Sum, Value

from catalogue.models import CatalogueDatabase, RecordCount, VirtualReferences


@dataclass(frozen=True)
class CatalogueRow:
    code: str
    name_ru: str
    name_kk: str
    before: int
    now: int

    def name(self, language: str = "ru") -> str:
        return self.name_kk if language == "kk" and self.name_kk else self.name_ru

    @property
    def fell(self) -> bool:
        return self.now < self.before


@dataclass(frozen=True)
class LibraryCatalogue:
    """One library's records in all databases at the span's start and at its end."""

    before: int = 0
    now: int = 0


@dataclass
class CatalogueCounts:
    rows: list[CatalogueRow]
    # Per library: the same counts, summed over its databases.
    by_library: dict[int, LibraryCatalogue]

    @property
    def before(self) -> int:
        return sum(row.before for row in self.rows)

    @property
    def now(self) -> int:
        return sum(row.now for row in self.rows)


def _latest_counts(library_ids: list[int], days: list[datetime.date]) -> list[dict]:
    """Per day, library and database: the latest count on or before the day. One query."""

    def at(index, day):
        latest = RecordCount.objects.filter(
            library=OuterRef("library"), database=OuterRef("database"), date__lte=day
        ).order_by("-date")
        return (
            RecordCount.objects.filter(library__in=library_ids, date__lte=day)
            .annotate(latest=Subquery(latest.values("date")[:1]), at=Value(index))
            .filter(date=F("latest"))
            .values("at", "library", "database", "records")
            .order_by()
        )

    first, *others = [at(index, day) for index, day in enumerate(days)]
    return list(first.union(*others, all=True)) if others else list(first)


def catalogue_counts(
    *, library_ids: list[int], start: datetime.date, day_after: datetime.date
) -> CatalogueCounts:
    """Per catalogue database: records at `start` ("было") and at `day_after` ("состоит").

    Two queries: the databases, the counts at the start and at the end.
    Databases that are no longer used still show while they have records.
    """
    databases = list(CatalogueDatabase.objects.order_by("order", "name_ru"))
    counts = {0: ({}, {}), 1: ({}, {})}  # at: (per database, per library)
    for row in _latest_counts(library_ids, [start, day_after]):
        per_database, per_library = counts[row["at"]]
        per_database[row["database"]] = per_database.get(row["database"], 0) + row["records"]
        per_library[row["library"]] = per_library.get(row["library"], 0) + row["records"]
    (before, library_before), (now, library_now) = counts[0], counts[1]
    rows = [
        CatalogueRow(db.code, db.name_ru, db.name_kk, before.get(db.pk, 0), now.get(db.pk, 0))
        for db in databases
        if db.is_active or db.pk in before or db.pk in now
    ]
    by_library = {
        pk: LibraryCatalogue(library_before.get(pk, 0), library_now.get(pk, 0))
        for pk in set(library_before) | set(library_now)
    }
    return CatalogueCounts(rows=rows, by_library=by_library)


def virtual_references_by_library(*, library_ids: list[int], period_ids: list[int]) -> dict:
    """{library id: references answered in the periods}. One query."""
    rows = (
        VirtualReferences.objects.filter(library__in=library_ids, period__in=period_ids)
        .order_by()  # the model's ordering would join the libraries and periods for nothing
        .values("library")
        .annotate(total=Sum("count"))
    )
    return {r["library"]: r["total"] or 0 for r in rows}
