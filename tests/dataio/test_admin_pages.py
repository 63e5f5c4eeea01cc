"""What a librarian reads on the import and export pages and in the files they get."""

import datetime
import io
import re
from pathlib import Path
from urllib.parse import unquote

import openpyxl
import pytest
from django.utils import translation

from events.models import Event
from tests.dataio.conftest import workbook_bytes
from tests.dataio.test_admin_import import (
    HEADERS,
    confirm,
    event_row,
    grant,
    upload,
)

EXPORT_URL = "/admin/events/event/export/"
TEMPLATE_URL = "/admin/events/event/import-template/"
KK_CATALOGUE = Path(__file__).resolve().parents[2] / "dataio/locale/kk/LC_MESSAGES/django.po"


@pytest.fixture
def librarian_client(client, librarian, period):
    grant(librarian, "add_event", "view_event", "change_event")
    client.force_login(librarian)
    return client


def page_text(response) -> str:
    """The page as read: tags dropped, entities and spaces as a browser shows them."""
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    text = text.replace("&laquo;", "«").replace("&raquo;", "»").replace("&#x27;", "'")
    return re.sub(r"\s+", " ", text)


def filename_of(response) -> str:
    header = response["Content-Disposition"]
    match = re.search(r"filename\*=utf-8''([^;]+)", header, re.IGNORECASE)
    return unquote(match.group(1)) if match else re.search(r'filename="([^"]+)"', header)[1]


def test_every_error_is_in_view_by_row_and_column_not_only_under_the_mouse(librarian_client):
    data = workbook_bytes(
        {
            "Мероприятия": [
                HEADERS,
                event_row(),
                event_row(date="31.02.2021", form="Пляски"),
                event_row(title="Третье", Участников="двадцать"),
            ]
        }
    )
    text = page_text(upload(librarian_client, data))
    assert "В файле есть ошибки — ничего не сохранено" in text
    assert "Строк с ошибками: 2 из 3." in text
    assert "Строка 3, столбец «Дата»: «31.02.2021» — не дата." in text
    assert "Строка 3, столбец «Форма»: «Пляски» нет в списке «формы мероприятий»." in text
    assert "Строка 4, столбец «Участников»: «двадцать» — не целое число." in text
    assert "валидацию" not in text
    assert not Event.objects.exists()


def test_a_blank_row_left_in_the_sheet_does_not_shift_the_row_numbers(librarian_client):
    data = workbook_bytes(
        {"Мероприятия": [HEADERS, event_row(), [None] * len(HEADERS), event_row(date="99")]}
    )
    result = upload(librarian_client, data).context["result"]
    assert [row.number for row in result.invalid_rows] == [4]  # as Excel numbers it


def test_an_excel_date_in_a_refused_row_is_shown_as_dd_mm_yyyy(librarian_client):
    data = workbook_bytes(
        {"Мероприятия": [HEADERS, event_row(date=datetime.datetime(2021, 3, 2), form="Пляски")]}
    )
    response = upload(librarian_client, data)
    [row] = response.context["result"].invalid_rows
    assert "02.03.2021" in row.values
    assert "0:00" not in page_text(response)


def test_the_preview_says_what_will_happen_and_the_success_message_what_did(
    librarian_client, librarian
):
    data = workbook_bytes({"Мероприятия": [HEADERS, event_row(), event_row(title="Акция")]})
    preview = upload(librarian_client, data)
    text = page_text(preview)
    assert "Файл «events.xlsx» проверен, ошибок нет. Строк с данными: 2; будет добавлено: 2" in text
    assert "Пока ничего не сохранено" in text
    assert "Будет добавлена" in text

    done = confirm(librarian_client, preview)
    listing = librarian_client.get(done["Location"])
    assert "Файл «events.xlsx» загружен. Добавлено записей: 2." in page_text(listing)
    reasons = {e.history.get().history_change_reason for e in Event.objects.all()}
    assert reasons == {"Импорт из файла «events.xlsx»"}


def test_a_file_refused_for_its_columns_still_shows_which_columns_are_expected(
    librarian_client,
):
    headers = ["Наименование" if h == "Название" else h for h in HEADERS]
    data = workbook_bytes({"Мероприятия": [headers, event_row()]})
    text = page_text(upload(librarian_client, data))
    assert "неизвестный столбец «Наименование» — может быть, «Название»?" in text
    assert "«Название»" in text.split("Будут импортированы следующие поля:")[1][:400]
    assert "«Инициативы, программы»" in text  # one column, though it has a comma


def test_a_misspelt_list_value_gets_the_likely_one_suggested(librarian_client):
    data = workbook_bytes({"Мероприятия": [HEADERS, event_row(form="Мастеркласс")]})
    [row] = upload(librarian_client, data).context["result"].invalid_rows
    assert "может быть, «Мастер-класс»?" in row.field_specific_errors["Форма"][0]


def test_the_exported_xlsx_reads_without_resizing_a_column(client, methodologist, sample_data):
    grant(methodologist, "view_event")
    client.force_login(methodologist)
    response = client.post(EXPORT_URL, {"format": "0", "resource": "0"})
    assert filename_of(response).startswith("Мероприятия ")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    widths = {cell.value: sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]}
    assert widths["Дата"] >= 11  # "12.06.2021", not "###"
    assert widths["Название"] >= 40
    assert widths["Выделить в отчёте"] >= len("значимое литературное событие")
    assert sheet.freeze_panes == "A2"
    assert sheet["B2"].number_format == "DD.MM.YYYY"


def test_the_export_page_has_excel_chosen_and_names_the_formats(client, methodologist):
    grant(methodologist, "view_event")
    client.force_login(methodologist)
    content = client.get(EXPORT_URL).content.decode()
    assert re.search(r'<option value="0" selected>Excel \(xlsx\)</option>', content)
    assert "CSV (для Excel, через «;»)" in content


def test_the_template_is_named_in_russian_and_its_columns_are_readable(librarian_client):
    response = librarian_client.get(TEMPLATE_URL)
    assert filename_of(response) == "Мероприятия — шаблон.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["Мероприятия"]
    assert sheet.column_dimensions["C"].width >= 40  # Название


def test_the_kazakh_preview_and_errors_are_in_kazakh(librarian_client):
    librarian_client.cookies["django_language"] = "kk"
    data = workbook_bytes({"Мероприятия": [HEADERS, event_row(date="31.02.2021")]})
    text = page_text(upload(librarian_client, data))
    assert "Файлда қателер бар — ештеңе сақталмады" in text
    assert "2-жол, «Дата» бағаны: «31.02.2021» — күн емес." in text
    with translation.override("kk"):
        assert translation.gettext("Будет добавлена") == "Қосылады"


def test_no_kazakh_translation_says_its_text_twice():
    """A .po edit once left each long message followed by its own copy."""
    text = KK_CATALOGUE.read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        _msgid, _, msgstr = block.partition("\nmsgstr ")
        translation_text = "".join(re.findall(r'^"(.*)"$', msgstr, re.M))
        half = len(translation_text) // 2
        assert not (half and translation_text[:half] == translation_text[half:]), block
