"""The methodologist's wording of an item: it replaces the composed line in its language,
in the DOCX and the XLSX, while every count still comes from the item's fields; an item
of the ЦБС as a whole prints without a library mark."""

import datetime
import io

import pytest
from docx import Document
from openpyxl import load_workbook

from branches.calendar import span_parse
from events.models import Event, EventForm, Initiative
from publications.models import MediaMention, Publication, PublicationKind
from reports.builder import report_build
from reports.renderers import render_docx, render_xlsx

D = datetime.date

WORDED_RU = "15 мая в ЦГБ стартовала акция летних чтений «Волшебный рюкзачок»"
WORDED_KK = "15 мамырда ОҚК-да «Волшебный рюкзачок» жазғы оқу акциясы басталды"


@pytest.fixture
def events(organization, period, library, other_library):
    library.short_name_kk = "ОҚК"
    library.save()
    forms = {f.code: f for f in EventForm.objects.all()}
    children = Initiative.objects.get(code="year-of-childrens-reading")

    def add(title, form, date, lib=library, **extra):
        event = Event.objects.create(library=lib, title=title, form=forms[form], date=date, **extra)
        event.initiatives.set([children])
        return event

    return {
        "worded": add("акция «Волшебный рюкзачок»", "action", D(2021, 5, 15), position=1),
        "plain": add("викторина «Тайная»", "quiz", D(2021, 1, 5), position=2),
        "whole": add("челлендж «Туған елге мың алғыс!»", "challenge", D(2021, 3, 1), position=3),
    }


def build(organization, language="ru"):
    return report_build(
        organization=organization, span=span_parse(organization, "2021-H1"), language=language
    )


def items(data, code="children_reading"):
    return data.section(code).lists()[0].items


def docx_texts(data) -> list[str]:
    return [p.text for p in Document(io.BytesIO(render_docx(data))).paragraphs]


def xlsx_texts(data) -> list[str]:
    """Every text cell of every sheet, a list item's bullet aside."""
    book = load_workbook(io.BytesIO(render_xlsx(data)))
    return [
        cell.removeprefix("• ")
        for sheet in book
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str)
    ]


def test_a_wording_replaces_the_composed_line_in_the_russian_docx_and_xlsx(organization, events):
    Event.objects.filter(pk=events["worded"].pk).update(wording_ru=WORDED_RU)
    data = build(organization)
    assert items(data)[0] == WORDED_RU
    for texts in (docx_texts(data), xlsx_texts(data)):
        assert WORDED_RU in texts
        assert not any("акция «Волшебный рюкзачок» (ЦГБ)" in str(t) for t in texts)
        # An item without a wording prints exactly the line composed from its fields.
        assert "викторина «Тайная» (ЦГБ)" in texts


def test_each_language_prints_its_own_wording_or_the_composed_line(organization, events):
    Event.objects.filter(pk=events["worded"].pk).update(wording_ru=WORDED_RU)
    # No Kazakh wording (and no Kazakh version of its texts): the Kazakh report prints the
    # line composed from its fields wholly as entered, not the Russian wording.
    assert items(build(organization, "kk"))[0] == "акция «Волшебный рюкзачок» (ЦГБ)"
    Event.objects.filter(pk=events["worded"].pk).update(wording_kk=WORDED_KK)
    kk = build(organization, "kk")
    assert items(kk)[0] == WORDED_KK
    assert WORDED_KK in docx_texts(kk) and WORDED_KK in xlsx_texts(kk)
    assert WORDED_RU not in docx_texts(kk)
    assert items(build(organization))[0] == WORDED_RU


def test_counts_come_from_the_fields_whatever_the_wording_says(organization, events):
    before = build(organization).section("mass_work").blocks
    # A wording that names another form, library and audience changes no figure.
    Event.objects.filter(pk=events["plain"].pk).update(
        wording_ru="В библиотеке-филиале №4 для детей состоялись три мастер-класса"
    )
    after = build(organization)
    assert after.section("mass_work").blocks == before
    assert items(after)[1] == "В библиотеке-филиале №4 для детей состоялись три мастер-класса"


