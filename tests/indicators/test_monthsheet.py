"""A month's sheet of the work log in the paper layout: export, import, round trip, refusals."""

import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from indicators.models import WorkLogEntry
from indicators.monthsheet import (
    MonthSheetError,
    headers,
    month_sheet_import,
    month_sheet_write,
)
from tests.recalc import disagreements, recalculated, recalculated_file

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
    # A live total, not a number fixed at download: it sums whatever the days hold.
    assert rows[-1][column] == "=SUM(F2:F32)"
    assert rows[-1][headers().index("Выдано документов")] == "=SUM(I2:I32)"
    assert all(str(v).startswith("=SUM(") for v in rows[-1][1:-1])


def test_the_download_caches_its_totals_for_a_viewer_that_does_not_recalculate(march, library):
    data = month_sheet_write(library=library, year=2021, month=3)
    cached = openpyxl.load_workbook(io.BytesIO(data), data_only=True).active
    column = headers().index("Посещений") + 1
    assert cached.cell(33, column).value == 47
    assert cached.cell(33, headers().index("Справок") + 1).value == 4
    assert disagreements(data) == []  # LibreOffice computes the same


def test_the_totals_recalculate_in_a_spreadsheet_as_days_are_filled(march, library):
    sheet = book(month_sheet_write(library=library, year=2021, month=3))
    visits = headers().index("Посещений") + 1
    sheet.cell(3, visits, 25)  # 02.03 filled in after the download
    computed = recalculated(as_bytes(sheet))[sheet.title]
    assert computed["A33"] == "Итого"
    assert computed["F33"] == 40 + 25 + 7  # visits: 01.03, 02.03 and 31.03
    assert computed["I33"] == 101  # loans, untouched


def test_the_figure_cells_take_only_whole_numbers_not_below_zero(library, period):
    sheet = book(month_sheet_write(library=library, year=2021, month=3))
    (validation,) = sheet.data_validations.dataValidation
    assert (validation.type, validation.operator, validation.formula1) == (
        "whole",
        "greaterThanOrEqual",
        "0",
    )
    assert validation.showErrorMessage and validation.errorStyle == "stop"
    assert str(validation.sqref) == "B2:N32"  # every figure of every day; not the date, note
    assert "целое число не меньше нуля" in validation.error


def test_the_validation_speaks_kazakh_to_a_kazakh_user(library, period):
    with translation.override("kk"):
        sheet = book(month_sheet_write(library=library, year=2021, month=3))
    (validation,) = sheet.data_validations.dataValidation
    assert "бүтін сан" in validation.error and "целое" not in validation.error


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
    assert (result.added_days, result.changed_days) == ([D(2021, 3, 2)], [D(2021, 3, 1)])
    days = dict(WorkLogEntry.objects.values_list("date", "visits"))
    assert days == {D(2021, 3, 1): 41, D(2021, 3, 2): 25, D(2021, 3, 31): 7}
    new = WorkLogEntry.objects.get(date=D(2021, 3, 2)).history.get()
    assert new.history_user == librarian
    assert new.history_change_reason == "Загрузка листа месяца «март.xlsx»"
    # Exported again, the sheet says what was imported.
    again = list(book(month_sheet_write(library=library, year=2021, month=3)).values)
    assert [row[visits - 1] for row in again[1:4]] == [41, 25, None]


def test_a_sheet_saved_by_a_spreadsheet_program_is_read_with_its_totals(march, library):
    sheet = book(month_sheet_write(library=library, year=2021, month=3))
    sheet.cell(3, headers().index("Посещений") + 1, 25)
    saved = recalculated_file(as_bytes(sheet))  # LibreOffice keeps the formulas, caches sums
    result = month_sheet_import(data=saved, name="март.xlsx", library=library, year=2021, month=3)
    assert (result.added_days, result.changed_days) == ([D(2021, 3, 2)], [])


def put(sheet, day: int, column: str, value) -> None:
    sheet.cell(1 + day, headers().index(column) + 1, value)


def test_three_type_errors_and_two_rule_errors_come_in_one_answer(march, library):
    before = list(WorkLogEntry.objects.order_by("date").values())
    sheet = book(month_sheet_write(library=library, year=2021, month=3))
    put(sheet, 2, "Посещений", 5)  # a good new day beside the bad ones
    put(sheet, 3, "Посещений", "сорок")
    put(sheet, 4, "Справок", -2)
    put(sheet, 5, "Выдано документов", 2.5)
    put(sheet, 12, "Записано пользователей", 3)
    put(sheet, 12, "В т.ч. дети до 14 лет", 5)
    put(sheet, 20, "Посещений", 10)
    put(sheet, 20, "В т.ч. мероприятий", 12)
    with pytest.raises(MonthSheetError) as refused:
        month_sheet_import(
            data=as_bytes(sheet), name="март.xlsx", library=library, year=2021, month=3
        )
    assert refused.value.messages == [
        "03.03.2021, «Посещения — всего»: «сорок» — не целое число.",
        "04.03.2021, «Справки»: -2 — меньше нуля. Введите целое число не меньше нуля.",
        "05.03.2021, «Книговыдача — всего»: «2.5» — не целое число.",
        "12.03.2021, «Пользователи — дети до 14 лет»: Детей до 14 лет и молодёжи 15–30 лет "
        "вместе не может быть больше, чем всего записано пользователей.",
        "20.03.2021, «Посещения — мероприятий»: Посещений мероприятий не может быть больше, "
        "чем всего посещений.",
    ]
    assert list(WorkLogEntry.objects.order_by("date").values()) == before


