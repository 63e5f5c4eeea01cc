"""Empty XLSX templates: the headers of one kind of data and the values its
list columns accept (a drop-down in each list column, and a sheet that lists them),
with a help sheet saying what each column takes. The headers and values are the
ones the import reads (Russian); the help, sheet names and messages are in the
user's language."""

import io

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from branches.models import Library, ReportingPeriod
from dataio.cells import texts_not_formulas
from dataio.exporting import column_width, style_header
from dataio.schema import BOOL, CHOICE, DATE, DECIMAL, INT, LIBRARY, LIST, MANY, PERIOD, Sheet

LISTS_SHEET = gettext_lazy("Допустимые значения")
HELP_SHEET = gettext_lazy("Как заполнить")
TEMPLATE_ROWS = 1000
KIND_HELP = {
    DATE: gettext_lazy("дата: ДД.ММ.ГГГГ"),
    INT: gettext_lazy("целое число"),
    DECIMAL: gettext_lazy("число, дробная часть через запятую"),
    BOOL: gettext_lazy("да или нет"),
    CHOICE: gettext_lazy("одно значение из списка (лист «%(lists)s»)"),
    LIST: gettext_lazy("одно значение из списка (лист «%(lists)s»)"),
    MANY: gettext_lazy("несколько значений из списка через «;» (лист «%(lists)s»)"),
    LIBRARY: gettext_lazy("код библиотеки (лист «%(lists)s»)"),
    PERIOD: gettext_lazy("период, например 2021-H1 (лист «%(lists)s»)"),
}


def _help_sheet(book, sheet: Sheet, lists_title: str) -> None:
    from openpyxl.styles import Alignment, Font

    help_sheet = book.create_sheet(str(HELP_SHEET))
    help_sheet.append([_("Лист «%(sheet)s»: одна строка — одна запись.") % {"sheet": sheet.title}])
    help_sheet.append([_("Заголовки столбцов не меняйте: по ним читается загрузка.")])
    help_sheet.append([])
    help_sheet.append([_("Столбец"), _("Что вводить")])
    for cell in help_sheet[4]:
        cell.font = Font(bold=True)
    for column in sheet.columns:
        what = KIND_HELP.get(column.kind, gettext_lazy("текст"))
        help_sheet.append([column.header, str(what) % {"lists": lists_title}])
        help_sheet.cell(help_sheet.max_row, 2).alignment = Alignment(wrap_text=True)
    help_sheet.column_dimensions["A"].width = 30
    help_sheet.column_dimensions["B"].width = 70


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
    lists_title = str(LISTS_SHEET)
    lists = book.create_sheet(lists_title)
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
            f"{quote_sheetname(lists_title)}!${list_letter}$2:${list_letter}${len(values) + 1}"
        )
        validation = DataValidation(
            type="list",
            formula1=reference,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=_("Недопустимое значение"),
            error=_("Выберите значение из списка (лист «%(lists)s»).") % {"lists": lists_title},
        )
        validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
        data.add_data_validation(validation)
    data.freeze_panes = "A2"
    _help_sheet(book, sheet, lists_title)
    texts_not_formulas(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
