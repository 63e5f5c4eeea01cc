"""While a library's half-year is handed in, its rows of that half-year are read-only
for its librarian through every door; returned, they are editable again; the
methodologist still corrects them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from simple_history.models import HistoricalRecords

from branches.handins import HandIn
from branches.models import ReportingPeriod
from catalogue.models import VirtualReferences
from events.models import Event
from holdings.models import FundingSource, FundSnapshot, Receipt
from tests.dataio.conftest import workbook_bytes
from tests.dataio.test_admin_import import HEADERS, event_row, librarian_client, upload  # noqa: F401

D = datetime.date


@pytest.fixture
def handed_in(library, period):
    return HandIn.objects.create(library=library, period=period, state=HandIn.State.SUBMITTED)


@pytest.fixture
def acting():
    """Run the block as if in `user`'s request (simple_history's middleware keeps it)."""

    def act(user):
        request = RequestFactory().get("/")
        request.user = user
        HistoricalRecords.context.request = request

    yield act
    if hasattr(HistoricalRecords.context, "request"):
        del HistoricalRecords.context.request


@pytest.fixture
def receipt(library, period):
    return Receipt.objects.create(
        library=library, date=D(2021, 3, 1), copies=5,
        source=FundingSource.objects.get(code="local-budget"),
    )  # fmt: skip


def test_save_and_delete_refuse_the_librarian(acting, librarian, handed_in, receipt):
    acting(librarian)
    receipt.copies = 6
    with pytest.raises(ValidationError, match="сданы"):
        receipt.save()
    with pytest.raises(ValidationError, match="сданы"):
        receipt.delete()
    receipt.date = D(2021, 8, 1)  # moving it out of the handed-in half-year neither
    with pytest.raises(ValidationError, match="сданы"):
        receipt.save()
    with pytest.raises(ValidationError, match="сданы"):
        VirtualReferences(library=handed_in.library, period=handed_in.period, count=3).full_clean()
    assert Receipt.objects.get(pk=receipt.pk).copies == 5


def test_a_closing_fund_state_belongs_to_the_half_year_it_closes(
    acting, librarian, handed_in, library
):
    acting(librarian)
    with pytest.raises(ValidationError, match="сданы"):
        FundSnapshot(library=library, date=D(2021, 7, 1), copies=10).save()


def test_the_methodologist_still_corrects_and_a_returned_half_year_is_open(
    acting, librarian, methodologist, handed_in, receipt
):
    acting(methodologist)
    receipt.copies = 7
    receipt.save()
    handed_in.state = HandIn.State.RETURNED
    handed_in.save()
    acting(librarian)
    receipt.copies = 8
    receipt.save()
    assert Receipt.objects.get(pk=receipt.pk).copies == 8


def test_another_librarys_handin_locks_nothing_of_this_library(
    acting, librarian, other_library, period, receipt
):
    HandIn.objects.create(library=other_library, period=period, state=HandIn.State.ACCEPTED)
    acting(librarian)
    receipt.copies = 9
    receipt.save()


def test_an_import_into_a_handed_in_half_year_is_refused(librarian_client, handed_in):  # noqa: F811
    # With every open half-year handed in the import is not offered at all
    # (tests/admin/test_lock_banner.py); with another open, a row of the handed-in one is refused.
    ReportingPeriod.objects.create(organization=handed_in.period.organization, year=2021, half=2)
    data = workbook_bytes({"Мероприятия": [HEADERS, event_row()]})
    result = upload(librarian_client, data).context["result"]
    [row] = result.invalid_rows
    assert "Данные библиотеки за 1 полугодие 2021 года сданы" in str(row.error_dict)
    assert not Event.objects.exists()
