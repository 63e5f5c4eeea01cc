"""The «Лист месяца» page of the work log in admin."""

import datetime
import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

from indicators.models import WorkLogEntry
from indicators.monthsheet import headers, month_sheet_write
from tests.admin.posting import admin_url

URL_NAME = "month_sheet"


def url():
    return admin_url(WorkLogEntry, URL_NAME)


def upload(library, content: bytes, **extra):
    return {
        "library": library.pk,
        "year": 2021,
        "month": 3,
        "file": SimpleUploadedFile("март.xlsx", content),
        "upload": "1",
        **extra,
    }


def filled(library, row: int, column: str, value) -> bytes:
    sheet = openpyxl.load_workbook(
        io.BytesIO(month_sheet_write(library=library, year=2021, month=3))
    ).active
    sheet.cell(row, headers().index(column) + 1, value)
    out = io.BytesIO()
    sheet.parent.save(out)
    return out.getvalue()


def test_the_changelist_links_the_month_sheet(client, librarian):
    client.force_login(librarian)
    page = client.get(admin_url(WorkLogEntry, "changelist")).content.decode()
    assert f'href="{url()}"' in page and "Лист месяца" in page


def test_a_librarian_downloads_their_month(client, librarian, library, period):
    WorkLogEntry.objects.create(library=library, date=datetime.date(2021, 3, 2), visits=9)
    client.force_login(librarian)
    response = client.post(url(), {"library": library.pk, "year": 2021, "month": 3})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[2][headers().index("Посещений")] == 9


def test_a_librarian_cannot_ask_for_another_librarys_month(
    client, librarian, other_library, period
):
    client.force_login(librarian)
    response = client.post(url(), {"library": other_library.pk, "year": 2021, "month": 3})
    assert response.status_code == 200
    assert "Выберите корректный вариант" in str(response.context["form"].errors["library"])


def test_an_uploaded_sheet_adds_the_days(client, librarian, library, period):
    client.force_login(librarian)
    response = client.post(url(), upload(library, filled(library, 4, "Посещений", 31)))
    assert response.status_code == 302
    row = WorkLogEntry.objects.get()
    assert (row.date, row.visits, row.library) == (datetime.date(2021, 3, 3), 31, library)
    assert row.history.get().history_user == librarian


def test_a_bad_sheet_lists_its_problems_in_russian_and_saves_nothing(
    client, librarian, library, period
):
    client.force_login(librarian)
    content = filled(library, 4, "Посещений", "много")
    response = client.post(url(), upload(library, content))
    assert response.status_code == 200
    assert response.context["problems"] == [
        "Строка 4, столбец «Посещений»: «много» — не целое число."
    ]
    assert "«много» — не целое число." in response.content.decode()
    assert not WorkLogEntry.objects.exists()


def test_the_director_downloads_but_uploads_nothing(client, director, library, period):
    client.force_login(director)
    page = client.get(url())
    assert page.status_code == 200 and "Загрузить лист месяца" not in page.content.decode()
    response = client.post(url(), upload(library, filled(library, 4, "Посещений", 31)))
    assert response.status_code == 403
    assert not WorkLogEntry.objects.exists()
