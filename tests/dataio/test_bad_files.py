"""Bad files get a clear Russian message and change nothing: one test per kind."""

import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from branches.models import Organization
from dataio.files import DataFileError
from dataio.importing import workbook_import
from events.models import Event
from tests.dataio.conftest import workbook_bytes
from tests.dataio.test_admin_import import HEADERS, event_row


@pytest.fixture
def librarian_client(client, librarian, period):
    librarian.user_permissions.add(
        *Permission.objects.filter(codename__in=["add_event", "view_event"])
    )
    client.force_login(librarian)
    return client


def file_errors(client, data, name="events.xlsx") -> list[str]:
    response = client.post(
        "/admin/events/event/import/",
        {"resource": "0", "format": "0", "import_file": SimpleUploadedFile(name, data)},
        follow=True,
    )
    assert response.status_code == 200
    assert not Event.objects.exists()
    assert response.context.get("confirm_form") is None
    return [str(e) for e in response.context["form"].errors.get("import_file", [])]


def row_errors(client, data) -> list[str]:
    response = client.post(
        "/admin/events/event/import/",
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile("events.xlsx", data),
        },
        follow=True,
    )
    assert not Event.objects.exists()
    assert response.context.get("confirm_form") is None
    result = response.context["result"]
    return [
        f"{row.number}|{column}|{message}"
        for row in result.invalid_rows
        for column, messages in row.error_dict.items()
        for message in messages
    ]


def test_a_file_that_is_not_a_table_is_refused(librarian_client):
    [error] = file_errors(librarian_client, b"%PDF-1.4 not a table", name="report.pdf")
    assert "не является таблицей XLSX или CSV" in error


def test_a_broken_xlsx_is_refused(librarian_client):
    [error] = file_errors(librarian_client, b"PK\x03\x04 broken zip", name="events.xlsx")
    assert "не является таблицей XLSX или CSV" in error


def test_an_old_xls_file_is_refused_with_advice(librarian_client):
    [error] = file_errors(librarian_client, b"\xd0\xcf\x11\xe0" + b"\0" * 100, name="old.xls")
    assert "старом формате XLS" in error


def test_an_empty_file_is_refused(librarian_client):
    [error] = file_errors(librarian_client, b"", name="events.xlsx")
    assert "пуст" in error


def test_a_workbook_with_headers_but_no_rows_is_refused(librarian_client):
    [error] = file_errors(librarian_client, workbook_bytes({"Мероприятия": [HEADERS]}))
    assert "нет строк с данными" in error


def test_a_workbook_with_no_cells_at_all_is_refused(librarian_client):
    [error] = file_errors(librarian_client, workbook_bytes({"Мероприятия": []}))
    assert "пуст" in error


def test_a_file_over_the_size_limit_is_refused(librarian_client, settings):
    settings.DATAIO_MAX_FILE_SIZE = 1024
    data = workbook_bytes(
        {"Мероприятия": [HEADERS] + [event_row(title=str(i)) for i in range(200)]}
    )
    assert len(data) > 1024
    [error] = file_errors(librarian_client, data)
    assert "больше допустимых" in error


def test_a_missing_column_is_named(librarian_client):
    headers = [h for h in HEADERS if h != "Форма"]
    rows = [[v for h, v in zip(HEADERS, event_row(), strict=True) if h != "Форма"]]
    errors = file_errors(librarian_client, workbook_bytes({"Мероприятия": [headers, *rows]}))
    assert errors == ["На листе «Мероприятия» нет столбца «Форма»."]


def test_a_misspelled_column_is_named_with_a_hint(librarian_client):
    headers = ["Дата мероприятия" if h == "Дата" else h for h in HEADERS]
    errors = file_errors(librarian_client, workbook_bytes({"Мероприятия": [headers, event_row()]}))
    assert "неизвестный столбец «Дата мероприятия» — может быть, «Дата»?" in errors[0]
    assert "нет столбца «Дата»" in errors[1]


def test_formulas_are_refused(librarian_client):
    row = event_row()
    row[HEADERS.index("Участников")] = "=10+15"
    [error] = file_errors(librarian_client, workbook_bytes({"Мероприятия": [HEADERS, row]}))
    assert "ячейка J2: формула «=10+15»" in error


def test_merged_cells_are_refused(librarian_client):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Мероприятия"
    sheet.append(HEADERS)
    sheet.append(event_row())
    sheet.append(event_row(title="Второе"))
    sheet.merge_cells("A2:A3")
    buffer = io.BytesIO()
    book.save(buffer)
    [error] = file_errors(librarian_client, buffer.getvalue())
    assert "объединённые ячейки (A2:A3)" in error


