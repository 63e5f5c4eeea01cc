"""Each event prints what was entered, in the seed's phrasing, in the methodologist's order,
with the narrative anchored where it belongs; in Kazakh with Kazakh composed words."""

import datetime
import io

import pytest
from docx import Document
from openpyxl import load_workbook

from branches.calendar import span_parse
from events.models import Event, EventForm, Initiative
from reports.builder import report_build
from reports.models import Report, SectionText, Untranslated
from reports.renderers import render_docx, render_xlsx

D = datetime.date


@pytest.fixture
def events(organization, period, library, other_library):
    library.short_name_kk = "ОҚК"
    library.save()
    other_library.short_name_kk = "№4 филиал"
    other_library.save()
    forms = {f.code: f for f in EventForm.objects.all()}
    children = Initiative.objects.get(code="year-of-childrens-reading")

    def add(title, form, date, lib=library, initiatives=(), **extra):
        event = Event.objects.create(library=lib, title=title, form=forms[form], date=date, **extra)
        event.initiatives.set(initiatives)
        return event

    made = {
        "contest": add(
            "конкурс «Лучший сказочник»",
            "contest",
            D(2021, 4, 30),
            initiatives=[children],
            note="Награждены Бахыт Камбарова, Дарья Третьякова.",
            note_in_report=True,
            position=30,
        ),
        "hidden": add(
            "викторина «Тайная»",
            "quiz",
            D(2021, 1, 5),
            initiatives=[children],
            note="Внутренняя заметка: позвонить в школу.",
            position=20,
        ),
        "guests": add(
            "бенефис читателя «С книгой по жизни»",
            "other",
            D(2021, 6, 1),
            initiatives=[children],
            guests="с лидером чтения 2020 года Л.Есембековой",
            audience="для старшеклассников",
            dedication="к Дню семьи",
            position=10,
        ),
        "late": add("акция «Без номера»", "action", D(2021, 2, 1), initiatives=[children]),
    }
    for n, title in enumerate(["«Ваза»", "«Открытки»", "«Бабочки»"], 1):
        add(
            f"мастер-класс {title}", "master-class", D(2021, 3, n), lib=other_library,
            series="«33 идеи»", series_kind="circle",
        )  # fmt: skip
    return made


def build(organization, language="ru"):
    return report_build(
        organization=organization, span=span_parse(organization, "2021-H1"), language=language
    )


def items(data, code):
    return data.section(code).lists()[0].items


def test_an_event_prints_its_dedication_audience_guests_and_library(organization, events):
    assert items(build(organization), "children_reading")[0] == (
        "бенефис читателя «С книгой по жизни» к Дню семьи для старшеклассников "
        "с лидером чтения 2020 года Л.Есембековой (ЦГБ)"
    )


def test_a_note_prints_only_when_marked_for_the_report(organization, events):
    listed = items(build(organization), "children_reading")
    assert "конкурс «Лучший сказочник» (ЦГБ). Награждены Бахыт Камбарова, Дарья Третьякова." in (
        listed
    )
    assert "викторина «Тайная» (ЦГБ)" in listed
    assert not any("позвонить" in item for item in listed)


def test_events_print_by_position_then_undated_ones_by_date(organization, events):
    listed = items(build(organization), "children_reading")
    assert [item.split(" «")[0] for item in listed] == [
        "бенефис читателя",
        "викторина",
        "конкурс",
        "акция",
    ]


def test_alike_events_of_a_circle_print_as_one_item(organization, events):
    assert items(build(organization), "online_actions") == [
        "в рамках кружка «33 идеи» мастер-класс «Ваза», «Открытки», «Бабочки» (ф№4)"
    ]
    # No Kazakh version: the Kazakh report prints the item wholly as entered, its
    # circle's words and library mark included, never a Kazakh frame around it.
    assert items(build(organization, "kk"), "online_actions") == [
        "в рамках кружка «33 идеи» мастер-класс «Ваза», «Открытки», «Бабочки» (ф№4)"
    ]
    for event in Event.objects.filter(series="«33 идеи»"):
        event.title_kk = event.title.replace("мастер-класс", "шеберлік сыныбы")
        event.save()
    assert items(build(organization, "kk"), "online_actions") == [
        "«33 идеи» үйірмесі аясында шеберлік сыныбы «Ваза», «Открытки», «Бабочки» (№4 филиал)"
    ]


