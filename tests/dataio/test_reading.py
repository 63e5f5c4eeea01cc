"""The XLSX reader (python-calamine behind the limits) gives what openpyxl gives, formulas
and error values included; cells read by the documented rules."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.management import call_command

from dataio.cells import CellError, read_date, read_decimal, read_int
from dataio.files import DataFileError, open_data_file
from dataio.xlsx_calamine import XlsxReader
from tests.dataio import hostile as h


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


def _event_row_with(cell: str) -> list:
    """The events sheet's values in row 2, the good row holding `cell` (raw XML)."""
    data = h.rebuild(
        {h.STYLES: lambda: [h.DATE_STYLES], h.SHEET: lambda: h.sheet_chunks([h.good_row(2, cell)])}
    )
    book = open_data_file(data, "e.xlsx")
    try:
        [(number, values)] = list(book.sheet("Мероприятия").rows)
    finally:
        book.close()
    assert number == 2
    return list(values)


def test_a_formula_saved_with_its_result_is_still_refused_by_the_import():
    # Excel and LibreOffice cache the result (<v>25</v>), which calamine reads as the value.
    with pytest.raises(DataFileError) as refused:
        _event_row_with('<c r="J2"><f>10+15</f><v>25</v></c>')
    assert "ячейка J2: формула «=10+15»" in str(refused.value)


def test_an_error_value_is_read_as_its_text_not_as_an_empty_cell():
    assert _event_row_with('<c r="J2" t="e"><v>#DIV/0!</v></c>')[9] == "#DIV/0!"


def test_a_broken_style_is_found_after_a_tab_as_after_a_space():
    with pytest.raises(DataFileError) as refused:
        _event_row_with('<c r="J2"\ts="x"><v>5</v></c>')
    assert "ячейка J2: значение «5» записано в файле с ошибкой" in str(refused.value)


def test_a_big_number_in_a_plain_cell_is_a_number_and_a_date_cell_a_date():
    values = _event_row_with('<c r="B2" s="1"><v>44260</v></c><c r="J2"><v>1e20</v></c>')
    assert values[1] == datetime.datetime(2021, 3, 5)
    assert values[9] == 1e20


def test_a_sheet_that_starts_at_c3_keeps_its_rows_and_columns():
    # Written against python-calamine 0.9.1, whose iter_rows yields every row from
    # the first but the columns only from the first one used.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["C3"], sheet["E4"], sheet["D6"] = "C3", 5, 2.5
    buffer = io.BytesIO()
    book.save(buffer)
    assert fast_rows(buffer.getvalue(), sheet.title) == {
        3: [None, None, "C3", None, None],
        4: [None, None, None, None, 5],
        6: [None, None, None, 2.5, None],
    }


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