def test_dates_typed_as_text_are_errors_of_their_row_and_column(librarian_client):
    errors = row_errors(
        librarian_client,
        workbook_bytes({"Мероприятия": [HEADERS, event_row(date="5 марта 2021")]}),
    )
    assert errors == [
        "2|Дата|«5 марта 2021» — не дата. Введите дату в формате дд.мм.гггг "
        "(например, 05.03.2021) или ячейкой с форматом «Дата»."
    ]


def test_unknown_list_values_are_errors_with_the_allowed_values(librarian_client):
    errors = row_errors(
        librarian_client,
        workbook_bytes({"Мероприятия": [HEADERS, event_row(Платформы="Facebook; Телеграм")]}),
    )
    [error] = errors
    assert error.startswith("2|Платформы|«Телеграм» нет в списке «платформы». Допустимо:")
    assert "«Instagram»" in error


def test_duplicates_of_existing_rows_are_refused(librarian_client):
    data = workbook_bytes({"Мероприятия": [HEADERS, event_row()]})
    response = librarian_client.post(
        "/admin/events/event/import/",
        {"resource": "0", "format": "0", "import_file": SimpleUploadedFile("e.xlsx", data)},
        follow=True,
    )
    form = response.context["confirm_form"]
    librarian_client.post(
        "/admin/events/event/process_import/", {k: form.initial[k] for k in form.initial}
    )
    assert Event.objects.count() == 1
    response = librarian_client.post(
        "/admin/events/event/import/",
        {"resource": "0", "format": "0", "import_file": SimpleUploadedFile("e.xlsx", data)},
        follow=True,
    )
    [row] = response.context["result"].invalid_rows
    assert row.non_field_specific_errors == [
        "Такая запись уже есть в базе: строка повторяет внесённую ранее."
    ]
    assert Event.objects.count() == 1


def test_a_csv_file_from_russian_excel_is_read(librarian_client):
    lines = [";".join(HEADERS), ";".join(v or "" for v in event_row())]
    data = "\r\n".join(lines).encode("cp1251")
    response = librarian_client.post(
        "/admin/events/event/import/",
        {"resource": "0", "format": "0", "import_file": SimpleUploadedFile("e.csv", data)},
        follow=True,
    )
    assert response.context["confirm_form"] is not None


# The command reads whole workbooks: sheets are checked too.


def test_the_command_refuses_an_unknown_sheet(organization):
    data = workbook_bytes({"ЦБС": [["Код"]], "Мероприятия 2021": [HEADERS]})
    with pytest.raises(DataFileError, match="Лист «Мероприятия 2021» не знаком"):
        workbook_import(data, "all.xlsx")


def test_the_command_refuses_a_file_without_the_organization_sheet(db):
    data = workbook_bytes({"Мероприятия": [HEADERS, event_row()]})
    with pytest.raises(DataFileError, match="нет листа «ЦБС»"):
        workbook_import(data, "all.xlsx")


def test_the_command_refuses_csv(db):
    with pytest.raises(DataFileError, match="нужен XLSX"):
        workbook_import(b"a;b\n1;2\n", "all.csv")


def test_the_command_changes_nothing_when_a_later_sheet_has_an_error(tmp_path, db):
    organization = [
        ["Код", "Название (рус.)", "Название (каз.)", "Краткое название", "Город (рус.)",
         "Город (каз.)", "Сайт"],
        ["new-cbs", "Новая ЦБС", "", "ЦБС", "Балхаш", "", ""],
    ]  # fmt: skip
    path = tmp_path / "bad.xlsx"
    path.write_bytes(
        workbook_bytes({"ЦБС": organization, "Мероприятия": [HEADERS, event_row(library="zz")]})
    )
    with pytest.raises(CommandError) as error:
        call_command("import_data", str(path))
    assert "Лист «Мероприятия», строка 2, столбец «Библиотека»: Библиотеки «zz» нет" in str(
        error.value
    )
    assert not Organization.objects.filter(code="new-cbs").exists()


def test_the_command_reports_a_bad_file_in_russian(tmp_path, db):
    path = tmp_path / "notes.txt"
    path.write_bytes(b"")
    with pytest.raises(CommandError, match="Файл не загружен:\nФайл «notes.txt» пуст"):
        call_command("import_data", str(path))
