"""No lost updates: a change form saved after the row changed elsewhere is refused."""

import re

from holdings.models import FundingSource, Receipt
from tests.admin.posting import admin_url
from tests.integrity.helpers import D


def opened_form(client, row) -> dict:
    """The change form as the user opened it: its fields and the version it carries."""
    page = client.get(admin_url(type(row), "change", row.pk)).content.decode()
    version = re.search(r'name="_version" value="(\d+)"', page).group(1)
    return {
        "library": row.library_id,
        "date": row.date.strftime("%d.%m.%Y"),
        "source": row.source_id,
        "copies": row.copies,
        "copies_kk": row.copies_kk,
        "document": row.document,
        "note": row.note,
        "_version": version,
    }


def test_a_form_opened_before_someone_elses_save_does_not_overwrite_it(
    client, librarian, methodologist, library, period
):
    receipt = Receipt.objects.create(
        library=library, date=D(2021, 3, 1), source=FundingSource.objects.get(code="state-order"),
        copies=630, copies_kk=566,
    )  # fmt: skip
    client.force_login(librarian)
    librarians_form = opened_form(client, receipt)

    client.force_login(methodologist)
    methodologists_form = opened_form(client, receipt)
    response = client.post(
        admin_url(Receipt, "change", receipt.pk), {**methodologists_form, "copies": 730}
    )
    assert response.status_code == 302
    receipt.refresh_from_db()
    assert receipt.copies == 730

    client.force_login(librarian)
    url = admin_url(Receipt, "change", receipt.pk)
    response = client.post(url, {**librarians_form, "note": "уточнено"}, follow=True)
    assert response.status_code == 200
    shown = " ".join(str(m) for m in response.context["messages"])
    assert "запись изменил(а) methodist" in shown
    assert "Ваши изменения не сохранены" in shown
    # The form shows the row as it is now.
    assert response.context["adminform"].form.initial["copies"] == 730
    receipt.refresh_from_db()
    assert (receipt.copies, receipt.note) == (730, "")


def test_a_form_saved_on_the_latest_version_is_saved(client, librarian, library, period):
    receipt = Receipt.objects.create(
        library=library, date=D(2021, 3, 1), source=FundingSource.objects.get(code="gift"),
        copies=5,
    )  # fmt: skip
    client.force_login(librarian)
    form = opened_form(client, receipt)
    response = client.post(admin_url(Receipt, "change", receipt.pk), {**form, "copies": 6})
    assert response.status_code == 302
    receipt.refresh_from_db()
    assert receipt.copies == 6
