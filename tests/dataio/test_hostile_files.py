"""Files made to exhaust the server are refused before they are read.

The corpus is generated here (`tests.dataio.hostile`), not kept as binary
files: the issue's 413 KB file whose shared strings unpack to 400 MB, eight
million shared strings, three million empty rows, and the smaller tricks. Each
is refused within a second of processor time, names the limit in the user's
language, saves nothing and stays under 100 MB of memory.
"""

import functools
import time
import tracemalloc

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from dataio.files import DataFileError, open_data_file
from events.models import Event
from tests.dataio import hostile as h
from tests.dataio.conftest import workbook_bytes
from tests.dataio.test_admin_import import HEADERS, event_row
from tests.dataio.test_bad_files import file_errors, librarian_client  # noqa: F401

MB = 1024 * 1024


def shared_strings_bomb():
    """400 MB of shared strings packed into well under a megabyte."""
    yield f'<sst xmlns="{h.MAIN_NS}">'.encode()
    chunk = b"<si><t>" + b"x" * 48 + b"</t></si>"  # 64 bytes
    chunk *= MB // 64
    for _ in range(400):
        yield chunk
    yield b"</sst>"


def eight_million_strings():
    yield f'<sst xmlns="{h.MAIN_NS}">'.encode()
    for _ in range(80):
        yield b"<si/>" * 100_000
    yield b"</sst>"


def many_small_strings():
    """Under the size and packing limits, over the count."""
    yield f'<sst xmlns="{h.MAIN_NS}">'.encode()
    for block in range(31):
        yield "".join(f"<si><t>{block * 10_000 + n}</t></si>" for n in range(10_000)).encode()
    yield b"</sst>"


def empty_rows():
    return h.sheet_chunks(f'<row r="{n}"/>' for n in range(2, 3_000_000))


def _sheet(*rows):
    return lambda: h.sheet_chunks(rows)


HOSTILE = {
    "shared-strings-bomb": (
        lambda: h.rebuild({h.SHARED: shared_strings_bomb}),
        "после распаковки 400,0 МБ, а допустимо не больше 16,0 МБ",
    ),
    "eight-million-strings": (
        lambda: h.rebuild({h.SHARED: eight_million_strings}),
        "«xl/sharedStrings.xml» занимает после распаковки 38,1 МБ",
    ),
    "too-many-strings": (
        lambda: h.rebuild({h.SHARED: many_small_strings}),
        "больше 300000 разных текстов в ячейках",
    ),
    "three-million-empty-rows": (
        lambda: h.rebuild({h.SHEET: empty_rows}),
        "Лист «Мероприятия»: больше 200000 строк",
    ),
    "too-many-parts": (
        lambda: h.rebuild({}, extra=600),
        "внутренних частей, а допустимо не больше 500",
    ),
    "too-many-sheets": (
        lambda: workbook_bytes({f"Лист{n}": [["a"]] for n in range(61)}),
        "в нём 61 листов, а допустимо не больше 60",
    ),
    "long-cell": (
        lambda: h.rebuild({h.SHEET: _sheet(h.good_row(2, h._inline("B2", "x" * 40_000)))}),
        "Лист «Мероприятия», ячейка B2: текст длиннее 32767 символов",
    ),
    "column-past-xfd": (
        lambda: h.rebuild({h.SHEET: _sheet('<row r="2"><c r="ZZZZZZZZ2"><v>1</v></c></row>')}),
        "строка 2: ячейка «ZZZZZZZZ2» за последним столбцом Excel (XFD)",
    ),
}

