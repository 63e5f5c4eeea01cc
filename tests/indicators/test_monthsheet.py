"""A month's sheet of the work log in the paper layout: export, import, round trip, refusals."""

import datetime
import io

import openpyxl
import pytest

from indicators.models import WorkLogEntry
from indicators.monthsheet import (
    MonthSheetError,
    headers,
    month_sheet_import,
    month_sheet_write,
)

D = datetime.date


def book(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).active


def as_bytes(sheet) -> bytes:
    out = io.BytesIO()
    sheet.parent.save(out)
    return out.getvalue()


@pytest.fixture
def march(library, period):
    WorkLogEntry.objects.create(
        library=library, date=D(2021, 3, 1), users=3, users_children=2, visits=40,
        visits_events=12, loans=90, loans_kk=30, loans_books=80, references=4, note="выставка",
    )  # fmt: skip
    WorkLogEntry.objects.create(library=library, date=D(2021, 3, 31), visits=7, loans=11)


def test_the_sheet_has_a_row_per_day_a_column_per_figure_and_the_total(march, library):
    sheet = book(month_sheet_write(library=library, year=2021, month=3))
    rows = list(sheet.values)
    assert list(rows[0]) == headers()
    assert rows[0][:3] == ("Дата", "Записано пользователей", "В т.ч. дети до 14 лет")
    assert len(rows) == 1 + 31 + 1
    assert rows[1][0].date() == D(2021, 3, 1)
    column = headers().index("Посещений")
    assert [r[column] for r in rows[1:4]] == [40, None, None]
    assert rows[-1][0] == "Итого"
    assert rows[-1][column] == 47
    assert rows[-1][headers().index("Выдано документов")] == 101


def test_a_sheet_exported_and_imported_again_changes_nothing(march, library, librarian):
    before = list(WorkLogEntry.objects.order_by("date").values())
    data = month_sheet_write(library=library, year=2021, month=3)
    result = month_sheet_import(
        data=data, name="март.xlsx", library=library, year=2021, month=3, user=librarian
    )
    assert (result.added, result.changed) == (0, 0)
    assert list(WorkLogEntry.objects.order_by("date").values()) == before


def test_a_filled_paper_sheet_adds_and_changes_days_with_history(march, library, librarian):
    sheet = book(month_sheet_write(library=library, year=2021, month=3))
    visits = headers().index("Посещений") + 1
    sheet.cell(3, visits, 25)  # 02.03: a new day
    sheet.cell(2, visits, 41)  # 01.03: corrected
    result = month_sheet_import(
        data=as_bytes(sheet), name="март.xlsx", library=library, year=2021, month=3,
        user=librarian,
    )  # fmt: skip
    assert (result.added, result.changed) == (1, 1)
    days = dict(WorkLogEntry.objects.values_list("date", "visits"))
    assert days == {D(2021, 3, 1): 41, D(2021, 3, 2): 25, D(2021, 3, 31): 7}
    new = WorkLogEntry.objects.get(date=D(2021, 3, 2)).history.get()
    assert new.history_user == librarian
    assert new.history_change_reason == "Загрузка листа месяца «март.xlsx»"
    # Exported again, the sheet says what was imported.
    again = list(book(month_sheet_write(library=library, year=2021, month=3)).values)
    assert again[-1][visits - 1] == 73


@pytest.mark.parametrize(
    ("cell", "value", "message"),
    [
        (
            "В т.ч. мероприятий",
            99,
            "Строка 2 (01.03.2021): Посещений мероприятий не может быть больше, "
            "чем всего посещений.",
        ),
        ("Посещений", "сорок", "Строка 3, столбец «Посещений»: «сорок» — не целое число."),
        (
            "Справок",
            -2,
            "Строка 3, столбец «Справок»: Убедитесь, что это значение больше либо равно 0.",
        ),
    ],
)
def test_a_bad_row_refuses_the_whole_sheet_with_a_russian_message_and_saves_nothing(
    march, library, cell, value, message
):
    before = list(WorkLogEntry.objects.order_by("date").values())
    sheet = book(month_sheet_write(library=library, year=2021, month=3))
    sheet.cell(3, headers().index("Посещений") + 1, 5)  # a good new day beside the bad one
    row = 2 if cell == "В т.ч. мероприятий" else 3
    sheet.cell(row, headers().index(cell) + 1, value)
    with pytest.raises(MonthSheetError) as refused:
        month_sheet_import(
            data=as_bytes(sheet), name="март.xlsx", library=library, year=2021, month=3
        )
    assert message in refused.value.messages
    assert list(WorkLogEntry.objects.order_by("date").values()) == before


def test_a_day_of_another_month_or_twice_is_refused(march, library):
    sheet = book(month_sheet_write(library=library, year=2021, month=3))
    sheet.cell(3, 1, D(2021, 4, 2))
    sheet.cell(3, 2, 1)
    sheet.cell(4, 1, D(2021, 3, 1))
    sheet.cell(4, 2, 1)
    with pytest.raises(MonthSheetError) as refused:
        month_sheet_import(
            data=as_bytes(sheet), name="март.xlsx", library=library, year=2021, month=3
        )
    assert refused.value.messages == [
        "Строка 3 (02.04.2021): дата 02.04.2021 не в месяце 03.2021.",
        "Строка 4 (01.03.2021): день 01.03.2021 уже был в строке 2.",
    ]


def test_a_sheet_with_a_missing_or_unknown_column_is_refused(library, period):
    sheet = book(month_sheet_write(library=library, year=2021, month=3))
    sheet.cell(1, 2, "Читатели")
    with pytest.raises(MonthSheetError) as refused:
        month_sheet_import(
            data=as_bytes(sheet), name="март.xlsx", library=library, year=2021, month=3
        )
    assert refused.value.messages == [
        "На листе нет столбцов: «Записано пользователей». Скачайте лист месяца заново.",
        "На листе неизвестные столбцы: «Читатели».",
    ]
    assert not WorkLogEntry.objects.exists()


def test_a_month_entered_as_one_total_takes_no_sheet_of_days(library, period):
    WorkLogEntry.objects.create(library=library, date=D(2021, 3, 1), span="month", visits=300)
    sheet = book(month_sheet_write(library=library, year=2021, month=3))
    sheet.cell(5, 2, 1)
    with pytest.raises(MonthSheetError) as refused:
        month_sheet_import(
            data=as_bytes(sheet), name="март.xlsx", library=library, year=2021, month=3
        )
    assert refused.value.messages == [
        "За 03.2021 уже внесён итог месяца одной строкой: лист по дням загрузить нельзя, "
        "пока он есть."
    ]
    assert WorkLogEntry.objects.count() == 1


def test_a_file_that_is_no_table_is_refused(library, period):
    with pytest.raises(MonthSheetError) as refused:
        month_sheet_import(data=b"hello", name="март.doc", library=library, year=2021, month=3)
    assert "не является таблицей XLSX или CSV" in refused.value.messages[0]
