"""Every way a file can be wrong gets a message naming the Excel row and column,
in Russian and Kazakh, in the admin and from `import_data` alike: never an
English exception, a traceback, or a PostgreSQL error."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from events.models import Event
from tests.dataio import hostile as h
from tests.dataio.conftest import workbook_bytes
from tests.dataio.test_admin_import import HEADERS, event_row
from tests.dataio.test_bad_files import file_errors, librarian_client, row_errors  # noqa: F401
from tests.dataio.test_commands import empty_database, exported  # noqa: F401

# In the admin


def test_a_row_repeated_inside_the_file_is_named_as_such(librarian_client):  # noqa: F811
    data = workbook_bytes(
        {"Мероприятия": [HEADERS, event_row(), event_row(title="Другое"), event_row()]}
    )
    errors = row_errors(librarian_client, data)
    assert errors == [
        "4|__all__|Строка повторяет строку 2 этого же файла: одна и та же запись внесена дважды."
    ]


def test_a_row_repeated_inside_the_file_in_kazakh(librarian_client):  # noqa: F811
    librarian_client.post("/i18n/setlang/", {"language": "kk", "next": "/admin/"})
    data = workbook_bytes({"Мероприятия": [HEADERS, event_row(), event_row()]})
    [error] = row_errors(librarian_client, data)
    assert error.startswith("3|__all__|") and "2" in error
    assert "повторяет" not in error


def test_a_nul_character_is_named_by_its_cell_and_nothing_is_saved(librarian_client):  # noqa: F811
    # Past the first 4 KB, where the old check for binary files stopped looking.
    rows = [";".join(HEADERS)] + [
        ";".join(v or "" for v in event_row(title=f"Т{n}")) for n in range(80)
    ]
    rows.append(";".join(v or "" for v in event_row(title="Вик\x00торина")))
    data = "\r\n".join(rows).encode("utf-8-sig")
    assert len(data) > 4096
    [error] = file_errors(librarian_client, data, name="events.csv")
    assert error.startswith("Ячейка C82: в тексте есть нулевой символ (код 0)")


def test_a_csv_whose_first_rows_run_past_4_kb_reads_its_headers(librarian_client):  # noqa: F811
    note = "Примечание, длинное, с запятыми. " * 200
    rows = [";".join(HEADERS), ";".join(v or "" for v in event_row(**{"Примечание": note}))]
    data = "\r\n".join(rows).encode("utf-8-sig")
    response = librarian_client.post(
        "/admin/events/event/import/",
        {"resource": "0", "format": "0", "import_file": SimpleUploadedFile("e.csv", data)},
        follow=True,
    )
    assert response.context["form"].errors == {}
    assert not response.context["result"].invalid_rows, (
        response.context["result"].invalid_rows[0].error_dict
    )
    assert response.context["confirm_form"] is not None


# From import_data


def _edited(path, edit) -> bytes:
    book = openpyxl.load_workbook(path)
    edit(book["Мероприятия"])
    for sheet in book.worksheets:  # openpyxl would save a text "=…" as a formula
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _swapped(data: bytes, old: str, new: str) -> bytes:
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            target.writestr(name, source.read(name).replace(old.encode(), new.encode()))
    return out.getvalue()


def _run_import(tmp_path, data) -> str:
    path = tmp_path / "edited.xlsx"
    path.write_bytes(data)
    with pytest.raises(CommandError) as refused:
        call_command("import_data", str(path))
    return str(refused.value)


def _column(sheet, header) -> int:
    return [c.value for c in sheet[1]].index(header) + 1


def test_import_data_refuses_a_row_repeated_inside_the_file(exported, tmp_path):  # noqa: F811
    def repeat_last_row(sheet):
        sheet.append([c.value for c in sheet[sheet.max_row]])

    data = _edited(exported, repeat_last_row)
    empty_database()
    message = _run_import(tmp_path, data)
    assert "Строка повторяет строку 3 этого же файла" in message
    assert "Лист «Мероприятия», строка 4: Строка повторяет строку 3 этого же файла" in message
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    "value, number_format, expected",
    [
        ("INF", "General", "ячейка {cell}: значение «INF» записано в файле с ошибкой"),
        ("NaN", "General", "ячейка {cell}: значение «NaN» записано в файле с ошибкой"),
        (1e20, "dd.mm.yyyy", "ячейка {cell}: «1e+20» в ячейке с форматом даты — не дата"),
    ],
    ids=["infinity", "nan", "huge-date"],
)
def test_import_data_names_a_broken_cell_instead_of_a_traceback(
    exported,  # noqa: F811
    tmp_path,
    value,
    number_format,
    expected,
):
    marker = 987654321  # openpyxl writes no infinity: the number is swapped in the XML
    spoiled = []

    def spoil(sheet):
        cell = sheet.cell(row=2, column=_column(sheet, "Участников"))
        cell.value = marker if isinstance(value, str) else value
        cell.number_format = number_format
        spoiled.append(cell.coordinate)

    data = _swapped(_edited(exported, spoil), f"<v>{marker}</v>", f"<v>{value}</v>")
    empty_database()
    message = _run_import(tmp_path, data)
    assert "Файл не загружен:" in message
    assert expected.format(cell=spoiled[0]) in message


def test_import_data_names_a_damaged_sheet(exported, tmp_path):  # noqa: F811
    import zipfile

    source = zipfile.ZipFile(exported)
    names = source.namelist()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in names:
            content = source.read(name)
            if name == "xl/worksheets/sheet14.xml":
                content = content[: len(content) // 2]  # cut off mid-way: no longer XML
            target.writestr(name, content)
    message = _run_import(tmp_path, out.getvalue())
    assert "повреждён и не читается" in message
    assert "Traceback" not in message


def test_a_broken_style_index_is_named_in_import_data(tmp_path, db):
    data = h.rebuild(
        {h.SHEET: lambda: h.sheet_chunks([h.good_row(2, '<c r="J2" s="x"><v>5</v></c>')])}
    )
    path = tmp_path / "events.xlsx"
    path.write_bytes(data)
    with pytest.raises(CommandError) as refused:
        call_command("import_data", str(path))
    assert "Traceback" not in str(refused.value)
