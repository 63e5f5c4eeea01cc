"""Every data admin offers import/export and an empty template with the allowed values."""

import io

import openpyxl
import pytest
from django.contrib import admin

from dataio.schema import SHEET_BY_MODEL, SHEETS
from dataio.templates_xlsx import LISTS_SHEET
from entry.admin_mixins import DataIOAdminMixin
from events.models import Event

REGISTERED = [sheet for sheet in SHEETS if sheet.in_admin]


def template_url(model) -> str:
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/import-template/"


def test_every_model_in_the_files_has_an_admin_with_import_and_export():
    for sheet in REGISTERED:
        assert isinstance(admin.site._registry[sheet.model], DataIOAdminMixin), sheet.model


@pytest.mark.parametrize("sheet", REGISTERED, ids=lambda s: s.model.__name__)
def test_the_template_has_the_headers_and_the_allowed_values(admin_client, sample_data, sheet):
    response = admin_client.get(template_url(sheet.model))
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    data = book[sheet.title]
    assert [c.value for c in data[1]] == sheet.headers
    lists = book[LISTS_SHEET]
    listed = {c.value: [] for c in lists[1] if c.value}
    for column in lists.iter_cols(min_row=1, values_only=True):
        if column[0]:
            listed[column[0]] = [v for v in column[1:] if v is not None]
    for column in sheet.columns:
        if column.kind in ("list", "many", "choice", "bool", "library", "period"):
            assert listed.get(column.header), column.header
    dropdowns = {str(v.sqref).split(":")[0] for v in data.data_validations.dataValidation}
    for index, column in enumerate(sheet.columns, 1):
        letter = openpyxl.utils.get_column_letter(index)
        if column.kind in ("list", "choice", "bool", "library", "period"):
            assert f"{letter}2" in dropdowns, column.header


def test_the_event_template_lists_forms_and_a_librarian_sees_only_their_library(
    client, librarian, sample_data
):
    client.force_login(librarian)
    response = client.get("/admin/events/event/import-template/")
    assert response.status_code == 200
    lists = openpyxl.load_workbook(io.BytesIO(response.content))[LISTS_SHEET]
    columns = {col[0]: [v for v in col[1:] if v] for col in lists.iter_cols(values_only=True)}
    assert columns["Библиотека"] == ["cgb"]
    assert "Челлендж" in columns["Форма"]
    assert "Facebook" in columns["Платформы"]
    assert columns["Выделить в отчёте"][:1] == ["—"]


def test_a_filled_template_imports(client, librarian, sample_data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from events.models import Event

    client.force_login(librarian)
    book = openpyxl.load_workbook(
        io.BytesIO(client.get("/admin/events/event/import-template/").content)
    )
    sheet = book["Мероприятия"]
    headers = [c.value for c in sheet[1]]
    values = {"Библиотека": "cgb", "Дата": "01.06.2021", "Название": "Из шаблона", "Форма": "Акция"}
    for index, header in enumerate(headers, 1):
        sheet.cell(row=2, column=index, value=values.get(header))
    buffer = io.BytesIO()
    book.save(buffer)
    response = client.post(
        "/admin/events/event/import/",
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile("t.xlsx", buffer.getvalue()),
        },
        follow=True,
    )
    form = response.context["confirm_form"]
    client.post("/admin/events/event/process_import/", form.initial)
    assert Event.objects.filter(title="Из шаблона").exists()


def test_a_librarian_gets_no_template_for_organization_wide_data(client, librarian):
    client.force_login(librarian)
    assert client.get("/admin/holdings/acquisitionbudget/import-template/").status_code == 403


def test_the_templates_help_is_in_the_users_language_and_the_headers_stay_importable(
    client, librarian, sample_data
):
    client.force_login(librarian)
    client.cookies["django_language"] = "kk"
    response = client.get("/admin/events/event/import-template/")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = SHEET_BY_MODEL[Event]
    # The data sheet keeps the headers the import reads; the help around it is Kazakh.
    assert [c.value for c in book[sheet.title][1]] == sheet.headers
    assert "Рұқсат етілген мәндер" in book.sheetnames
    help_rows = list(book["Қалай толтыру керек"].iter_rows(values_only=True))
    assert help_rows[3] == ("Баған", "Енгізілетін мән")
    assert ("Дата", "күні: КК.АА.ЖЖЖЖ") in help_rows
    validation = book[sheet.title].data_validations.dataValidation[0]
    assert validation.errorTitle == "Рұқсат етілмеген мән"
