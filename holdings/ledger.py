"""The fund ledger's invariant: a library's running balance never goes below zero.

One service for every door. The balance of a library at the end of a day =
its latest state (`FundSnapshot`, the fund at the start of a day) + receipts −
write-offs dated from that state up to and including the day. A library with no
recorded state has an unknown fund: the rule applies from its first recorded
state on. After any create, change or delete of a receipt, a write-off or a
state, the balance from the earliest affected date onward is walked day by day,
for copies and for copies in Kazakh, under a lock of the library's row, so two
writers of one library queue and the second sees the first one's rows.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Sum
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from branches.facts import WriteRefused, lock_libraries
from branches.models import Library

FUND_WOULD_GO_NEGATIVE = _(
    "После этого изменения фонд библиотеки «%(library)s» к концу дня %(date)s ушёл бы в "
    "минус: не хватило бы %(short)s; списано было бы "
    "больше, чем было в фонде: проверьте количество и дату или внесите состояние фонда."
)
# What is short: the Kazakh copies are named only when they are short too.
SHORT_COPIES = _("%(copies)s экз.")
SHORT_COPIES_AND_KK = _("%(copies)s экз. (на казахском — %(kk)s)")
SHORT_KK_ONLY = _("%(kk)s экз. на казахском языке")

RECEIPT, WRITE_OFF, STATE = "receipt", "writeoff", "state"


@dataclass(frozen=True)
class Entry:
    """One ledger row as it is (or would be): a receipt, a write-off or a state."""

    kind: str
    pk: int | None
    date: datetime.date
    copies: int
    copies_kk: int


def entry_of(row) -> Entry | None:
    """The ledger entry of a Receipt, WriteOff or FundSnapshot (None if incomplete)."""
    if row is None or row.date is None or row.copies is None:
        return None
    return Entry(row.ledger_kind, row.pk, row.date, row.copies, row.copies_kk or 0)


@dataclass(frozen=True)
class Overdraw:
    date: datetime.date
    copies: int
    copies_kk: int


def ledger_overdraw(
    library_id: int, since: datetime.date, *, removed=(), added=()
) -> Overdraw | None:
    """The first day from `since` on whose balance would go below zero, else None.

    `removed` and `added` are entries as they would be after a pending write
    (the stored and the new version of a row being saved); without them the
    database is checked as it is. Four queries.
    """
    # By label: the models call this module as they save, so it can't import them back.
    FundSnapshot, Receipt, WriteOff = (  # noqa: N806
        apps.get_model("holdings", name) for name in ("FundSnapshot", "Receipt", "WriteOff")
    )
    gone = defaultdict(set)
    for entry in removed:
        if entry is not None and entry.pk is not None:
            gone[entry.kind].add(entry.pk)
    added = [entry for entry in added if entry is not None]
    states = {
        day: (copies, kk)
        for day, copies, kk in FundSnapshot.objects.filter(library_id=library_id)
        .exclude(pk__in=gone[STATE])
        .values_list("date", "copies", "copies_kk")
    }
    states.update({e.date: (e.copies, e.copies_kk) for e in added if e.kind == STATE})
    before = [day for day in states if day <= since]
    after = [day for day in states if day > since]
    if before:
        start = max(before)
    elif after:
        start = min(after)  # the fund is unknown until its first recorded state
    else:
        return None
    moves = defaultdict(lambda: [0, 0])
    for model, kind, sign in ((Receipt, RECEIPT, 1), (WriteOff, WRITE_OFF, -1)):
        rows = (
            model.objects.filter(library_id=library_id, date__gte=start)
            .exclude(pk__in=gone[kind])
            .values("date")
            .annotate(c=Sum("copies"), k=Sum("copies_kk"))
        )
        for row in rows:
            moves[row["date"]][0] += sign * row["c"]
            moves[row["date"]][1] += sign * row["k"]
        for e in added:
            if e.kind == kind and e.date >= start:
                moves[e.date][0] += sign * e.copies
                moves[e.date][1] += sign * e.copies_kk
    copies = kk = 0
    for day in sorted({d for d in states if d >= start} | set(moves)):
        if day in states:
            copies, kk = states[day]
        copies, kk = copies + moves[day][0], kk + moves[day][1]
        if day >= since and (copies < 0 or kk < 0):
            return Overdraw(day, copies, kk)
    return None


def overdraw_error(library, overdraw: Overdraw) -> WriteRefused:
    return WriteRefused(
        FUND_WOULD_GO_NEGATIVE,
        params={
            "library": library,
            "date": overdraw.date.strftime("%d.%m.%Y"),
            "short": _short(max(0, -overdraw.copies), max(0, -overdraw.copies_kk)),
        },
    )


def _short(copies: int, kk: int) -> str:
    """«10 000 экз. (на казахском — 3)», the counts grouped in the active language."""
    figures = {
        "copies": number_format(copies, use_l10n=True, force_grouping=True),
        "kk": number_format(kk, use_l10n=True, force_grouping=True),
    }
    if not kk:
        return SHORT_COPIES % figures
    return (SHORT_COPIES_AND_KK if copies else SHORT_KK_ONLY) % figures


def ledger_check_pending(row) -> None:
    """Refuse saving `row` (a receipt, write-off or state) if it would overdraw the fund.

    For forms and imports: checks the row as typed against the database, with
    the library locked when inside a transaction (the admin's request is one),
    so the figure the user is told about is the one the save will meet.
    """
    if row.library_id is None:
        return
    stored = row.stored_version(lock=True)
    if stored is None and row.ledger_kind == RECEIPT:
        return  # a new receipt only adds to the fund
    lock_libraries([row.library_id, stored.library_id if stored else None])
    old, new = entry_of(stored), entry_of(row)
    libraries = {row.library_id: [new]}
    if stored is not None:
        libraries.setdefault(stored.library_id, [])
    for library_id, added in libraries.items():
        removed = [old] if stored is not None and stored.library_id == library_id else []
        dates = [e.date for e in (*removed, *added) if e is not None]
        if not dates:
            continue
        overdraw = ledger_overdraw(library_id, min(dates), removed=removed, added=added)
        if overdraw is not None:
            library = row.library if library_id == row.library_id else stored.library
            raise overdraw_error(library, overdraw)


def ledger_check_written(rows) -> None:
    """After rows were written (old and new versions): the database as it is now."""
    since = {}
    for row in rows:
        if row.library_id is None or row.date is None:
            continue
        day = since.get(row.library_id)
        since[row.library_id] = row.date if day is None else min(day, row.date)
    lock_libraries(since)
    for library_id, day in sorted(since.items()):
        overdraw = ledger_overdraw(library_id, day)
        if overdraw is not None:
            raise overdraw_error(Library.objects.get(pk=library_id), overdraw)
