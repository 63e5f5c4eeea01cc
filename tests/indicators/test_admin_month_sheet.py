"""The «Лист месяца» page of the work log in admin."""

import datetime
import io
import re

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

from branches.handins import HandIn
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


def sheet_of(library, cells: dict) -> bytes:
    """March's sheet with {(day, column): value} typed in."""
    sheet = openpyxl.load_workbook(
        io.BytesIO(month_sheet_write(library=library, year=2021, month=3))
    ).active
    for (day, column), value in cells.items():
        sheet.cell(1 + day, headers().index(column) + 1, value)
    out = io.BytesIO()
    sheet.parent.save(out)
    return out.getvalue()


def test_the_answer_names_the_days_added_and_changed_and_the_grid_marks_them(
    client, librarian, library, period
):
    WorkLogEntry.objects.create(library=library, date=datetime.date(2021, 3, 10), visits=9)
    client.force_login(librarian)
    content = sheet_of(
        library,
        {(3, "Посещений"): 5, (4, "Посещений"): 6, (5, "Справок"): 1, (10, "Посещений"): 12},
    )
    response = client.post(url(), upload(library, content), follow=True)
    assert response.redirect_chain == [("/log/cgb/2021-03/?added=3%2C4%2C5&changed=10", 302)]
    page = response.content.decode()
    assert (
        "Лист месяца за март 2021 загружен. Добавлены: 3, 4, 5 марта; изменены: 10 марта." in page
    )
    marked = {
        int(day): mark
        for day, mark in re.findall(r'<tr data-day="(\d+)" class="[^"]*uploaded-(\w+)"', page)
    }
    assert marked == {3: "added", 4: "added", 5: "added", 10: "changed"}


def test_the_answer_speaks_kazakh_to_a_kazakh_user(client, librarian, library, period):
    client.force_login(librarian)
    client.cookies["django_language"] = "kk"
    content = sheet_of(library, {(3, "Посещений"): 5, (4, "Посещений"): "бес"})
    response = client.post(url(), upload(library, content), HTTP_ACCEPT_LANGUAGE="kk")
    assert response.status_code == 200
    assert response.context["problems"] == [
        "04.03.2021, «Келулер — барлығы»: «бес» — бүтін сан емес."
    ]


def test_a_file_of_another_month_is_read_as_that_month_and_says_so(
    client, librarian, library, period
):
    client.force_login(librarian)
    sheet = openpyxl.load_workbook(
        io.BytesIO(month_sheet_write(library=library, year=2021, month=4))
    ).active
    sheet.cell(3, headers().index("Посещений") + 1, 7)
    out = io.BytesIO()
    sheet.parent.save(out)
    response = client.post(url(), upload(library, out.getvalue()), follow=True)
    assert response.redirect_chain[-1][0] == "/log/cgb/2021-04/?added=2"
    page = response.content.decode()
    assert "Месяц взят из файла: апрель 2021 (в форме выбран март 2021)." in page
    assert list(WorkLogEntry.objects.values_list("date", "visits")) == [
        (datetime.date(2021, 4, 2), 7)
    ]


def test_a_handed_in_half_year_is_named_with_the_type_errors_in_one_answer(
    client, librarian, library, period
):
    HandIn.objects.create(library=library, period=period, state=HandIn.State.SUBMITTED)
    client.force_login(librarian)
    content = sheet_of(library, {(3, "Посещений"): 5, (4, "Справок"): -1})
    response = client.post(url(), upload(library, content))
    assert response.status_code == 200
    problems = response.context["problems"]
    assert len(problems) == 2
    assert problems[0].startswith("03.03.2021, 04.03.2021: Данные библиотеки за 1 полугодие")
    assert problems[1] == (
        "04.03.2021, «Справки»: -1 — меньше нуля. Введите целое число не меньше нуля."
    )
    assert "В файле 2 ошибок" in response.content.decode()
    assert not WorkLogEntry.objects.exists()


def test_a_bad_sheet_lists_its_problems_in_russian_and_saves_nothing(
    client, librarian, library, period
):
    client.force_login(librarian)
    content = filled(library, 4, "Посещений", "много")
    response = client.post(url(), upload(library, content))
    assert response.status_code == 200
    assert response.context["problems"] == [
        "03.03.2021, «Посещения — всего»: «много» — не целое число."
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


def test_a_refused_file_of_another_month_says_which_month_was_read(
    client, librarian, library, period
):
    client.force_login(librarian)
    sheet = openpyxl.load_workbook(
        io.BytesIO(month_sheet_write(library=library, year=2021, month=4))
    ).active
    sheet.cell(3, headers().index("Посещений") + 1, "семь")
    out = io.BytesIO()
    sheet.parent.save(out)
    response = client.post(url(), upload(library, out.getvalue()))
    assert response.status_code == 200
    assert response.context["problems"] == [
        "02.04.2021, «Посещения — всего»: «семь» — не целое число."
    ]
    assert (
        "Месяц взят из файла: апрель 2021 (в форме выбран март 2021)." in response.content.decode()
    )
    assert not WorkLogEntry.objects.exists()
