"""Reads of the book fund: a library's fund at a date and the movement in a period.

The fund of a library at the start of a day = its latest snapshot on or before
that day + receipts − write-offs dated from the snapshot up to the day before.
Every function here runs a fixed number of queries whatever the data size.
"""

import bisect
import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Case,
    DateField,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
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


Known = tuple[Copies, bool]  # a fund, and whether a state of it was recorded by then


@dataclass
class FundLedger:
    """The fund of some libraries at some days, read once: `fund_ledger`.

    Holds each library's recorded states (`FundSnapshot`) from the last one on or
    before the earliest day asked for, and its receipts and write-offs since then,
    summed between consecutive boundaries (the days asked for and the states'
    dates). Every fund at one of those days, and every movement between two of
    them, is then a sum of whole buckets: no further query.
    """

    days: tuple[datetime.date, ...]
    boundaries: list[datetime.date]
    states: dict[int, list[tuple[datetime.date, Copies]]]  # per library, by date
    received: dict[int, list[Copies]]  # per library, per bucket (see `_bucket`)
    written_off: dict[int, list[Copies]]

    def _bucket(self, day: datetime.date) -> int:
        """Bucket i holds the movements dated in [boundaries[i-1], boundaries[i])."""
        return bisect.bisect_right(self.boundaries, day)

    def _check(self, day: datetime.date) -> None:
        if day not in self.boundaries:
            raise ValueError(f"the ledger was read without the day {day}")

    def _sum(self, sums: dict[int, list[Copies]], library_id: int, since, until) -> Copies:
        """Movements dated from `since` (None: ever) up to the day before `until`."""
        buckets = sums.get(library_id)
        if not buckets:
            return Copies()
        first = 0 if since is None else self._bucket(since)
        return sum(buckets[first : self._bucket(until)], Copies())

    def movement(self, library_id: int, start, until) -> tuple[Copies, Copies]:
        """(received, written off) dated from `start` up to the day before `until`."""
        self._check(start)
        self._check(until)
        return (
            self._sum(self.received, library_id, start, until),
            self._sum(self.written_off, library_id, start, until),
        )

    def fund_at(self, library_id: int, day: datetime.date) -> Known:
        """The fund at the start of `day`: the latest state on or before it + receipts −
        write-offs dated from the state up to the day before. With no state recorded
        by then, the net of the movements so far (what it adds to the ЦБС's total)."""
        self._check(day)
        state = None
        for date, copies in self.states.get(library_id, ()):
            if date > day:
                break
            state = (date, copies)
        since, base = state if state else (None, Copies())
        received = self._sum(self.received, library_id, since, day)
        written_off = self._sum(self.written_off, library_id, since, day)
        return base + received - written_off, state is not None

    def first_recorded(self, library_id: int, after, until) -> Copies | None:
        """For a library with no state recorded on or before `after`, what its first
        state, dated after `after` up to and including `until`, adds to the ledger:
        the state minus the net of the movements dated before it. None when the
        library's fund was known by `after` or is not recorded by `until`."""
        own = self.states.get(library_id, ())
        if not own or own[0][0] <= after or own[0][0] > until:
            return None
        date, copies = own[0]
        received = self._sum(self.received, library_id, None, date)
        written_off = self._sum(self.written_off, library_id, None, date)
        return copies - (received - written_off)

    def state_between(self, library_id: int, after, until) -> bool:
        """Whether a state was recorded after `after`, up to and including `until`."""
        return any(after < date <= until for date, _c in self.states.get(library_id, ()))


