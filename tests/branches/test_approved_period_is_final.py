"""An approved half-year stays approved: no form, inline or import reopens it."""

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from branches.models import ReportingPeriod

REOPEN_REFUSED = "Период утверждён: его больше нельзя открыть заново или изменить."


@pytest.fixture
def approved(period):
    period.status = ReportingPeriod.Status.APPROVED
    period.save()
    return period


def test_the_model_refuses_to_reopen_an_approved_period(approved):
    approved.status = ReportingPeriod.Status.OPEN
    with pytest.raises(ValidationError) as error:
        approved.full_clean()
    assert error.value.message_dict == {"status": [REOPEN_REFUSED]}


def test_an_open_period_may_still_be_submitted_and_approved(period):
    period.status = ReportingPeriod.Status.SUBMITTED
    period.full_clean()
    period.status = ReportingPeriod.Status.APPROVED
    period.full_clean()


def test_the_methodologist_cannot_reopen_it_in_the_admin(client, methodologist, approved):
    client.force_login(methodologist)
    url = reverse("admin:branches_reportingperiod_change", args=[approved.pk])
    page = client.get(url)
    assert page.status_code == 200 and not page.context["has_change_permission"]
    data = {"organization": approved.organization_id, "year": 2021, "half": 1, "status": "open"}
    assert client.post(url, data).status_code == 403
    approved.refresh_from_db()
    assert approved.status == ReportingPeriod.Status.APPROVED


def test_an_import_cannot_reopen_it(approved, tmp_path):
    path = tmp_path / "periods.xlsx"
    call_command("export_data", "--output", str(path))
    book = openpyxl.load_workbook(path)
    for title in book.sheetnames:
        if title not in ("ЦБС", "Отчётные периоды"):
            del book[title]
    sheet = book["Отчётные периоды"]
    headers = [cell.value for cell in sheet[1]]
    sheet.cell(row=2, column=headers.index("Статус") + 1, value="открыт")
    book.save(path)

    with pytest.raises(CommandError) as error:
        call_command("import_data", str(path))
    assert REOPEN_REFUSED in str(error.value)
    approved.refresh_from_db()
    assert approved.status == ReportingPeriod.Status.APPROVED
