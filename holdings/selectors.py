"""Reads of the book fund: a library's fund at a date and the movement in a period.

The fund of a library at the start of a day = its latest snapshot on or before
that day + receipts − write-offs dated from the snapshot up to the day before.
Every function here runs a fixed number of queries whatever the data size.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import IntegerField, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from branches.models import Library, Organization, ReportingPeriod
from holdings.models import FundSnapshot, Receipt, WriteOff

FUND_WOULD_GO_NEGATIVE = _(
    "После этого списания фонд библиотеки на %(date)s станет отрицательным: "
    "в фонде %(available)s экз. (на казахском — %(available_kk)s), списывается %(copies)s "
    "(на казахском — %(copies_kk)s). Проверьте количество или внесите начальный остаток фонда."
)


@dataclass(frozen=True)
class Copies:
    copies: int = 0
    copies_kk: int = 0

    def __add__(self, other: "Copies") -> "Copies":
        return Copies(self.copies + other.copies, self.copies_kk + other.copies_kk)

    def __sub__(self, other: "Copies") -> "Copies":
        return Copies(self.copies - other.copies, self.copies_kk - other.copies_kk)


def fund_at_start_of(
    day: datetime.date, libraries: QuerySet[Library] | None = None
) -> dict[int, Copies]:
    """Fund of each library at the start of `day`, as {library id: Copies}. One query."""
    libraries = libraries if libraries is not None else Library.objects.all()
    latest = FundSnapshot.objects.filter(library=OuterRef("pk"), date__lte=day).order_by("-date")
    zero = Value(0, output_field=IntegerField())

    def total(model, column):
        base = model.objects.filter(library=OuterRef("pk"), date__lt=day)
        with_snapshot = base.filter(date__gte=OuterRef("snapshot_date"))
        return (
            Coalesce(
                Subquery(
                    with_snapshot.values("library").annotate(s=Sum(column)).values("s")[:1],
                    output_field=IntegerField(),
                ),
                zero,
            ),
            Coalesce(
                Subquery(
                    base.values("library").annotate(s=Sum(column)).values("s")[:1],
                    output_field=IntegerField(),
                ),
                zero,
            ),
        )

    annotated = libraries.annotate(
        snapshot_date=Subquery(latest.values("date")[:1]),
        snapshot_copies=Coalesce(Subquery(latest.values("copies")[:1]), zero),
        snapshot_copies_kk=Coalesce(Subquery(latest.values("copies_kk")[:1]), zero),
    )
    columns = {}
    for prefix, model in (("in", Receipt), ("out", WriteOff)):
        for column in ("copies", "copies_kk"):
            since, ever = total(model, column)
            columns[f"{prefix}_{column}_since"] = since
            columns[f"{prefix}_{column}_ever"] = ever
    annotated = annotated.annotate(**columns)

    result = {}
    for row in annotated.values(
        "pk", "snapshot_date", "snapshot_copies", "snapshot_copies_kk", *columns
    ):
        suffix = "since" if row["snapshot_date"] is not None else "ever"
        result[row["pk"]] = Copies(
            row["snapshot_copies"] + row[f"in_copies_{suffix}"] - row[f"out_copies_{suffix}"],
            row["snapshot_copies_kk"]
            + row[f"in_copies_kk_{suffix}"]
            - row[f"out_copies_kk_{suffix}"],
        )
    return result


def fund_of_library_at(library: Library, day: datetime.date) -> Copies:
    """Fund of one library at the start of `day`."""
    return fund_at_start_of(day, Library.objects.filter(pk=library.pk)).get(library.pk, Copies())


def writeoff_overdraw_error(writeoff: WriteOff):
    """The message to show when saving `writeoff` would take the fund below zero, else None.

    Checked at the end of the write-off's day and at every later snapshot-free
    point is the same thing for a single row, so the end of its day suffices.
    """
    if not (writeoff.library_id and writeoff.date and writeoff.copies is not None):
        return None
    day_after = writeoff.date + datetime.timedelta(days=1)
    fund = fund_of_library_at(writeoff.library, day_after)
    if writeoff.pk:
        # Editing: the stored version of this row is already in the fund.
        stored = (
            WriteOff.objects.filter(pk=writeoff.pk)
            .values("copies", "copies_kk", "date", "library_id")
            .first()
        )
        if stored and stored["library_id"] == writeoff.library_id and stored["date"] < day_after:
            fund = fund + Copies(stored["copies"], stored["copies_kk"])
    after = fund - Copies(writeoff.copies or 0, writeoff.copies_kk or 0)
    if after.copies >= 0 and after.copies_kk >= 0:
        return None
    return ValidationError(
        FUND_WOULD_GO_NEGATIVE,
        params={
            "date": writeoff.date.strftime("%d.%m.%Y"),
            "available": fund.copies,
            "available_kk": fund.copies_kk,
            "copies": writeoff.copies,
            "copies_kk": writeoff.copies_kk or 0,
        },
    )


@dataclass
class MovementRow:
    """One row of the fund table: at start / received / written off / at end."""

    library: Library | None  # None for the organization's total row
    start: Copies = field(default_factory=Copies)
    received: Copies = field(default_factory=Copies)
    written_off: Copies = field(default_factory=Copies)
    # The fund at the end by the latest snapshot, when a snapshot (an inventory)
    # was taken inside the period: it may disagree with the ledger's end.
    inventory: Copies | None = None

    @property
    def end(self) -> Copies:
        return self.start + self.received - self.written_off

    @property
    def discrepancy(self) -> Copies | None:
        """Inventory minus ledger at the end, when an inventory disagrees."""
        if self.inventory is None or self.inventory == self.end:
            return None
        return self.inventory - self.end


@dataclass
class FundMovement:
    rows: list[MovementRow]
    total: MovementRow


def _sums_by_library(model, libraries, start, end_exclusive) -> dict[int, Copies]:
    rows = (
        model.objects.filter(library__in=libraries, date__gte=start, date__lt=end_exclusive)
        .values("library")
        .annotate(c=Sum("copies"), k=Sum("copies_kk"))
    )
    return {r["library"]: Copies(r["c"] or 0, r["k"] or 0) for r in rows}


def fund_movement(
    *,
    organization: Organization,
    start: datetime.date,
    end: datetime.date,
    libraries: QuerySet[Library] | None = None,
) -> FundMovement:
    """The fund table from `start` to `end` (inclusive), per library and in total.

    Six queries: libraries, fund at start, receipts, write-offs, snapshots
    inside the period, fund at the end by the snapshots.
    """
    if libraries is None:
        libraries = Library.objects.filter(organization=organization)
    libraries = list(libraries.order_by("order", "code"))
    ids = [lib.pk for lib in libraries]
    library_qs = Library.objects.filter(pk__in=ids)
    day_after = end + datetime.timedelta(days=1)
    start_fund = fund_at_start_of(start, library_qs)
    received = _sums_by_library(Receipt, ids, start, day_after)
    written = _sums_by_library(WriteOff, ids, start, day_after)
    snapshotted = set(
        FundSnapshot.objects.filter(library__in=ids, date__gt=start, date__lte=day_after)
        .values_list("library", flat=True)
        .distinct()
    )
    end_fund = fund_at_start_of(day_after, library_qs)
    inventories = {pk: end_fund.get(pk, Copies()) for pk in snapshotted}
    rows = [
        MovementRow(
            library=lib,
            start=start_fund.get(lib.pk, Copies()),
            received=received.get(lib.pk, Copies()),
            written_off=written.get(lib.pk, Copies()),
            inventory=inventories.get(lib.pk),
        )
        for lib in libraries
    ]
    total = MovementRow(library=None)
    for row in rows:
        total.start += row.start
        total.received += row.received
        total.written_off += row.written_off
    if inventories:
        total.inventory = sum((inventories.get(r.library.pk, r.end) for r in rows), Copies())
    return FundMovement(rows=rows, total=total)


def period_fund_movement(period: ReportingPeriod, libraries=None) -> FundMovement:
    return fund_movement(
        organization=period.organization, start=period.start, end=period.end, libraries=libraries
    )


# Added for the report and the dashboard (reports/): period sums by list item.


@dataclass(frozen=True)
class ListAmount:
    """A sum for one value of a pick list (a funding source, a write-off reason)."""

    code: str
    name_ru: str
    name_kk: str
    amount: Copies = field(default_factory=Copies)
    money: Decimal | None = None  # thousand tenge, for budgets

    def name(self, language: str = "ru") -> str:
        return self.name_kk if language == "kk" and self.name_kk else self.name_ru


def budget_by_source(*, organization: Organization, period_ids: list[int]) -> list[ListAmount]:
    """The acquisition budget of the periods per funding source, thousand tenge. One query."""
    from holdings.models import AcquisitionBudget

    rows = (
        AcquisitionBudget.objects.filter(organization=organization, period__in=period_ids)
        .values("source__code", "source__name_ru", "source__name_kk", "source__order")
        .annotate(total=Sum("amount"))
        .order_by("source__order", "source__code")
    )
    return [
        ListAmount(r["source__code"], r["source__name_ru"], r["source__name_kk"], money=r["total"])
        for r in rows
    ]


def _copies_by_item(model, item: str, library_ids, start, end) -> list[ListAmount]:
    rows = (
        model.objects.filter(
            library__in=library_ids, date__gte=start, date__lt=end + datetime.timedelta(days=1)
        )
        .values(f"{item}__code", f"{item}__name_ru", f"{item}__name_kk", f"{item}__order")
        .annotate(c=Sum("copies"), k=Sum("copies_kk"))
        .order_by(f"{item}__order", f"{item}__code")
    )
    return [
        ListAmount(
            r[f"{item}__code"], r[f"{item}__name_ru"], r[f"{item}__name_kk"], Copies(r["c"], r["k"])
        )
        for r in rows
    ]


def receipts_by_source(
    *, library_ids: list[int], start: datetime.date, end: datetime.date
) -> list[ListAmount]:
    """Copies received from `start` to `end` (inclusive) per funding source. One query."""
    return _copies_by_item(Receipt, "source", library_ids, start, end)


def writeoffs_by_reason(
    *, library_ids: list[int], start: datetime.date, end: datetime.date
) -> list[ListAmount]:
    """Copies written off from `start` to `end` (inclusive) per reason. One query."""
    return _copies_by_item(WriteOff, "reason", library_ids, start, end)
