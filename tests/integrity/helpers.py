"""Shared by the integrity tests: a small fund ledger and an import of a few rows."""

import datetime

import openpyxl
from django.core.management import call_command

from dataio.schema import SHEETS
from holdings.models import FundingSource, FundSnapshot, Receipt, WriteOff, WriteOffReason

D = datetime.date


def small_ledger(library):
    """Opening balance 0 on 01.01, a receipt of 10 on 01.03, a write-off of 8 on 20.03."""
    FundSnapshot.objects.create(library=library, date=D(2021, 1, 1), copies=0, copies_kk=0)
    receipt = Receipt.objects.create(
        library=library,
        date=D(2021, 3, 1),
        source=FundingSource.objects.get(code="local-budget"),
        copies=10,
        copies_kk=0,
    )
    writeoff = WriteOff.objects.create(
        library=library,
        date=D(2021, 3, 20),
        reason=WriteOffReason.objects.get(code="wear"),
        copies=8,
        copies_kk=0,
    )
    return receipt, writeoff


def import_rows(tmp_path, title: str, rows: list[dict]):
    """`import_data` of a file with this database's reference sheets and `rows` on sheet `title`.

    Returns the CommandError raised, or None when the file was loaded.
    """
    from django.core.management import CommandError

    path = tmp_path / "rows.xlsx"
    call_command("export_data", "--output", str(path))
    book = openpyxl.load_workbook(path)
    references = {sheet.title for sheet in SHEETS if sheet.is_reference}
    for sheet in list(book.worksheets):
        if sheet.title not in references and sheet.title != title:
            book.remove(sheet)
    sheet = book[title]
    headers = [cell.value for cell in sheet[1]]
    sheet.delete_rows(2, sheet.max_row)
    for row in rows:
        sheet.append([row.get(header) for header in headers])
    book.save(path)
    try:
        call_command("import_data", str(path))
    except CommandError as error:
        return error
    return None
