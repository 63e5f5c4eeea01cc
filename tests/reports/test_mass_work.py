"""Section IV «Массовая работа»: events and participants per library and by group,
against counts done by hand from a handful of made-up events."""

import datetime
import io

import pytest
from docx import Document
from openpyxl import load_workbook

from branches.calendar import span_parse
from branches.handins import HandIn
from events.models import Audience, Event, EventForm, Initiative
from reports.builder import report_build
from reports.renderers import render_docx, render_xlsx

D = datetime.date


def event(library, day, form, participants, *, online=False, audiences=(), initiatives=()):
    made = Event.objects.create(
        library=library, date=day, form=EventForm.objects.get(code=form), title=f"{form} {day}",
        is_online=online, participants=participants,
    )  # fmt: skip
    made.audiences.set(Audience.objects.filter(code__in=audiences))
    made.initiatives.set(Initiative.objects.filter(code__in=initiatives))
    return made


@pytest.fixture
def events(organization, period, library, other_library):
    """ЦГБ: 3 events (2 on site, 1 online), ф№4: 2 events (1 on site, 1 online)."""
    event(library, D(2021, 2, 1), "quiz", 30, audiences=["children"], initiatives=["kitap-fest"])
    # For children with disabilities: counted under both.
    event(library, D(2021, 3, 1), "quiz", 20, audiences=["children", "disabilities"])
    event(
        library, D(2021, 4, 1), "challenge", 100, online=True, audiences=["youth"],
        initiatives=["kitap-fest", "parasat-zholy"],
    )  # fmt: skip
    event(other_library, D(2021, 5, 1), "master-class", 12, audiences=["seniors"])
    event(other_library, D(2021, 6, 30), "challenge", None, online=True)
    # Outside the span: counted nowhere.
    event(library, D(2021, 7, 1), "quiz", 999, audiences=["children", "adults"])


def build(organization, language="ru"):
    return report_build(
        organization=organization, span=span_parse(organization, "2021-H1"), language=language
    )


def rows(table):
    return [row.cells for row in table.rows]


def test_section_iv_follows_iii(organization, events):
    report = build(organization)
    codes = [s.code for s in report.sections]
    assert codes.index("mass_work") == codes.index("resources") + 1
    assert report.section("mass_work").title == "IV. Массовая работа"


def test_per_library_on_site_and_online_against_hand_counts(organization, events):
    section = build(organization).section("mass_work")
    by_library = section.tables()[0]
    # library | all: events, participants | on site | in the online format. ф№4's
    # online challenge has no count: «не указано», not 0, and the sums over it say
    # how many of their events they cover.
    assert rows(by_library) == [
        ["ЦГБ", 3, 150, 2, 50, 1, 100],
        ["ф№4", 2, "12 (по 1 из 2)", 1, 12, 1, "не указано"],
        ["Всего по ЦБС", 5, "162 (по 4 из 5)", 3, 62, 2, "100 (по 1 из 2)"],
    ]
    assert by_library.rows[-1].kind == "total"
    figures = {f.label: f.value for f in section.figures()}
    assert figures["Мероприятий всего"] == 5
    assert figures["Участников всего"] == "162 (по 4 из 5 мероприятий)"
    assert figures["Мероприятий в онлайн-формате"] == 2
    assert section.blocks[0].text == (
        "За 1 полугодие 2021 года проведено 5 мероприятий (в библиотеках – 3 мероприятия, "
        "в онлайн-формате – 2 мероприятия), участников – 162 (по 4 из 5 мероприятий)."
    )
    assert figures["Мероприятий без числа участников"] == 1
    assert section.blocks[2].text == (
        "«По N из M» у числа участников: оно подсчитано по N мероприятиям из M, у остальных "
        "число участников не внесено."
    )


# In the list's order (branches/seed_lists.py): challenge, quiz, master class.
FORMS = [
    ["Челлендж", 2, "100 (по 1 из 2)"],
    ["Викторина", 2, 50],
    ["Мастер-класс", 1, 12],
    ["Всего", 5, "162 (по 4 из 5)"],
]