BROKEN_CELLS = {
    "infinity": (
        '<c r="J2"><v>INF</v></c>',
        "ячейка J2: значение «INF» записано в файле с ошибкой",
    ),
    "nan": ('<c r="J2"><v>NaN</v></c>', "ячейка J2: значение «NaN» записано в файле с ошибкой"),
    "huge-date": (
        '<c r="B2" s="1"><v>1e20</v></c>',
        "ячейка B2: «1e20» в ячейке с форматом даты — не дата",
    ),
    "bad-style": ('<c r="J2" s="x"><v>5</v></c>', "ячейка J2: значение «5» записано в файле"),
    "missing-shared-string": (
        '<c r="C2" t="s"><v>99</v></c>',
        "ячейка C2: значение «99» записано в файле с ошибкой",
    ),
    "huge-integer": ('<c r="J2"><v>' + "9" * 5000 + "</v></c>", "ячейка J2: значение «9999"),
}


def _broken_cell_file(cell: str) -> bytes:
    return h.rebuild({h.STYLES: lambda: [h.DATE_STYLES], h.SHEET: _sheet(h.good_row(2, cell))})


ALL = {
    **HOSTILE,
    **{
        name: (lambda cell=cell: _broken_cell_file(cell), message)
        for name, (cell, message) in BROKEN_CELLS.items()
    },
}


@functools.cache
def built(case: str) -> bytes:
    """Each file is made once per run (the bomb takes a second to pack)."""
    return ALL[case][0]()


def _read_all(data: bytes):
    book = open_data_file(data, "hostile.xlsx")
    try:
        sheet = book.sheet("Мероприятия") if "Мероприятия" in book.titles else book.sheet()
        for _row in sheet.rows:
            pass
    finally:
        book.close()


@pytest.mark.parametrize("case", ALL, ids=str)
def test_a_hostile_file_is_refused_by_the_admin_naming_the_limit(librarian_client, case):  # noqa: F811
    errors = file_errors(librarian_client, built(case))
    message = ALL[case][1]
    assert any(message in error for error in errors), errors
    assert not Event.objects.exists()


@pytest.mark.parametrize("case", ALL, ids=str)
def test_a_hostile_file_is_refused_within_a_second_and_100_mb(db, case):
    data, message = built(case), ALL[case][1]
    started = time.process_time()
    with pytest.raises(DataFileError) as refused:
        _read_all(data)
    assert time.process_time() - started < 1.0
    assert message in str(refused.value)

    tracemalloc.start()
    try:
        with pytest.raises(DataFileError):
            _read_all(data)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 100 * MB, f"{peak / MB:.0f} MB"


def test_the_import_command_prints_the_limit_not_a_traceback(tmp_path):
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(built("shared-strings-bomb"))
    with pytest.raises(CommandError) as refused:
        call_command("import_data", str(path))
    assert "Файл не загружен:" in str(refused.value)
    assert "допустимо не больше 16,0 МБ" in str(refused.value)


def test_the_limits_are_settings(librarian_client, settings):  # noqa: F811
    settings.DATAIO_MAX_ROWS = 2
    data = workbook_bytes({"Мероприятия": [HEADERS, event_row(), event_row(), event_row()]})
    [error] = file_errors(librarian_client, data)
    assert "больше 2 строк" in error


def test_a_file_within_the_limits_still_imports(librarian_client):  # noqa: F811
    data = h.rebuild({h.SHEET: _sheet(h.good_row(2, h._inline("B2", "05.03.2021")))})
    response = librarian_client.post(
        "/admin/events/event/import/",
        {"resource": "0", "format": "0", "import_file": SimpleUploadedFile("e.xlsx", data)},
        follow=True,
    )
    assert response.context["confirm_form"] is not None, response.context["form"].errors


def test_the_refusal_is_in_kazakh_for_a_kazakh_user(librarian_client):  # noqa: F811
    librarian_client.post("/i18n/setlang/", {"language": "kk", "next": "/admin/"})
    errors = file_errors(librarian_client, built("shared-strings-bomb"))
    assert errors == [
        "«events.xlsx» файлы жүктелмеді: оның «xl/sharedStrings.xml» бөлігі ашылғанда "
        "400,0 МБ алады, ал рұқсат етілген ең көп мөлшері — 16,0 МБ. Деректерді бірнеше "
        "файлға бөліңіз."
    ]
