"""Reads of the book fund: a library's fund at a date and the movement in a period.

The fund of a library at the start of a day = its latest snapshot on or before
that day + receipts − write-offs dated from the snapshot up to the day before.
Every function here runs a fixed number of queries whatever the data size.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import IntegerField, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from branches.models import Library, Organization, ReportingPeriod
from holdings.models import FundSnapshot, Receipt, WriteOff


@dataclass(frozen=True)
class Copies:
    copies: int = 0
    copies_kk: int = 0

    def __add__(self, other: "Copies") -> "Copies":
        return Copies(self.copies + other.copies, self.copies_kk + other.copies_kk)

    def __sub__(self, other: "Copies") -> "Copies":
        return Copies(self.copies - other.copies, self.copies_kk - other.copies_kk)


def _funds_at_start_of(
    day: datetime.date, libraries: QuerySet[Library] | None = None
) -> dict[int, tuple[Copies, bool]]:
    """{library id: (fund at the start of `day`, whether a state was recorded by then)}.

    A library with no recorded state on or before `day` has an unknown fund; its
    figure here is the net of its movements so far, which is what it adds to the
    ЦБС's total. One query.
    """
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
        known = row["snapshot_date"] is not None
        suffix = "since" if known else "ever"
        fund = Copies(
            row["snapshot_copies"] + row[f"in_copies_{suffix}"] - row[f"out_copies_{suffix}"],
            row["snapshot_copies_kk"]
            + row[f"in_copies_kk_{suffix}"]
            - row[f"out_copies_kk_{suffix}"],
        )
        result[row["pk"]] = (fund, known)
    return result


def fund_at_start_of(
    day: datetime.date, libraries: QuerySet[Library] | None = None
) -> dict[int, Copies]:
    """Fund of each library at the start of `day`, as {library id: Copies}. One query.

    For a library with no recorded state yet, the net of its movements: summed
    over libraries, that is the ЦБС's fund.
    """
    return {pk: fund for pk, (fund, _known) in _funds_at_start_of(day, libraries).items()}


def fund_of_library_at(library: Library, day: datetime.date) -> Copies:
    """Fund of one library at the start of `day`."""
    return fund_at_start_of(day, Library.objects.filter(pk=library.pk)).get(library.pk, Copies())


@dataclass
class MovementRow:
    """One row of the fund table: at start / received / written off / discrepancy / at end.

    One meaning in any span: `start` is the fund at the start of the span's first
    day (a state dated that day is the previous span's closing state, so it is
    read here), `end` the fund at the start of the day after its last day. Both
    are the same function of a date, so a half's start is the previous half's end
    and a year's end is its second half's end. A state recorded inside the span
    that differs from the ledger (start + received − written off) shows as
    `discrepancy` («расхождение по инвентаризации»), never folded into the
    received or written-off figures.
    """

    library: Library | None  # None for the organization's total row
    start: Copies = field(default_factory=Copies)
    received: Copies = field(default_factory=Copies)
    written_off: Copies = field(default_factory=Copies)
    # State minus ledger, summed over the states recorded inside the span; None when none differ.
    discrepancy: Copies | None = None
    # False: no state of the fund recorded by then, the library's own figure is unknown
    # (its `start`/`end` then only carry its movements into the ЦБС's total).
    start_known: bool = True
    end_known: bool = True
    # The fund at the end by the states, when one was recorded inside the span.
    inventory: Copies | None = None

    @property
    def end(self) -> Copies:
        return self.start + self.received - self.written_off + (self.discrepancy or Copies())

    @property
    def ledger_end(self) -> Copies:
        """The end by the ledger alone: start + received − written off."""
        return self.start + self.received - self.written_off


@dataclass
class FundMovement:
    rows: list[MovementRow]
    total: MovementRow

    @property
    def unknown(self) -> list[MovementRow]:
        """Libraries with movements or a state whose fund at the start is not recorded."""
        return [
            row
            for row in self.rows
            if not row.start_known
            and (row.received.copies or row.written_off.copies or row.end_known)
        ]


def _sums_by_library(model, libraries, start, end_exclusive) -> dict[int, Copies]:
    rows = (
        model.objects.filter(library__in=libraries, date__gte=start, date__lt=end_exclusive)
        .values("library")
        .annotate(c=Sum("copies"), k=Sum("copies_kk"))
    )
    return {r["library"]: Copies(r["c"] or 0, r["k"] or 0) for r in rows}


def _movement_row(lib, start, end, received, written, snapshotted) -> MovementRow:
    (start_fund, start_known), (end_fund, end_known) = start, end
    row = MovementRow(
        library=lib,
        start=start_fund,
        received=received,
        written_off=written,
        start_known=start_known,
        end_known=end_known,
        inventory=end_fund if snapshotted else None,
    )
    difference = end_fund - row.ledger_end
    if difference != Copies():
        row.discrepancy = difference
    return row


def fund_movement(
    *,
    organization: Organization,
    start: datetime.date,
    end: datetime.date,
    libraries: QuerySet[Library] | None = None,
) -> FundMovement:
    """The fund table from `start` to `end` (inclusive), per library and in total.

    Six queries: libraries, fund at start, receipts, write-offs, states inside
    the span, fund at the end.
    """
    if libraries is None:
        libraries = Library.objects.filter(organization=organization)
    libraries = list(libraries.order_by("order", "code"))
    ids = [lib.pk for lib in libraries]
    library_qs = Library.objects.filter(pk__in=ids)
    day_after = end + datetime.timedelta(days=1)
    unknown = (Copies(), False)
    start_fund = _funds_at_start_of(start, library_qs)
    received = _sums_by_library(Receipt, ids, start, day_after)
    written = _sums_by_library(WriteOff, ids, start, day_after)
    snapshotted = set(
        FundSnapshot.objects.filter(library__in=ids, date__gt=start, date__lte=day_after)
        .values_list("library", flat=True)
        .distinct()
    )
    end_fund = _funds_at_start_of(day_after, library_qs)
    rows = [
        _movement_row(
            lib,
            start_fund.get(lib.pk, unknown),
            end_fund.get(lib.pk, unknown),
            received.get(lib.pk, Copies()),
            written.get(lib.pk, Copies()),
            lib.pk in snapshotted,
        )
        for lib in libraries
    ]
    total = MovementRow(library=None)
    discrepancy = Copies()
    for row in rows:
        total.start += row.start
        total.received += row.received
        total.written_off += row.written_off
        discrepancy += row.discrepancy or Copies()
    if discrepancy != Copies():
        total.discrepancy = discrepancy
    if snapshotted:
        total.inventory = total.end
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