def test_by_form_audience_and_initiative_against_hand_counts(organization, events):
    tables = {t.title: rows(t) for t in build(organization).section("mass_work").tables()}
    assert tables["Мероприятия по формам"] == FORMS
    # In the list's order; the quiz for children with disabilities counts under both,
    # an event with no audience ticked is «не указана», last; adults (only outside the
    # span) have no row. The rows add up to 6 events, not 5: no total row, a footnote.
    assert tables["Мероприятия по аудитории"] == [
        ["Дети", 2, 50],
        ["Молодёжь", 1, 100],
        ["Люди с ограниченными возможностями", 1, 20],
        ["Пожилые", 1, 12],
        ["не указана", 1, "не указано"],
    ]
    texts = [
        b.text for b in build(organization).section("mass_work").blocks if b.kind == "paragraph"
    ]
    assert (
        "Мероприятие для нескольких категорий аудитории учтено в каждой из них, поэтому "
        "строки по аудитории в сумме могут быть больше общего числа мероприятий (5) "
        "и участников (162 (по 4 из 5))."
    ) in texts
    # The challenge belongs to two initiatives; no total row for overlapping groups.
    assert sorted(tables["Мероприятия по инициативам и программам"]) == [
        ["Книжный фестиваль «KITAP FEST»", 2, 130],
        ["Центр «Парасат жолы»", 1, 100],
    ]


def test_a_span_without_events_or_hand_ins_prints_no_data_not_zeros(
    organization, period, library, other_library
):
    section = build(organization).section("mass_work")
    # Nobody entered an event and nobody handed the half in: nothing says none was held.
    assert section.blocks[0].text == (
        "За 1 полугодие 2021 года нет данных о мероприятиях: библиотеки не внесли ни одного "
        "мероприятия и не сдали отчёт за период."
    )
    assert section.tables() == []  # no table of blanks
    assert {f.label: f.value for f in section.figures()} == {"Мероприятий всего": "нет данных"}


def test_a_library_that_handed_in_without_events_held_none_a_real_zero(
    organization, period, library, other_library
):
    HandIn.objects.create(library=library, period=period, state=HandIn.State.SUBMITTED)
    # A hand-in still a draft says nothing: ф№4's count stays unknown.
    HandIn.objects.create(library=other_library, period=period, state=HandIn.State.DRAFT)
    section = build(organization).section("mass_work")
    # ф№4's row says it has no data and stays blank: the columns stay numbers, which the
    # XLSX sums; the total says whom it covers.
    assert rows(section.tables()[0]) == [
        ["ЦГБ", 0, 0, 0],
        ["ф№4: нет данных", None, None, None],
        ["Всего по ЦБС (по 1 из 2 библиотек)", 0, 0, 0],
    ]
    assert section.blocks[0].text == (
        "За 1 полугодие 2021 года проведено 0 мероприятий (в библиотеках – 0 мероприятий, "
        "в онлайн-формате – 0 мероприятий), участников – 0. Мероприятия учтены по 1 из 2 "
        "библиотек: остальные за период не внесли ни одного мероприятия и не сдали отчёт "
        "(нет данных)."
    )


def test_events_entered_by_one_library_are_counted_by_one_of_two(
    organization, period, library, other_library
):
    event(library, D(2021, 2, 1), "quiz", 30)
    section = build(organization).section("mass_work")
    assert rows(section.tables()[0])[1:] == [
        ["ф№4: нет данных", None, None, None, None, None, None],
        ["Всего по ЦБС (по 1 из 2 библиотек)", 1, 30, 1, 30, 0, 0],
    ]
    assert {f.label: f.value for f in section.figures()}["Участников всего"] == (
        "30 (по 1 из 2 библиотек)"
    )
    assert "Мероприятия учтены по 1 из 2 библиотек" in section.blocks[0].text
    # The XLSX's total is the one printed, as a value: a SUM over the unknown library's
    # blank would read as though that library had held no event.
    report = build(organization)
    sheet = load_workbook(io.BytesIO(render_xlsx(report)))["IV Массовая работа"]
    cached = load_workbook(io.BytesIO(render_xlsx(report)), data_only=True)["IV Массовая работа"]
    labels = [row[0].value for row in sheet.iter_rows()]
    total = labels.index("Всего по ЦБС (по 1 из 2 библиотек)") + 1
    assert sheet.cell(total, 2).value == 1
    assert cached.cell(total, 2).value == 1


@pytest.mark.parametrize(
    ("language", "sheet", "not_given", "people"),
    [
        ("ru", "IV Массовая работа", "не указано", "участников – не указано."),
        ("kk", "IV Бұқаралық жұмыс", "көрсетілмеген", "қатысушылар – көрсетілмеген."),
    ],
)
def test_events_whose_participants_were_never_counted_print_not_given_and_no_zero_columns(
    organization, period, library, other_library, language, sheet, not_given, people
):
    event(library, D(2021, 2, 1), "quiz", None)
    event(other_library, D(2021, 3, 1), "challenge", None, online=True)
    report = build(organization, language)
    section = report.section("mass_work")
    assert section.blocks[0].text.endswith(people)
    assert "0" not in section.blocks[0].text.replace("2021", "")
    # No participants columns: the events only, per library and per form.
    for table in section.tables():
        assert all(len(row.cells) in (2, 4) for row in table.rows), table.title
    figures = {f.value for f in section.figures()}
    assert not_given in figures and 0 not in figures
    # The DOCX and the XLSX print the same cells.
    document = Document(io.BytesIO(render_docx(report)))
    docx_cells = {c.text for t in document.tables for r in t.rows for c in r.cells}
    values = load_workbook(io.BytesIO(render_xlsx(report)), data_only=True)[sheet]
    xlsx_cells = {str(v) for r in values.iter_rows(values_only=True) for v in r if v is not None}
    assert not_given in xlsx_cells  # the XLSX's list of the section's figures
    library_table = section.tables()[0]
    for row in library_table.rows:
        assert {str(c) for c in row.cells} <= docx_cells & xlsx_cells


