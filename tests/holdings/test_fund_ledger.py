"""The fund ledger read once (`fund_ledger`) gives, at every day asked for, the
fund the rule defines: the latest state on or before the day + receipts −
write-offs from the state up to the day before (with no state: the net of all
movements). Checked against that rule computed naively from the rows."""

import datetime
import random

import pytest

from holdings.models import FundingSource, FundSnapshot, Receipt, WriteOff, WriteOffReason
from holdings.selectors import Copies, fund_ledger

D = datetime.date
pytestmark = pytest.mark.django_db


def naive_fund(rows, library_id, day) -> tuple[Copies, bool]:
    states = sorted(
        (r for r in rows if r[0] == "state" and r[1] == library_id and r[2] <= day),
        key=lambda r: r[2],
    )
    since = states[-1][2] if states else D.min
    fund = Copies(*states[-1][3:]) if states else Copies()
    for kind, lib, date, copies, copies_kk in rows:
        if lib == library_id and since <= date < day and kind != "state":
            sign = 1 if kind == "in" else -1
            fund += Copies(sign * copies, sign * copies_kk)
    return fund, bool(states)


@pytest.fixture
def history(library, other_library):
    """Two years of random receipts and write-offs; the first library has an
    opening state and two inventories, the other none at all."""
    rng = random.Random(14)
    source = FundingSource.objects.get(code="local-budget")
    reason = WriteOffReason.objects.get(code="wear")
    rows = [
        ("state", library.pk, D(2020, 1, 1), 5000, 1000),
        ("state", library.pk, D(2020, 9, 15), 5200, 1100),
        ("state", library.pk, D(2021, 7, 1), 5300, 1200),
    ]
    for lib in (library, other_library):
        for _n in range(60):
            date = D(2020, 1, 1) + datetime.timedelta(days=rng.randrange(730))
            copies = rng.randint(1, 40)
            rows.append(("in", lib.pk, date, copies, copies // 3))
            if rng.random() < 0.3:
                rows.append(("out", lib.pk, date, copies // 4, 0))
    FundSnapshot.objects.bulk_create(
        FundSnapshot(library_id=lib, date=date, copies=c, copies_kk=k)
        for kind, lib, date, c, k in rows
        if kind == "state"
    )
    Receipt.objects.bulk_create(
        Receipt(library_id=lib, date=date, source=source, copies=c, copies_kk=k)
        for kind, lib, date, c, k in rows
        if kind == "in"
    )
    WriteOff.objects.bulk_create(
        WriteOff(library_id=lib, date=date, reason=reason, copies=c, copies_kk=k)
        for kind, lib, date, c, k in rows
        if kind == "out"
    )
    return rows


DAYS = [D(2020, 1, 1), D(2020, 7, 1), D(2020, 9, 15), D(2020, 10, 1), D(2021, 1, 1),
        D(2021, 7, 1), D(2021, 7, 2), D(2022, 1, 1)]  # fmt: skip


@pytest.mark.parametrize("first", range(len(DAYS) - 1))
def test_every_day_read_at_once_matches_the_rule(
    history, library, other_library, first, django_assert_num_queries
):
    days = DAYS[first:]
    with django_assert_num_queries(2):
        ledger = fund_ledger([library.pk, other_library.pk], days)
    for lib in (library, other_library):
        for day in days:
            assert ledger.fund_at(lib.pk, day) == naive_fund(history, lib.pk, day), (lib, day)


def test_the_movement_between_two_days_and_the_states_inside(history, library):
    start, day_after = D(2020, 7, 1), D(2021, 1, 1)
    ledger = fund_ledger([library.pk], [start, day_after])
    inside = [r for r in history if r[1] == library.pk and start <= r[2] < day_after]
    assert ledger.movement(library.pk, start, day_after) == (
        sum((Copies(*r[3:]) for r in inside if r[0] == "in"), Copies()),
        sum((Copies(*r[3:]) for r in inside if r[0] == "out"), Copies()),
    )
    assert ledger.state_between(library.pk, start, day_after)  # the inventory of 2020-09-15
    assert not ledger.state_between(library.pk, D(2021, 1, 1), D(2021, 6, 30))


def test_a_day_not_read_is_refused_rather_than_guessed(history, library):
    ledger = fund_ledger([library.pk], [D(2021, 1, 1)])
    with pytest.raises(ValueError):
        ledger.fund_at(library.pk, D(2021, 2, 1))
