"""The fast XLSX reader gives what openpyxl gives; cells read by the documented rules."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.management import call_command

from dataio.cells import CellError, read_date, read_decimal, read_int
from dataio.xlsx_calamine import XlsxReader


def openpyxl_rows(data: bytes, title: str) -> list[list]:
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    rows = [list(r) for r in book[title].iter_rows(values_only=True)]
    book.close()
    return rows


def fast_rows(data: bytes, title: str) -> dict[int, list]:
    reader = XlsxReader(data)
    return dict(reader.rows(title))


def trimmed(rows) -> dict[int, list]:
    """{row number: values without trailing blanks}, blank rows left out."""
    items = rows.items() if isinstance(rows, dict) else enumerate(rows, 1)
    out = {}
    for number, row in items:
        row = list(row)
        while row and row[-1] is None:
            row.pop()
        if row:
            out[number] = row
    return out


def test_the_fast_reader_reads_an_export_exactly_as_openpyxl(sample_data, tmp_path):
    path = tmp_path / "all.xlsx"
    call_command("export_data", "--output", str(path))
    data = path.read_bytes()
    reader = XlsxReader(data)
    for title in reader.titles:
        assert trimmed(fast_rows(data, title)) == trimmed(openpyxl_rows(data, title)), title


def test_the_fast_reader_handles_shared_strings_numbers_booleans_dates_and_gaps():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Лист"
    sheet.append(["текст", 5, 2.5, True, datetime.datetime(2021, 3, 5), None, "после пропуска"])
    sheet["B3"] = "только B3"
    sheet["A4"] = "=SUM(B1:B2)"
    sheet["C1"].number_format = "0.00"
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    assert trimmed(fast_rows(data, "Лист")) == trimmed(openpyxl_rows(data, "Лист"))
    assert list(fast_rows(data, "Лист")) == [1, 3, 4]


@pytest.mark.parametrize(
    "value, expected",
    [
        (datetime.datetime(2021, 3, 5), datetime.date(2021, 3, 5)),
        ("05.03.2021", datetime.date(2021, 3, 5)),
        ("5.3.2021", datetime.date(2021, 3, 5)),
    ],
)
def test_dates_are_real_dates_or_dd_mm_yyyy(value, expected):
    assert read_date(value) == expected


@pytest.mark.parametrize("value", ["2021-03-05", "5 марта 2021", "31.02.2021", "03/05/2021"])
def test_other_date_texts_are_refused(value):
    with pytest.raises(CellError, match="дд.мм.гггг"):
        read_date(value)


def test_numbers_are_numbers():
    assert read_int(25) == 25
    assert read_int(25.0) == 25
    assert read_int("1 250") == 1250
    assert read_decimal("32,4") == Decimal("32.4")
    assert read_decimal(32.4) == Decimal("32.4")
    with pytest.raises(CellError, match="не целое число"):
        read_int(2.5)
    with pytest.raises(CellError, match="не целое число"):
        read_int("25 чел.")