@pytest.mark.parametrize(
    ("language", "title", "sheet", "total", "audience_head"),
    [
        ("ru", "IV. Массовая работа", "IV Массовая работа", "Всего по ЦБС", "Аудитория"),
        ("kk", "IV. Бұқаралық жұмыс", "IV Бұқаралық жұмыс", "ОКЖ бойынша барлығы", "Аудитория"),
    ],
)
def test_docx_and_xlsx_read_back(
    organization, events, language, title, sheet, total, audience_head
):
    report = build(organization, language)
    document = Document(io.BytesIO(render_docx(report)))
    texts = [p.text for p in document.paragraphs]
    assert title in texts
    tables = [[[c.text for c in r.cells] for r in t.rows] for t in document.tables]
    # The last table whose total is the ЦБС's: the fund table (III) comes first.
    library_table = [t for t in tables if t[-1][0] == total][-1]
    assert library_table[-1][:2] == [total, "5"]
    assert library_table[-1][3:6] == ["3", "62", "2"]
    content = render_xlsx(report)
    workbook = load_workbook(io.BytesIO(content))
    cached = load_workbook(io.BytesIO(content), data_only=True)
    values = [list(r) for r in cached[sheet].iter_rows(values_only=True)]
    assert values[0][0] == title
    total_row = next(i for i, r in enumerate(values) if r[0] == total)
    # The total's cached values, as a viewer that does not recalculate reads them...
    assert [values[total_row][c] for c in (1, 3, 4, 5)] == [5, 3, 62, 2]
    # ...and its formula: the two libraries' rows above summed, where every cell above is
    # a number. The participants over a partly counted column are words, as in the DOCX.
    formula = workbook[sheet].cell(total_row + 1, 2).value
    assert formula == f"=SUM(B{total_row - 1}:B{total_row})"
    assert values[total_row][2] == library_table[-1][2]
    assert values[total_row - 1][6] == library_table[-2][6] != 0
    assert any(r[0] == audience_head for r in values)


def test_the_query_count_does_not_grow_with_events(
    organization, events, library, other_library, django_assert_num_queries
):
    span = span_parse(organization, "2021-H1")
    # report_build's docstring lists the 38.
    with django_assert_num_queries(38):
        report_build(organization=organization, span=span)
    # 100 times the events, with 0 to 3 audiences and 0 to 2 initiatives each.
    audiences = list(Audience.objects.order_by("order"))
    initiatives = list(Initiative.objects.filter(code__in=["kitap-fest", "parasat-zholy"]))
    made = Event.objects.bulk_create(
        Event(
            library=(library, other_library)[i % 2], date=D(2021, 1 + i % 6, 1 + i % 28),
            form=EventForm.objects.get(code=("quiz", "challenge", "master-class")[i % 3]),
            title=f"Событие {i}", is_online=bool(i % 2), participants=i,
        )
        for i in range(495)
    )  # fmt: skip
    Event.audiences.through.objects.bulk_create(
        Event.audiences.through(event=e, audience=audiences[(i + k) % len(audiences)])
        for i, e in enumerate(made)
        for k in range(i % 4)
    )
    Event.initiatives.through.objects.bulk_create(
        Event.initiatives.through(event=e, initiative=initiatives[k])
        for i, e in enumerate(made)
        for k in range(i % 3)
    )
    with django_assert_num_queries(38):
        report = report_build(organization=organization, span=span)
    section = report.section("mass_work")
    assert section.tables()[0].rows[-1].cells[1] == 500
    by_audience = {r.cells[0]: r.cells[1] for r in section.tables()[2].rows}
    # Children: the 2 of the fixture, and every event whose 1-3 audiences from
    # position i % 5 on reach position 0.
    children = sum(1 for i in range(495) if any((i + k) % 5 == 0 for k in range(i % 4)))
    assert by_audience["Дети"] == 2 + children
    assert by_audience["не указана"] == 1 + sum(1 for i in range(495) if i % 4 == 0)
