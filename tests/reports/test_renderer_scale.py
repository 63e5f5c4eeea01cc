"""The renderers do a fixed amount of work per paragraph and per merge, whatever the
report's size: a ЦБС with 20,000 events took minutes to render when python-docx looked
up a style by name for every paragraph and openpyxl checked every merge against all
earlier ones. XlsxWriter's `merge_range` looks up only the new range's own cells.
`make bench` measures the time; these tests pin the cause."""

import gc
import io
import re
import zipfile
from unittest import mock

import pytest
from docx import Document
from docx.styles.styles import Styles
from openpyxl import load_workbook

from branches.calendar import span_parse
from reportkit.data import ItemList
from reportkit.memory import cycle_collection_paused
from reportkit.sections import ONLINE_ACTIONS
from reports.builder import report_build
from reports.renderers import render_docx, render_xlsx


@pytest.fixture
def report(organization, seeded):
    return report_build(organization=organization, span=span_parse(organization, "2021-H1"))


def with_events(data, count):
    """The report with `count` more events listed in its «online actions» group."""
    section = next(s for s in data.sections if s.code == ONLINE_ACTIONS)
    section.blocks.append(ItemList("", [f"Громкие чтения №{i} (ф№1)" for i in range(count)]))
    return data


def counted(target, name):
    original = getattr(target, name)
    calls = []

    def spy(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    return mock.patch.object(target, name, spy), calls


def test_the_docx_looks_each_style_up_once_however_many_paragraphs(report):
    patch, calls = counted(Styles, "get_style_id")

    def by_name():
        # python-docx's add_table asks for the id of no style (None) once per table:
        # that returns at once, without scanning the styles.
        return [args for args in calls if args[1] is not None]

    with patch:
        render_docx(report)
    small = len(by_name())
    calls.clear()
    with patch:
        content = render_docx(with_events(report, 500))
    assert len(by_name()) == small <= 15  # one per style (and kind) the report uses
    paragraphs = Document(io.BytesIO(content)).paragraphs
    listed = [p for p in paragraphs if p.text.startswith("Громкие чтения №")]
    assert len(listed) == 500
    assert {p.style.name for p in listed} == {"List Bullet"}


def test_the_xlsx_merges_each_listed_event_across_the_text_columns(report):
    content = render_xlsx(with_events(report, 500))
    sheet = load_workbook(io.BytesIO(content))["Мероприятия"]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    rows = [c.row for c in sheet["A"] if str(c.value).startswith("• Громкие чтения №")]
    assert len(rows) == 500
    assert all(f"A{row}:F{row}" in merged for row in rows)  # each item spans A–F


def test_a_listed_event_is_one_cell_of_the_file(report):
    """An item's merged range A–F is written as its first cell alone: the other five
    would be empty cells of a format without borders, drawn as nothing."""
    content = render_xlsx(with_events(report, 500))
    workbook = load_workbook(io.BytesIO(content))
    index = workbook.sheetnames.index("Мероприятия") + 1
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        xml = archive.read(f"xl/worksheets/sheet{index}.xml").decode()
    item_rows = [
        c.row for c in workbook["Мероприятия"]["A"] if str(c.value).startswith("• Громкие")
    ]
    assert len(item_rows) == 500
    cells = re.findall(r'<c r="([A-Z]+)(\d+)"', xml)
    written = {row: [col for col, r in cells if int(r) == row] for row in item_rows}
    assert all(columns == ["A"] for columns in written.values())


def test_the_xlsx_leaves_the_cycle_collector_as_it_found_it(report):
    """The XLSX pauses Python's cycle collector while it holds its cells: on again after,
    and still off for a caller that had it off."""
    assert gc.isenabled()
    render_xlsx(report)
    assert gc.isenabled()
    gc.disable()
    try:
        render_xlsx(report)
        assert not gc.isenabled()
    finally:
        gc.enable()


class _Made:
    """An object the cycle collector tracks (an instance of a class with a __dict__)."""


def test_what_a_paused_block_made_waits_in_the_oldest_generation():
    """Once the block ends, the objects it made and that live on are not walked by the
    next young collection: they are in the oldest generation, as if they had survived
    one. A process that froze objects of its own keeps them frozen."""
    with cycle_collection_paused():
        kept = [_Made() for _ in range(1000)]
    assert gc.isenabled()
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(made) in oldest for made in kept)
    del kept, oldest

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with cycle_collection_paused():
            made_later = [_Made() for _ in range(1000)]
        assert gc.get_freeze_count() == frozen
        assert len(made_later) == 1000
    finally:
        gc.unfreeze()
