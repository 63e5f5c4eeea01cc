"""Empty XLSX templates: the headers of one kind of data and the values its
list columns accept (a drop-down in each list column, and a sheet that lists them)."""

import io

from branches.models import Library, ReportingPeriod
from dataio.cells import texts_not_formulas
from dataio.exporting import column_width, style_header
from dataio.schema import DATE, LIBRARY, MANY, PERIOD, Sheet

LISTS_SHEET = "Допустимые значения"
TEMPLATE_ROWS = 1000


def allowed_values(column, organization, only_library) -> list[str] | None:
    if column.kind == LIBRARY:
        if only_library is not None:
            return [only_library.code]
        return list(
            Library.objects.filter(organization=organization).values_list("code", flat=True)
        )
    if column.kind == PERIOD:
        periods = ReportingPeriod.objects.filter(organization=organization)
        return [p.code for p in periods]
    return column.allowed_values


def template_workbook(sheet: Sheet, *, organization, only_library=None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    data = book.active
    data.title = sheet.title
    lists = book.create_sheet(LISTS_SHEET)
    data.append(sheet.headers)
    lists_column = 0
    for index, column in enumerate(sheet.columns, 1):
        letter = get_column_letter(index)
        style_header(data.cell(row=1, column=index))
        data.column_dimensions[letter].width = column_width(column)
        if column.kind == DATE:
            for row in range(2, TEMPLATE_ROWS + 2):
                data.cell(row=row, column=index).number_format = "DD.MM.YYYY"
        values = allowed_values(column, organization, only_library)
        if not values:
            continue
        lists_column += 1
        list_letter = get_column_letter(lists_column)
        lists.cell(row=1, column=lists_column, value=column.header).font = Font(bold=True)
        for row, value in enumerate(values, 2):
            lists.cell(row=row, column=lists_column, value=value)
        lists.column_dimensions[list_letter].width = 30
        if column.kind == MANY:
            continue  # several values separated by «;»: a drop-down would forbid that
        reference = (
            f"{quote_sheetname(LISTS_SHEET)}!${list_letter}$2:${list_letter}${len(values) + 1}"
        )
        validation = DataValidation(
            type="list",
            formula1=reference,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Недопустимое значение",
            error="Выберите значение из списка (лист «Допустимые значения»).",
        )
        validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
        data.add_data_validation(validation)
    data.freeze_panes = "A2"
    texts_not_formulas(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
