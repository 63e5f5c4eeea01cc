"""Once a period is approved its rows are read-only: the approved report keeps saying what it said."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from branches.models import ReportingPeriod
from catalogue.models import VirtualReferences
from holdings.models import Receipt
from tests.admin.posting import admin_url


@pytest.fixture
def approve(period):
    def run():
        period.status = ReportingPeriod.Status.APPROVED
        period.save()

    return run


@pytest.mark.parametrize("model", [Receipt, VirtualReferences], ids=lambda m: m.__name__)
def test_rows_of_an_approved_period_open_read_only_and_cannot_be_deleted(
    client, methodologist, row_of, approve, model
):
    row = row_of(model)
    approve()
    client.force_login(methodologist)
    page = client.get(admin_url(model, "change", row.pk))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.post(admin_url(model, "change", row.pk), {}).status_code == 403
    assert client.post(admin_url(model, "delete", row.pk), {"post": "yes"}).status_code == 403
    assert model.objects.filter(pk=row.pk).exists()


def test_delete_selected_with_a_row_of_an_approved_period_deletes_nothing(
    client, librarian, library, row_of, approve
):
    import datetime

    from holdings.models import FundingSource

    locked = row_of(Receipt)
    approve()
    ReportingPeriod.objects.create(organization=library.organization, year=2021, half=2)
    open_row = Receipt.objects.create(
        library=library,
        date=datetime.date(2021, 8, 1),
        source=FundingSource.objects.first(),
        copies=1,
    )
    client.force_login(librarian)
    data = {"action": "delete_selected", ACTION_CHECKBOX_NAME: [locked.pk, open_row.pk]}
    confirmation = client.post(admin_url(Receipt, "changelist"), data)
    assert "не имеет прав на удаление" in confirmation.content.decode()
    response = client.post(admin_url(Receipt, "changelist"), {**data, "post": "yes"})
    assert response.status_code == 403
    assert Receipt.objects.count() == 2


def test_history_lists_who_changed_a_row(client, librarian, methodologist, library, row_of):
    from holdings.models import FundingSource

    client.force_login(librarian)
    data = {
        "library": library.pk,
        "date": "15.03.2021",
        "source": FundingSource.objects.first().pk,
        "copies": 3,
        "copies_kk": 0,
    }
    client.post(admin_url(Receipt, "add"), data)
    receipt = Receipt.objects.get()
    client.force_login(methodologist)
    client.post(admin_url(Receipt, "change", receipt.pk), {**data, "copies": 4})
    page = client.get(admin_url(Receipt, "history", receipt.pk)).content.decode()
    assert "lib-cgb" in page and "methodist" in page
    assert [h.history_user.username for h in receipt.history.all()] == ["methodist", "lib-cgb"]


def test_another_librarian_cannot_open_an_old_version_of_the_row(client, other_librarian, row_of):
    receipt = row_of(Receipt)
    version = receipt.history.first()
    client.force_login(other_librarian)
    url = f"/admin/holdings/receipt/{receipt.pk}/history/{version.history_id}/"
    # A 404, as the row's change page: no hint that it exists.
    assert client.get(url).status_code == 404