def test_a_number_too_big_for_the_database_and_a_note_too_long_are_named(library, period):
    sheet = book(month_sheet_write(library=library, year=2021, month=3))
    put(sheet, 7, "Выдано документов", 10**12)
    put(sheet, 8, "Посещений", 3)
    put(sheet, 8, "Примечание", "х" * 301)
    with pytest.raises(MonthSheetError) as refused:
        month_sheet_import(
            data=as_bytes(sheet), name="март.xlsx", library=library, year=2021, month=3
        )
    assert refused.value.messages == [
        "07.03.2021, «Книговыдача — всего»: Слишком большое число.",
        "08.03.2021, «Примечание»: Не больше 300 знаков.",
    ]
    assert not WorkLogEntry.objects.exists()


def test_a_closed_period_is_named_beside_the_type_errors_once_for_its_days(march, library, period):
    sheet = book(month_sheet_write(library=library, year=2021, month=3))
    put(sheet, 2, "Посещений", 5)
    put(sheet, 3, "Посещений", 6)
    put(sheet, 4, "Справок", "три")
    period.status = "approved"
    period.save()
    with pytest.raises(MonthSheetError) as refused:
        month_sheet_import(
            data=as_bytes(sheet), name="март.xlsx", library=library, year=2021, month=3
        )
    closed = refused.value.messages
    assert len(closed) == 2
    assert closed[0].startswith("02.03.2021–04.03.2021: Период «1 полугодие 2021")
    assert closed[1] == "04.03.2021, «Справки»: «три» — не целое число."
    assert WorkLogEntry.objects.count() == 2


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
        "Лист — за 03.2021, а в нём заполнены дни другого месяца: 02.04.2021. "
        "Перенесите их в лист своего месяца.",
        "01.03.2021: день повторяется в строках 2, 4.",
    ]


def test_the_month_is_the_files_whatever_the_form_says(library, period):
    WorkLogEntry.objects.create(library=library, date=D(2021, 4, 5), visits=3)
    sheet = book(month_sheet_write(library=library, year=2021, month=4))
    put(sheet, 5, "Посещений", 4)
    put(sheet, 7, "Посещений", 8)
    result = month_sheet_import(
        data=as_bytes(sheet), name="апрель.xlsx", library=library, year=2021, month=3
    )
    assert (result.year, result.month, result.asked) == (2021, 4, (2021, 3))
    assert (result.added_days, result.changed_days) == ([D(2021, 4, 7)], [D(2021, 4, 5)])
    assert dict(WorkLogEntry.objects.values_list("date", "visits")) == {
        D(2021, 4, 5): 4,
        D(2021, 4, 7): 8,
    }


def test_a_wrong_month_gives_one_message_not_one_per_day(march, library):
    """A March sheet whose dates were overwritten with another month's: one message."""
    sheet = book(month_sheet_write(library=library, year=2021, month=3))
    for day in range(1, 28):
        sheet.cell(1 + day, 1, D(2021, 3, day))
        put(sheet, day, "Посещений", 50 + day)
    for day in range(1, 4):
        sheet.cell(28 + day, 1, D(2021, 5, day))
        put(sheet, 27 + day, "Посещений", 1)
    with pytest.raises(MonthSheetError) as refused:
        month_sheet_import(
            data=as_bytes(sheet), name="март.xlsx", library=library, year=2021, month=3
        )
    assert refused.value.messages == [
        "Лист — за 03.2021, а в нём заполнены дни другого месяца: 01.05.2021–03.05.2021. "
        "Перенесите их в лист своего месяца."
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


# --- queries (issue 23): the upload writes as the grid's save does, in bulk -------------


def _sheet_of_days(library, days: int, visits: int) -> bytes:
    sheet = book(month_sheet_write(library=library, year=2021, month=3))
    for day in range(1, days + 1):
        put(sheet, day, "Посещений", visits)
        put(sheet, day, "Выдано документов", visits + day)
    return as_bytes(sheet)


def _upload_queries(library, librarian, days: int, visits: int) -> tuple[int, object]:
    data = _sheet_of_days(library, days, visits)
    with CaptureQueriesContext(connection) as queries:
        result = month_sheet_import(
            data=data, name="март.xlsx", library=library, year=2021, month=3, user=librarian
        )
    return len(queries), result


def test_the_upload_does_not_take_more_queries_for_more_days(library, period, librarian):
    """A week and a whole month, added and then changed: the same queries (the library's
    lock, the month's rows, the periods and hand-ins once, a bulk insert or update with
    its history, the data version), as the grid's save."""
    added_week, result = _upload_queries(library, librarian, 5, visits=20)
    assert result.added == 5
    changed_week, result = _upload_queries(library, librarian, 5, visits=21)
    assert result.changed == 5
    WorkLogEntry.objects.all().delete()
    added_month, result = _upload_queries(library, librarian, 31, visits=20)
    assert result.added == 31
    changed_month, result = _upload_queries(library, librarian, 31, visits=21)
    assert (result.added, result.changed) == (0, 31)
    assert (added_month, changed_month) == (added_week, changed_week)
    assert set(WorkLogEntry.objects.values_list("visits", flat=True)) == {21}
    # Every day has its history, with the user and the file, as one row's save gives.
    changed = WorkLogEntry.objects.get(date=D(2021, 3, 31))
    assert changed.loans == 21 + 31
    records = list(changed.history.order_by("history_date"))
    assert [r.history_type for r in records] == ["+", "~"]
    assert {r.history_user for r in records} == {librarian}
    assert {r.history_change_reason for r in records} == {"Загрузка листа месяца «март.xlsx»"}
    assert [r.visits for r in records] == [20, 21]