def fund_ledger(library_ids: list[int], days) -> FundLedger:
    """The `FundLedger` of the libraries at `days`. Two queries: the states, the movements.

    Reads no history older than each library's last state on or before the
    earliest day (all of it for a library with no state by then).
    """
    days = tuple(sorted(set(days)))
    first, last = days[0], days[-1]
    baseline = (
        FundSnapshot.objects.filter(library=OuterRef("library"), date__lte=first)
        .order_by("-date")
        .values("date")[:1]
    )
    states: dict[int, list[tuple[datetime.date, Copies]]] = {}
    rows = (
        FundSnapshot.objects.filter(library__in=library_ids, date__lte=last)
        .filter(Q(date__gt=first) | Q(date=Subquery(baseline)))
        .order_by("library", "date")
        .values_list("library", "date", "copies", "copies_kk")
    )
    for library_id, date, copies, copies_kk in rows:
        states.setdefault(library_id, []).append((date, Copies(copies, copies_kk)))
    boundaries = sorted(set(days) | {date for own in states.values() for date, _c in own})
    bucket = Case(
        *(When(date__lt=day, then=Value(i)) for i, day in enumerate(boundaries)),
        default=Value(len(boundaries)),
        output_field=IntegerField(),
    )
    since = Coalesce(Subquery(baseline), Value(datetime.date.min, output_field=DateField()))

    def sums(model, kind):
        return (
            model.objects.filter(library__in=library_ids, date__lt=last)
            .alias(since=since)
            .filter(date__gte=F("since"))
            .annotate(kind=Value(kind), bucket=bucket)
            .values("kind", "library", "bucket")
            .annotate(c=Sum("copies"), k=Sum("copies_kk"))
            .order_by()
        )

    received: dict[int, list[Copies]] = {}
    written_off: dict[int, list[Copies]] = {}
    for row in sums(Receipt, "in").union(sums(WriteOff, "out"), all=True):
        own = (received if row["kind"] == "in" else written_off).setdefault(
            row["library"], [Copies()] * (len(boundaries) + 1)
        )
        own[row["bucket"]] += Copies(row["c"] or 0, row["k"] or 0)
    return FundLedger(days, boundaries, states, received, written_off)


def fund_of_library_at(library: Library, day: datetime.date) -> Copies:
    """Fund of one library at the start of `day`. Two queries."""
    return fund_ledger([library.pk], [day]).fund_at(library.pk, day)[0]


@dataclass
class MovementRow:
    """One row of the fund table: at start / received / written off / first recorded /
    discrepancy / at end.

    One meaning in any span: `start` is the fund at the start of the span's first
    day (a state dated that day is the previous span's closing state, so it is
    read here), `end` the fund at the start of the day after its last day. Both
    are the same function of a date, so a half's start is the previous half's end
    and a year's end is its second half's end. A state recorded inside the span
    that differs from the ledger (start + received − written off) shows as
    `discrepancy` («расхождение по инвентаризации»), never folded into the
    received or written-off figures. A library whose fund was unknown at the start
    and whose first state is recorded inside the span gets that state as
    `first_recorded` («фонд впервые учтён»: the state minus the net of its movements
    before it), not as a discrepancy: nothing was miscounted. So every row and the
    total add up: start + received − written off + first recorded + discrepancy = end.
    """

    library: Library | None  # None for the organization's total row
    start: Copies = field(default_factory=Copies)
    received: Copies = field(default_factory=Copies)
    written_off: Copies = field(default_factory=Copies)
    # State minus ledger, summed over the states recorded inside the span; None when none differ.
    discrepancy: Copies | None = None
    # What the first state of a fund unknown at the start adds; None: no such state.
    first_recorded: Copies | None = None
    # False: no state of the fund recorded by then, the library's own figure is unknown
    # (its `start`/`end` then only carry its movements into the ЦБС's total).
    start_known: bool = True
    end_known: bool = True
    # The fund at the end by the states, when one was recorded inside the span.
    inventory: Copies | None = None

    @property
    def end(self) -> Copies:
        return self.ledger_end + (self.discrepancy or Copies())

    @property
    def ledger_end(self) -> Copies:
        """The end by the ledger alone: start + received − written off (+ a fund
        recorded for the first time)."""
        return self.start + self.received - self.written_off + (self.first_recorded or Copies())


