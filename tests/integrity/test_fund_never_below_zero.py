"""The fund never goes below zero, whatever is created, changed or deleted, by any door.

The library holds 0 copies on 01.01.2021, receives 10 on 01.03 and writes off 8
on 20.03. Each write below would leave it at a minus on 21.03; each is refused
with a Russian message and changes nothing.
"""

import pytest
from django.urls import reverse

from branches.facts import WriteRefused
from holdings.models import FundingSource, FundSnapshot, Receipt, WriteOff, WriteOffReason
from holdings.selectors import Copies, fund_of_library_at
from tests.admin.posting import form_errors, post_add, post_change
from tests.holdings.test_admin_validation import writeoff
from tests.integrity.helpers import D, import_rows, small_ledger


@pytest.fixture
def ledger(library, period):
    return small_ledger(library)


@pytest.fixture
def as_librarian(client, librarian):
    client.force_login(librarian)
    return client


def writeoff_form(library, **extra):
    """The holdings tests' write-off form, back-dated to 05.03 with 8 copies."""
    return writeoff(library, **{"date": "05.03.2021", "copies": 8, **extra})


def receipt_form(receipt, **extra):
    return {
        "library": receipt.library_id,
        "date": receipt.date.strftime("%d.%m.%Y"),
        "source": receipt.source_id,
        "copies": receipt.copies,
        "copies_kk": receipt.copies_kk,
        **extra,
    }


def fund_unchanged(library):
    assert fund_of_library_at(library, D(2021, 3, 21)) == Copies(2, 0)


def refused(errors) -> bool:
    return any("ушёл бы в минус" in e and "20.03.2021" in e for e in errors)


def test_a_back_dated_writeoff_is_refused(as_librarian, library, ledger):
    # 05.03 alone holds 10 − 8 = 2; it is 20.03 that would go to −6.
    errors = form_errors(post_add(as_librarian, WriteOff, writeoff_form(library)))
    assert refused(errors)
    assert any("не хватило бы 6 экз." in e for e in errors)
    assert WriteOff.objects.count() == 1
    fund_unchanged(library)


def test_deleting_the_receipt_is_refused(as_librarian, library, ledger):
    receipt, _writeoff = ledger
    url = reverse("admin:holdings_receipt_delete", args=[receipt.pk])
    response = as_librarian.post(url, {"post": "yes"}, follow=True)
    assert response.status_code == 200
    shown = [str(m) for m in response.context["messages"]]
    assert any("ушёл бы в минус" in m for m in shown)
    assert Receipt.objects.filter(pk=receipt.pk).exists()
    fund_unchanged(library)


def test_deleting_the_receipt_from_the_list_is_refused(as_librarian, library, ledger):
    receipt, _writeoff = ledger
    url = reverse("admin:holdings_receipt_changelist")
    data = {"action": "delete_selected", "_selected_action": [receipt.pk], "post": "yes"}
    response = as_librarian.post(url, data, follow=True)
    assert response.status_code == 200
    assert any("ушёл бы в минус" in str(m) for m in response.context["messages"])
    assert Receipt.objects.filter(pk=receipt.pk).exists()


def test_lowering_the_receipt_is_refused(as_librarian, library, ledger):
    receipt, _writeoff = ledger
    errors = form_errors(post_change(as_librarian, receipt, receipt_form(receipt, copies=1)))
    assert refused(errors)
    receipt.refresh_from_db()
    assert receipt.copies == 10


def test_moving_the_receipt_after_the_writeoff_is_refused(as_librarian, library, ledger):
    receipt, _writeoff = ledger
    errors = form_errors(
        post_change(as_librarian, receipt, receipt_form(receipt, date="25.03.2021"))
    )
    assert refused(errors)
    receipt.refresh_from_db()
    assert receipt.date == D(2021, 3, 1)


def test_a_low_inventory_before_the_writeoff_is_refused(as_librarian, library, ledger):
    data = {"library": library.pk, "date": "15.03.2021", "kind": "inventory", "copies": 2}
    errors = form_errors(post_add(as_librarian, FundSnapshot, {**data, "copies_kk": 0}))
    assert refused(errors)
    assert not FundSnapshot.objects.filter(date=D(2021, 3, 15)).exists()


def test_deleting_the_opening_balance_under_a_later_inventory_is_refused(library, period):
    FundSnapshot.objects.create(library=library, date=D(2021, 1, 1), copies=0)
    FundSnapshot.objects.create(library=library, date=D(2021, 2, 1), copies=10)
    WriteOff.objects.create(
        library=library, date=D(2021, 3, 1), reason=WriteOffReason.objects.get(code="wear"),
        copies=5,
    )  # fmt: skip
    with pytest.raises(WriteRefused):
        FundSnapshot.objects.get(date=D(2021, 2, 1)).delete()


