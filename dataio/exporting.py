"""Rows of a model as file cells, and an organization's whole data as one workbook."""

from django.db.models import Prefetch, QuerySet

from branches.lists import ListItem
from branches.models import Organization
from branches.scoping import lookups_for
from dataio.cells import write_plain
from dataio.schema import DATE, LIBRARY, MANY, PERIOD, RELATIONS, REPORT, SHEETS, Sheet

DATE_NUMBER_FORMAT = "DD.MM.YYYY"


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
    related = [c.name for c in sheet.columns if c.kind in RELATIONS]
    related += [f"{c.name}__period" for c in sheet.columns if c.kind == REPORT]
    if related:
        query = query.select_related(*related)
    for column in sheet.columns:
        if column.kind == MANY:
            ordered = column.related_model.objects.order_by("order", "name_ru")
            query = query.prefetch_related(Prefetch(column.name, queryset=ordered))
    return query.order_by("pk")


def write_sheet(book, title: str, headers: list[str], rows, date_columns: set[int]) -> int:
    """Append a header and `rows` to a new write-only sheet; returns the row count.

    Dates get the dd.mm.yyyy format; a text that starts with "=" stays text
    (openpyxl would otherwise write it as a formula: a user's title must never
    run as one in somebody's Excel).
    """
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    worksheet = book.create_sheet(title)
    bold = Font(bold=True)
    header = []
    for text in headers:
        cell = WriteOnlyCell(worksheet, text)
        cell.font = bold
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
            for instance in sheet_queryset(sheet, organization).iterator(chunk_size=2000)
        )
        counts[sheet.title] = write_sheet(
            book, sheet.title, sheet.headers, rows, date_columns_of(sheet)
        )
    book.save(output)
    return counts
