"""An approved half-year never changes: not by a form, a list, a history revert, an
import, a queryset or a many-to-many change. A state dated 01.07 is the first
half-year's closing state, so it is closed once that half-year is approved."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import transaction

from branches.facts import WriteRefused, frozen_reason
from branches.models import Platform, ReportingPeriod
from catalogue.models import CatalogueDatabase, RecordCount
from events.models import Event, EventForm
from holdings.models import FundSnapshot
from tests.admin.posting import admin_url, form_errors, post_add
from tests.integrity.helpers import D, import_rows

CLOSED = "утверждён: его данные больше нельзя менять"


@pytest.fixture
def second_half(organization):
    return ReportingPeriod.objects.create(organization=organization, year=2021, half=2)


@pytest.fixture
def states(library, period, second_half):
    """The opening balance on 01.01, an inventory on 15.03 and record counts on 01.01 and 01.07."""
    database = CatalogueDatabase.objects.get(code="book")
    opening = FundSnapshot.objects.create(
        library=library, date=D(2021, 1, 1), copies=283120, copies_kk=87831
    )
    inventory = FundSnapshot.objects.create(
        library=library, date=D(2021, 3, 15), kind="inventory", copies=283120, copies_kk=87831
    )
    counts = [
        RecordCount.objects.create(library=library, database=database, date=day, records=630)
        for day in (D(2021, 1, 1), D(2021, 7, 1))
    ]
    period.status = ReportingPeriod.Status.APPROVED
    period.save()
    return opening, inventory, counts


def snapshot_form(library, **extra):
    return {"library": library.pk, "date": "01.01.2021", "kind": "opening", "copies": 183120,
            "copies_kk": 87831, **extra}  # fmt: skip


def test_the_librarian_cannot_lower_the_approved_opening_balance(
    client, librarian, library, states
):
    opening, _inventory, _counts = states
    client.force_login(librarian)
    url = admin_url(FundSnapshot, "change", opening.pk)
    assert client.post(url, snapshot_form(library)).status_code == 403
    opening.refresh_from_db()
    assert opening.copies == 283120


@pytest.mark.parametrize("day", ["15.03.2021", "01.07.2021"])
def test_a_state_inside_or_closing_the_approved_half_cannot_be_added(
    client, librarian, library, states, day
):
    client.force_login(librarian)
    data = snapshot_form(library, date=day, kind="inventory")
    errors = form_errors(post_add(client, FundSnapshot, data))
    assert any("1 полугодие 2021 года" in e and "утверждён" in e for e in errors)
    count = {"library": library.pk, "database": CatalogueDatabase.objects.get(code="articles").pk,
             "date": day, "records": 5}  # fmt: skip
    errors = form_errors(post_add(client, RecordCount, count))
    assert any("1 полугодие 2021 года" in e and "утверждён" in e for e in errors)
    assert not FundSnapshot.objects.filter(date__in=[D(2021, 7, 1)]).exists()
    assert RecordCount.objects.count() == 2


def test_the_closing_state_says_whose_closing_state_it_is(library, states):
    _opening, _inventory, counts = states
    reason = frozen_reason(counts[1])
    assert "Состояние на 01.07.2021 — итог периода «1 полугодие 2021 года»" in reason


def test_approved_states_cannot_be_changed_deleted_or_bulk_deleted_in_the_admin(
    client, methodologist, library, states
):
    _opening, inventory, counts = states
    client.force_login(methodologist)
    for row in (inventory, counts[1]):
        model = type(row)
        assert client.post(admin_url(model, "delete", row.pk), {"post": "yes"}).status_code == 403
        data = {"action": "delete_selected", ACTION_CHECKBOX_NAME: [row.pk], "post": "yes"}
        assert client.post(admin_url(model, "changelist"), data).status_code == 403
    assert FundSnapshot.objects.count() == 2
    assert RecordCount.objects.count() == 2


def test_an_approved_closing_state_cannot_be_reverted_from_its_history(
    client, methodologist, library, period, second_half
):
    database = CatalogueDatabase.objects.get(code="book")
    row = RecordCount.objects.create(library=library, database=database, date=D(2021, 7, 1),
                                     records=630)  # fmt: skip
    row.records = 730
    row.save()
    period.status = ReportingPeriod.Status.APPROVED
    period.save()
    first = row.history.earliest()
    client.force_login(methodologist)
    url = admin_url(RecordCount, "simple_history", row.pk, first.history_id)
    data = {"library": library.pk, "database": database.pk, "date": "01.07.2021", "records": 630}
    assert client.post(url, data).status_code == 403
    with pytest.raises(WriteRefused):
        first.instance.save()  # the same revert from the shell
    row.refresh_from_db()
    assert row.records == 730


def test_querysets_cannot_write_an_approved_period(library, states):
    with pytest.raises(WriteRefused):
        RecordCount.objects.filter(date=D(2021, 7, 1)).update(records=1)
    with pytest.raises(WriteRefused):
        RecordCount.objects.all().delete()
    with pytest.raises(WriteRefused):
        FundSnapshot.objects.filter(date=D(2021, 1, 1)).update(copies=183120)
    with pytest.raises(WriteRefused):
        FundSnapshot.objects.bulk_create(
            [FundSnapshot(library=library, date=D(2021, 7, 1), copies=1)]
        )
    assert set(RecordCount.objects.values_list("records", flat=True)) == {630}
    assert FundSnapshot.objects.get(date=D(2021, 1, 1)).copies == 283120


def test_moving_a_row_out_of_an_open_half_into_the_approved_one_is_refused(library, states):
    row = RecordCount.objects.create(library=library, database=CatalogueDatabase.objects.get(
        code="articles"), date=D(2021, 8, 1), records=5)  # fmt: skip
    row.date = D(2021, 3, 1)
    with pytest.raises(WriteRefused):
        row.save()


def test_the_platforms_of_an_approved_event_cannot_change(library, period):
    event = Event.objects.create(library=library, date=D(2021, 3, 1), title="Квиз",
                                 form=EventForm.objects.first())  # fmt: skip
    facebook = Platform.objects.get(code="facebook")
    event.platforms.add(facebook)
    period.status = ReportingPeriod.Status.APPROVED
    period.save()
    # (Django's many-to-many writes run in the caller's transaction: each try in its own.)
    with pytest.raises(WriteRefused), transaction.atomic():
        event.platforms.set([])
    with pytest.raises(WriteRefused), transaction.atomic():
        facebook.event_set.clear()
    with pytest.raises(WriteRefused), transaction.atomic():
        Platform.objects.get(code="instagram").event_set.add(event)
    assert list(event.platforms.all()) == [facebook]


def test_import_data_refuses_a_closing_state_of_the_approved_half(tmp_path, library, states):
    row = {"Библиотека": "cgb", "На дату": "01.07.2021", "Вид": "инвентаризация",
           "Экземпляров": 5, "В т.ч. на казахском языке": 0}  # fmt: skip
    error = import_rows(tmp_path, "Состояния фонда", [row])
    assert error is not None and "итог периода «1 полугодие 2021 года»" in str(error)
    count = {
        "Библиотека": "cgb",
        "База каталога": "articles",
        "На дату": "15.03.2021",
        "Записей": 9,
    }
    error = import_rows(tmp_path, "Объёмы баз каталога", [count])
    assert error is not None and CLOSED in str(error)
    assert FundSnapshot.objects.count() == 2
    assert RecordCount.objects.count() == 2
