"""Section IV «Массовая работа»: events and participants per library and by group,
against counts done by hand from a handful of made-up events."""

import datetime
import io

import pytest
from docx import Document
from openpyxl import load_workbook

from branches.calendar import span_parse
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
    # library | all: events, participants | on site | online
    assert rows(by_library) == [
        ["ЦГБ", 3, 150, 2, 50, 1, 100],
        ["ф№4", 2, 12, 1, 12, 1, 0],
        ["Всего по ЦБС", 5, 162, 3, 62, 2, 100],
    ]
    assert by_library.rows[-1].kind == "total"
    figures = {f.label: f.value for f in section.figures()}
    assert figures["Мероприятий всего"] == 5
    assert figures["Участников всего"] == 162
    assert section.blocks[0].text == (
        "За 1 полугодие 2021 года проведено 5 мероприятий, участников – 162 "
        "(в библиотеках – 3 мероприятия, онлайн – 2 мероприятия)."
    )
    # ф№4's challenge has no count: 0 participants in the sums, and said so.
    assert section.blocks[1].text == (
        "Число участников не внесено у 1 мероприятия (в суммах участников они не учтены)."
    )
    assert figures["Мероприятий без числа участников"] == 1


# In the list's order (branches/seed_lists.py): challenge, quiz, master class.
FORMS = [["Челлендж", 2, 100], ["Викторина", 2, 50], ["Мастер-класс", 1, 12], ["Всего", 5, 162]]


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
        ["не указана", 1, 0],
    ]
    texts = [
        b.text for b in build(organization).section("mass_work").blocks if b.kind == "paragraph"
    ]
    assert (
        "Мероприятие для нескольких категорий аудитории учтено в каждой из них, поэтому "
        "строки по аудитории в сумме могут быть больше общего числа мероприятий (5) "
        "и участников (162)."
    ) in texts
    # The challenge belongs to two initiatives; no total row for overlapping groups.
    assert sorted(tables["Мероприятия по инициативам и программам"]) == [
        ["Книжный фестиваль «KITAP FEST»", 2, 130],
        ["Центр «Парасат жолы»", 1, 100],
    ]


def test_a_span_without_events_prints_zeros_and_no_breakdowns(organization, period, library):
    section = build(organization).section("mass_work")
    assert [t.title for t in section.tables()] == [
        "Мероприятия (кол-во) и их участники (чел.) по библиотекам"
    ]
    assert rows(section.tables()[0])[-1] == ["Всего по ЦБС", 0, 0, 0, 0, 0, 0]


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
    assert library_table[-1] == [total, "5", "162", "3", "62", "2", "100"]
    content = render_xlsx(report)
    workbook = load_workbook(io.BytesIO(content))
    cached = load_workbook(io.BytesIO(content), data_only=True)
    values = [list(r) for r in cached[sheet].iter_rows(values_only=True)]
    assert values[0][0] == title
    total_row = next(i for i, r in enumerate(values) if r[0] == total)
    # The total's cached values, as a viewer that does not recalculate reads them...
    assert list(values[total_row][1:7]) == [5, 162, 3, 62, 2, 100]
    # ...and its formula: the two libraries' rows above summed.
    formula = workbook[sheet].cell(total_row + 1, 2).value
    assert formula == f"=SUM(B{total_row - 1}:B{total_row})"
    assert any(r[0] == audience_head for r in values)


def test_the_query_count_does_not_grow_with_events(
    organization, events, library, other_library, django_assert_num_queries
):
    span = span_parse(organization, "2021-H1")
    # report_build's docstring lists the 36.
    with django_assert_num_queries(36):
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
    with django_assert_num_queries(36):
        report = report_build(organization=organization, span=span)
    section = report.section("mass_work")
    assert section.tables()[0].rows[-1].cells[1] == 500
    by_audience = {r.cells[0]: r.cells[1] for r in section.tables()[2].rows}
    # Children: the 2 of the fixture, and every event whose 1-3 audiences from
    # position i % 5 on reach position 0.
    children = sum(1 for i in range(495) if any((i + k) % 5 == 0 for k in range(i % 4)))
    assert by_audience["Дети"] == 2 + children
    assert by_audience["не указана"] == 1 + sum(1 for i in range(495) if i % 4 == 0)