def test_writes_within_the_fund_are_saved(as_librarian, library, ledger):
    response = post_add(as_librarian, WriteOff, writeoff_form(library, copies=2))
    assert response.status_code == 302
    assert fund_of_library_at(library, D(2021, 3, 21)) == Copies(0, 0)


def test_queryset_writes_are_checked_too(library, ledger):
    receipt, _writeoff = ledger
    with pytest.raises(WriteRefused):
        Receipt.objects.filter(pk=receipt.pk).update(copies=1)
    with pytest.raises(WriteRefused):
        Receipt.objects.filter(pk=receipt.pk).delete()
    with pytest.raises(WriteRefused):
        WriteOff.objects.bulk_create(
            [WriteOff(library=library, date=D(2021, 3, 5), reason=_wear(), copies=8)]
        )
    receipt.refresh_from_db()
    assert receipt.copies == 10
    fund_unchanged(library)


def _wear():
    return WriteOffReason.objects.get(code="wear")


def test_import_data_refuses_a_back_dated_writeoff(tmp_path, library, ledger):
    row = {"Библиотека": "cgb", "Дата": "05.03.2021", "Причина": "wear", "Экземпляров": 8}
    error = import_rows(tmp_path, "Списания", [{**row, "В т.ч. на казахском языке": 0}])
    assert error is not None
    assert "ушёл бы в минус" in str(error)
    assert "Ничего не изменено" in str(error)
    assert WriteOff.objects.count() == 1
    fund_unchanged(library)


def test_import_data_refuses_two_writeoffs_that_overdraw_only_together(tmp_path, library, ledger):
    # Each alone leaves 2 − 1 ≥ 0; both together take 20.03 below zero.
    rows = [
        {"Библиотека": "cgb", "Дата": day, "Причина": "wear", "Экземпляров": 2,
         "В т.ч. на казахском языке": 0}
        for day in ("05.03.2021", "06.03.2021")
    ]  # fmt: skip
    error = import_rows(tmp_path, "Списания", rows)
    assert error is not None and "ушёл бы в минус" in str(error)
    assert WriteOff.objects.count() == 1


def test_a_library_with_no_recorded_fund_may_write_off(as_librarian, library, period):
    """Its fund is unknown, not zero: the ЦБС as a whole holds the books."""
    response = post_add(as_librarian, WriteOff, writeoff_form(library, copies=50))
    assert response.status_code == 302
    assert WriteOff.objects.get().copies == 50


def test_the_rule_applies_from_the_first_recorded_state_on(library, period):
    FundSnapshot.objects.create(library=library, date=D(2021, 4, 1), copies=5)
    # Before the first state: unknown, accepted.
    WriteOff.objects.create(library=library, date=D(2021, 3, 1), reason=_wear(), copies=50)
    with pytest.raises(WriteRefused):
        WriteOff.objects.create(library=library, date=D(2021, 4, 2), reason=_wear(), copies=6)
    source = FundingSource.objects.get(code="gift")
    Receipt.objects.create(library=library, date=D(2021, 4, 2), source=source, copies=1)
    WriteOff.objects.create(library=library, date=D(2021, 4, 2), reason=_wear(), copies=6)


def test_the_admin_import_refuses_a_back_dated_writeoff(client, librarian, library, ledger):
    from django.contrib.auth.models import Permission
    from django.core.files.uploadedfile import SimpleUploadedFile

    from dataio.schema import sheet_for
    from tests.dataio.conftest import workbook_bytes

    librarian.user_permissions.add(
        *Permission.objects.filter(codename__in=["add_writeoff", "view_writeoff"])
    )
    client.force_login(librarian)
    headers = sheet_for(WriteOff).headers
    values = {"Библиотека": "cgb", "Дата": "05.03.2021", "Причина": "wear", "Экземпляров": 8,
              "В т.ч. на казахском языке": 0}  # fmt: skip
    data = workbook_bytes({"Списания": [headers, [values.get(h) for h in headers]]})
    response = client.post(
        "/admin/holdings/writeoff/import/",
        {"resource": "0", "format": "0", "import_file": SimpleUploadedFile("w.xlsx", data)},
        follow=True,
    )
    assert response.status_code == 200
    assert "ушёл бы в минус" in response.content.decode()
    assert response.context.get("confirm_form") is None
    assert WriteOff.objects.count() == 1