def test_a_worded_event_is_not_merged_with_its_alike_neighbours(
    organization, period, other_library
):
    form = EventForm.objects.get(code="master-class")
    made = [
        Event.objects.create(
            library=other_library,
            title=f"мастер-класс {title}",
            form=form,
            date=D(2021, 3, n),
            series="«33 идеи»",
            series_kind="circle",
        )  # fmt: skip
        for n, title in enumerate(["«Ваза»", "«Открытки»", "«Бабочки»"], 1)
    ]
    assert items(build(organization), "online_actions") == [
        "в рамках кружка «33 идеи» мастер-класс «Ваза», «Открытки», «Бабочки» (ф№4)"
    ]
    Event.objects.filter(pk=made[2].pk).update(wording_ru="мастер-класс «Бабочки» для мам (ф№4)")
    assert items(build(organization), "online_actions") == [
        "в рамках кружка «33 идеи» мастер-класс «Ваза», «Открытки» (ф№4)",
        "мастер-класс «Бабочки» для мам (ф№4)",
    ]


def test_an_item_of_the_whole_system_prints_without_a_library_mark(organization, events):
    assert items(build(organization))[2] == "челлендж «Туған елге мың алғыс!» (ЦГБ)"
    Event.objects.filter(pk=events["whole"].pk).update(whole_system=True)
    assert items(build(organization))[2] == "челлендж «Туған елге мың алғыс!»"
    assert items(build(organization, "kk"))[2] == "челлендж «Туған елге мың алғыс!»"
    # It still belongs to its library: section IV counts it there.
    whole = Event.objects.get(pk=events["whole"].pk)
    assert whole.library.code == "cgb"
    assert not any(
        t.endswith("«Туған елге мың алғыс!» (ЦГБ)") for t in docx_texts(build(organization))
    )


def test_publications_and_media_mentions_print_their_wording(organization, period, library):
    kind = PublicationKind.objects.filter(is_multimedia=False).first()
    Publication.objects.create(
        library=library, date=D(2021, 3, 1), kind=kind, title="Проза", year=2021, pages=18,
        wording_ru="Проза: электронный буклет (ЦГБ)",
    )  # fmt: skip
    Publication.objects.create(library=library, date=D(2021, 3, 2), kind=kind, title="Поэзия",
                               year=2021, pages=18)  # fmt: skip
    MediaMention.objects.create(
        library=library, date=D(2021, 4, 30), author="Сәденов, Қ.", title="«Мен оқыған»",
        outlet="Пульс", issue_number="18", page="7", wording_ru="Статья К.Саденова в «Пульсе»",
    )  # fmt: skip
    ru = docx_texts(build(organization))
    cells = [
        cell.text
        for table in Document(io.BytesIO(render_docx(build(organization)))).tables
        for row in table.rows
        for cell in row.cells
    ]
    assert "Проза: электронный буклет (ЦГБ)" in cells
    assert any(c.startswith("«Поэзия»: ") for c in cells)  # no wording: the description
    assert "Статья К.Саденова в «Пульсе»" in ru
    kk = docx_texts(build(organization, "kk"))
    assert not any("Саденова" in t for t in kk)
    assert any(t.startswith("Сәденов, Қ. «Мен оқыған»") for t in kk)


def test_events_given_one_wording_print_it_once_and_count_each(organization, period, library):
    form = EventForm.objects.get(code="tiktok")
    said = "Тик-токи: «Один», «Два» (ЦГБ)"
    for n, title in enumerate(["«Один»", "«Два»"], 1):
        Event.objects.create(
            library=library, title=f"тик-ток {title}", form=form, date=D(2021, 2, n),
            wording_ru=said, note="разное", note_in_report=n == 2,
        )  # fmt: skip
    data = build(organization)
    assert items(data, "online_actions") == [said]
    assert docx_texts(data).count(said) == 1
    by_form = [
        row for table in data.section("mass_work").tables() for row in table.rows
        if row.cells and "Тик-ток" in str(row.cells[0])
    ]  # fmt: skip
    assert by_form and by_form[0].cells[1] == 2