def test_the_kazakh_report_uses_the_kazakh_abbreviation(organization, events):
    for event in Event.objects.all():
        event.title_kk = f"«{event.title.split('«', 1)[1]}"
        event.dedication_kk = event.dedication and "Отбасы күніне орай"
        event.audience_kk = event.audience and "жоғары сынып оқушыларына арналған"
        event.guests_kk = event.guests and "2020 жылғы оқу көшбасшысы Л.Есембековамен"
        event.note_kk = event.note and "Б.Камбарова, Д.Третьякова марапатталды."
        event.save()
    kk = build(organization, "kk")
    assert items(kk, "children_reading")[-1] == "«Без номера» (ОҚК)"
    texts = "\n".join(p.text for p in Document(io.BytesIO(render_docx(kk))).paragraphs)
    assert "(ОҚК)" in texts and "(ЦГБ)" not in texts and "ф№4" not in texts


def test_a_paragraph_anchored_to_an_event_prints_right_after_it(organization, period, events):
    report = Report.objects.create(organization=organization, period=period)
    SectionText.objects.create(
        report=report,
        section="children_reading",
        text_ru="В ЦБС прошли ряд мероприятий:\n\n@С книгой по жизни\nЛ.Есембекова рассказала о книгах.",
        text_after_ru="Итоги подведены в июне.",
    )
    data = build(organization)
    section = data.section("children_reading")
    assert section.narrative_before == ["В ЦБС прошли ряд мероприятий:"]
    assert section.narrative_after == ["Итоги подведены в июне."]
    assert items(data, "children_reading")[0].endswith(
        "Л.Есембековой (ЦГБ). Л.Есембекова рассказала о книгах."
    )
    texts = [p.text for p in Document(io.BytesIO(render_docx(data))).paragraphs]
    start = texts.index("В ЦБС прошли ряд мероприятий:")
    assert texts[start + 1].startswith("бенефис читателя «С книгой по жизни»")
    assert texts[start + 5] == "Итоги подведены в июне."
    sheet = load_workbook(io.BytesIO(render_xlsx(data)))["Мероприятия"]
    column = [row[0] for row in sheet.iter_rows(values_only=True) if row[0]]
    assert column.index("Итоги подведены в июне.") > column.index("В ЦБС прошли ряд мероприятий:")


PLACE_MARK = "[Қазақ тіліндегі мәтін енгізілмеген]"
NOT_TRANSLATED = "«Zoom платформасында» бөлімі қазақ тіліне аударылмаған."
LISTED = "Қазақ тіліндегі мәтін енгізілмеген, есепке кірмеді: Zoom платформасында."
OMITTED_INTRO = "Мына бөлімдердің қазақ тіліндегі мәтіні енгізілмеген, сондықтан есепке кірмеді:"


@pytest.mark.parametrize(
    ("choice", "section_text", "note", "docx_notes"),
    [
        (Untranslated.MARKED, ["[аударылмаған] Только по-русски"], NOT_TRANSLATED, []),
        (Untranslated.PLACEHOLDER, [PLACE_MARK], NOT_TRANSLATED, []),
        (Untranslated.LISTED, [], LISTED, ["Ескертпелер", OMITTED_INTRO, "Zoom платформасында"]),
    ],
)
def test_a_missing_kazakh_narrative_is_stated_as_the_methodologist_chose(
    organization, period, events, choice, section_text, note, docx_notes
):
    """Never silently absent: the place is marked in the section, or the report's notes
    (printed at the end of the DOCX) list the section, or the Russian text prints marked."""
    report = Report.objects.create(organization=organization, period=period, untranslated=choice)
    SectionText.objects.create(report=report, section="zoom", text_ru="Только по-русски")
    kk = build(organization, "kk")
    assert kk.section("zoom").narrative_before == section_text
    assert [n.text for n in kk.notes if n.section == "zoom"] == [note]
    texts = [p.text for p in Document(io.BytesIO(render_docx(kk))).paragraphs]
    if section_text:  # in the section, under its heading
        zoom = texts.index("Zoom платформасында")
        assert texts[zoom + 1 : zoom + 1 + len(section_text)] == section_text
    assert (
        texts[texts.index("Ескертпелер") :] == docx_notes
        if docx_notes
        else "Ескертпелер" not in texts
    )
    assert not any("Только по-русски" in t for t in texts if "[аударылмаған]" not in t)
    book = load_workbook(io.BytesIO(render_xlsx(kk)))
    assert note in [row[2] for row in book["Тексерулер"].iter_rows(values_only=True)]
    cells = [c for sheet in book for row in sheet.iter_rows(values_only=True) for c in row]
    assert all(line in cells for line in section_text)  # the XLSX prints the section as the DOCX
    # The Russian report prints the text as written, whatever the choice.
    assert build(organization, "ru").section("zoom").narrative_before == ["Только по-русски"]
