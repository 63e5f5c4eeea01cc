"""Rows of a model as file cells, and an organization's whole data as one workbook."""

from django.db.models import Prefetch, QuerySet

from branches.lists import ListItem
from branches.models import Organization
from branches.scoping import lookups_for
from dataio.cells import write_plain
from dataio.schema import (
    BOOL,
    CHOICE,
    DATE,
    DECIMAL,
    INT,
    LIBRARY,
    LIST,
    MANY,
    PERIOD,
    RELATIONS,
    REPORT,
    SHEETS,
    Column,
    Sheet,
)

DATE_NUMBER_FORMAT = "DD.MM.YYYY"
# Rows read from the database at a time when writing a file: few enough to keep
# memory flat, many enough that a library's file takes one read per relation.
EXPORT_CHUNK_ROWS = 2000
# Column widths in Excel's units (characters): a date fits, a title is readable,
# a long header wraps onto two lines instead of widening a column of numbers.
NARROW_KINDS = (INT, DECIMAL, BOOL, LIBRARY, PERIOD, REPORT)
LIST_KINDS = (LIST, CHOICE, MANY)
WIDEST_HEADER = 20


def column_width(column: Column) -> int:
    if column.kind == DATE:
        base = 12
    elif column.kind in NARROW_KINDS:
        base = 9
    elif column.kind in LIST_KINDS:
        base = 30  # «значимое литературное событие», «Литературный вечер, час поэзии»
    elif column.name == "title":
        base = 45
    else:  # text: a short number or code, or a longer phrase, by the field's length
        max_length = column.field.max_length
        base = 16 if max_length and max_length <= 50 else 30
    return max(base, min(len(column.header) + 2, WIDEST_HEADER))


def column_widths(sheet: Sheet) -> list[int]:
    return [column_width(column) for column in sheet.columns]


def cell_value(column, instance, native: bool = True):
    if column.kind == MANY:
        items = getattr(instance, column.name).all()
        return "; ".join(item.name_ru for item in items) or None
    if column.kind in RELATIONS:
        related = getattr(instance, column.name)
        if related is None:
            return None
        if column.kind in (LIBRARY, PERIOD):
            return related.code
        if column.kind == REPORT:
            return related.period.code
        return related.name_ru
    return write_plain(column, getattr(instance, column.name), native)


def row_values(sheet: Sheet, instance, native: bool = True) -> list:
    return [cell_value(column, instance, native) for column in sheet.columns]


def sheet_queryset(sheet: Sheet, organization: Organization | None) -> QuerySet:
    """Every row of `sheet` that belongs to `organization` (lists are shared)."""
    model = sheet.model
    query = model._default_manager.all()
    if organization is not None and not issubclass(model, ListItem):
        _library, organization_lookup = lookups_for(model)
        query = query.filter(**{organization_lookup: organization.pk})
    return with_cell_relations(query, sheet).order_by("pk")


def with_cell_relations(query: QuerySet, sheet: Sheet) -> QuerySet:
    """`query` loading the related rows `cell_value` reads: a fixed number of
    queries however many rows are written, not one per row and relation."""
    related = [c.name for c in sheet.columns if c.kind in RELATIONS]
    related += [f"{c.name}__period" for c in sheet.columns if c.kind == REPORT]
    if related:
        query = query.select_related(*related)
    for column in sheet.columns:
        if column.kind == MANY:
            ordered = column.related_model.objects.order_by("order", "name_ru")
            query = query.prefetch_related(Prefetch(column.name, queryset=ordered))
    return query


def write_sheet(
    book, title: str, headers: list[str], rows, date_columns: set[int], widths=None
) -> int:
    """Append a header and `rows` to a new write-only sheet; returns the row count.

    Dates get the dd.mm.yyyy format; a text that starts with "=" stays text
    (openpyxl would otherwise write it as a formula: a user's title must never
    run as one in somebody's Excel). Columns get `widths` and the header row
    stays in view when scrolling, so the file reads without resizing anything.
    """
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    worksheet = book.create_sheet(title)
    for index, width in enumerate(widths or [], 1):
        worksheet.column_dimensions[get_column_letter(index)].width = width
    worksheet.freeze_panes = "A2"
    # Printed, a wide table goes across the page, every column on it.
    worksheet.page_setup.orientation = "landscape"
    worksheet.sheet_properties.pageSetUpPr.fitToPage = True
    worksheet.page_setup.fitToWidth = 1
    worksheet.page_setup.fitToHeight = 0
    header = []
    for text in headers:
        cell = WriteOnlyCell(worksheet, text)
        style_header(cell)
        header.append(cell)
    worksheet.append(header)
    count = 0
    for values in rows:
        values = list(values)
        for index, value in enumerate(values):
            if value is None:
                continue
            if index in date_columns and not isinstance(value, str):
                cell = WriteOnlyCell(worksheet, value)
                cell.number_format = DATE_NUMBER_FORMAT
                values[index] = cell
            elif isinstance(value, str) and value.startswith("="):
                cell = WriteOnlyCell(worksheet, value)
                cell.data_type = "s"
                values[index] = cell
        worksheet.append(values)
        count += 1
    return count


def style_header(cell) -> None:
    from openpyxl.styles import Alignment, Font

    cell.font = Font(bold=True)
    cell.alignment = Alignment(wrap_text=True, vertical="top")


def date_columns_of(sheet: Sheet) -> set[int]:
    return {i for i, c in enumerate(sheet.columns) if c.kind == DATE}


def organization_export(*, organization: Organization, output) -> dict[str, int]:
    """Write every sheet of `organization` to `output` (a path or a binary file)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    counts = {}
    for sheet in SHEETS:
        rows = (
            row_values(sheet, instance)
            for instance in sheet_queryset(sheet, organization).iterator(
                chunk_size=EXPORT_CHUNK_ROWS
            )
        )
        counts[sheet.title] = write_sheet(
            book, sheet.title, sheet.headers, rows, date_columns_of(sheet), column_widths(sheet)
        )
    book.save(output)
    return counts
