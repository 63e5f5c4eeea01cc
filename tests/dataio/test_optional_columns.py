"""Columns added to a sheet later may be missing from a file made before them."""

from branches.models import Library, Organization
from dataio.files import check_headers
from dataio.schema import SHEET_BY_MODEL
from events.models import Event


def test_a_file_without_the_report_wording_columns_still_passes_its_headers():
    sheet = SHEET_BY_MODEL[Event]
    optional = {c.header for c in sheet.columns if c.name in sheet.optional}
    assert optional == {
        "В рамках (что)", "В рамках (название)", "Печатать примечание в отчёте",
        "Место в списке отчёта", "Категории аудитории", "Название (каз.)", "Посвящено (каз.)",
        "В рамках (название, каз.)", "Аудитория (каз.)", "Гости (каз.)", "Примечание (каз.)",
        "От имени ЦБС в целом", "Направление",
        "Формулировка в отчёте (рус.)", "Формулировка в отчёте (каз.)",
    }  # fmt: skip
    older = [h for h in sheet.headers if h not in optional]
    assert check_headers(sheet, sheet.title, older) == []
    without_title = [h for h in older if h != "Название"]
    assert check_headers(sheet, sheet.title, without_title) == [
        "На листе «Мероприятия» нет столбца «Название»."
    ]
    library_sheet = SHEET_BY_MODEL[Library]
    headers = [h for h in library_sheet.headers if h != "Сокращение (каз.)"]
    assert check_headers(library_sheet, library_sheet.title, headers) == []
    # The ЦБС's sheet before its Kazakh short name (and the annual report's signature).
    organization_sheet = SHEET_BY_MODEL[Organization]
    optional = {
        c.header for c in organization_sheet.columns if c.name in organization_sheet.optional
    }
    assert "Краткое название (каз.)" in optional
    headers = [h for h in organization_sheet.headers if h not in optional]
    assert check_headers(organization_sheet, organization_sheet.title, headers) == []