@dataclass
class FundMovement:
    rows: list[MovementRow]
    total: MovementRow

    @property
    def with_first_recorded(self) -> bool:
        """Whether the fund table needs a «фонд впервые учтён» column."""
        return self.total.first_recorded is not None

    @property
    def with_discrepancy(self) -> bool:
        """Whether the fund table needs a «расхождение по инвентаризации» column."""
        return self.total.discrepancy is not None or any(
            row.discrepancy is not None for row in self.rows
        )

    @property
    def unknown(self) -> list[MovementRow]:
        """Libraries with movements or a state whose fund at the start is not recorded."""
        return [
            row
            for row in self.rows
            if not row.start_known
            and (row.received.copies or row.written_off.copies or row.end_known)
        ]


def _movement_row(lib, ledger: FundLedger, start, day_after) -> MovementRow:
    start_fund, start_known = ledger.fund_at(lib.pk, start)
    end_fund, end_known = ledger.fund_at(lib.pk, day_after)
    received, written_off = ledger.movement(lib.pk, start, day_after)
    snapshotted = ledger.state_between(lib.pk, start, day_after)
    row = MovementRow(
        library=lib,
        start=start_fund,
        received=received,
        written_off=written_off,
        start_known=start_known,
        end_known=end_known,
        inventory=end_fund if snapshotted else None,
        first_recorded=None if start_known else ledger.first_recorded(lib.pk, start, day_after),
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
    libraries: QuerySet[Library] | list[Library] | None = None,
    ledger: FundLedger | None = None,
) -> FundMovement:
    """The fund table from `start` to `end` (inclusive), per library and in total.

    Three queries: the libraries (none when given as a list) and the ledger's two
    (none when `ledger`, read with `start` and the day after `end`, is given).
    """
    if libraries is None:
        libraries = Library.objects.filter(organization=organization)
    if not isinstance(libraries, list):
        libraries = list(libraries.order_by("order", "code"))
    day_after = end + datetime.timedelta(days=1)
    if ledger is None:
        ledger = fund_ledger([lib.pk for lib in libraries], [start, day_after])
    rows = [_movement_row(lib, ledger, start, day_after) for lib in libraries]
    total = MovementRow(library=None)
    discrepancy = Copies()
    for row in rows:
        total.start += row.start
        total.received += row.received
        total.written_off += row.written_off
        discrepancy += row.discrepancy or Copies()
        if row.first_recorded is not None:
            total.first_recorded = (total.first_recorded or Copies()) + row.first_recorded
    if discrepancy != Copies():
        total.discrepancy = discrepancy
    if any(row.inventory is not None for row in rows):
        total.inventory = total.end
    return FundMovement(rows=rows, total=total)


def period_fund_movement(period: ReportingPeriod, libraries=None) -> FundMovement:
    return fund_movement(
        organization=period.organization, start=period.start, end=period.end, libraries=libraries
    )


# Added for the report and the dashboard (reports/): period sums by list item.


def budget_by_organization(*, period_ids: list[int]) -> dict[int, Decimal]:
    """{organization id: its acquisition budget of the periods, thousand tenge}, for the
    organizations whose periods are given (a region's ЦБС). One query."""
    from holdings.models import AcquisitionBudget

    rows = (
        AcquisitionBudget.objects.filter(period__in=period_ids)
        .values("organization")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    return {row["organization"]: row["total"] or Decimal(0) for row in rows}


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


def budget_by_source(
    *, organization: Organization | None, period_ids: list[int]
) -> list[ListAmount]:
    """The acquisition budget of the periods per funding source, thousand tenge. One query.

    `organization` None: of every organization whose periods are given (a region's)."""
    from holdings.models import AcquisitionBudget

    owner = {} if organization is None else {"organization": organization}
    rows = (
        AcquisitionBudget.objects.filter(period__in=period_ids, **owner)
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
