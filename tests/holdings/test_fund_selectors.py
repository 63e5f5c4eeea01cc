import datetime

import pytest
from django.core.exceptions import ValidationError

from holdings.models import FundingSource, FundSnapshot, Receipt, WriteOff, WriteOffReason
from holdings.selectors import Copies, fund_of_library_at, period_fund_movement

D = datetime.date


@pytest.fixture
def ledger(library, other_library, period):
    FundSnapshot.objects.create(library=library, date=D(2021, 1, 1), copies=1000, copies_kk=300)
    FundSnapshot.objects.create(library=other_library, date=D(2021, 1, 1), copies=50, copies_kk=5)
    source = FundingSource.objects.get(code="local-budget")
    reason = WriteOffReason.objects.get(code="wear")
    Receipt.objects.create(
        library=library, date=D(2021, 2, 1), source=source, copies=100, copies_kk=40
    )
    Receipt.objects.create(
        library=library, date=D(2021, 7, 1), source=source, copies=7, copies_kk=7
    )
    WriteOff.objects.create(
        library=library, date=D(2021, 3, 1), reason=reason, copies=30, copies_kk=10
    )
    return library


def test_fund_at_a_date_is_snapshot_plus_receipts_minus_writeoffs(ledger):
    assert fund_of_library_at(ledger, D(2021, 1, 1)) == Copies(1000, 300)
    assert fund_of_library_at(ledger, D(2021, 2, 2)) == Copies(1100, 340)
    assert fund_of_library_at(ledger, D(2021, 7, 1)) == Copies(1070, 330)
    assert fund_of_library_at(ledger, D(2021, 7, 2)) == Copies(1077, 337)


def test_a_later_inventory_snapshot_restarts_the_ledger(ledger):
    FundSnapshot.objects.create(
        library=ledger, date=D(2021, 5, 1), kind="inventory", copies=1060, copies_kk=330
    )
    assert fund_of_library_at(ledger, D(2021, 7, 1)) == Copies(1060, 330)


def test_movement_table_per_library_and_total(ledger, period, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        movement = period_fund_movement(period)
    first, second = movement.rows
    assert (first.start, first.received, first.written_off, first.end) == (
        Copies(1000, 300), Copies(100, 40), Copies(30, 10), Copies(1070, 330),
    )  # fmt: skip
    assert second.end == Copies(50, 5)
    assert movement.total.end == Copies(1120, 335)
    assert (
        movement.total.start + movement.total.received - movement.total.written_off
        == movement.total.end
    )


def test_an_inventory_that_disagrees_is_a_discrepancy(ledger, period):
    FundSnapshot.objects.create(
        library=ledger, date=D(2021, 7, 1), kind="inventory", copies=1065, copies_kk=330
    )
    row = period_fund_movement(period).rows[0]
    assert row.ledger_end == Copies(1070, 330)
    assert row.discrepancy == Copies(-5, 0)
    # The end is the inventory's: the next half starts where this one ends.
    assert row.end == Copies(1065, 330)


def test_a_writeoff_below_zero_is_refused(ledger):
    writeoff = WriteOff(
        library=ledger, date=D(2021, 4, 1), reason=WriteOffReason.objects.get(code="wear"),
        copies=2000, copies_kk=0,
    )  # fmt: skip
    with pytest.raises(ValidationError) as error:
        writeoff.full_clean()
    assert "ушёл бы в минус: не хватило бы 930 экз." in str(error.value)
