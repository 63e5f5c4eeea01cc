"""The DOCX and XLSX read back contain the seed's figures where a reader looks for them."""

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from branches.calendar import span_parse
from reportkit.data import Note
from reports.builder import report_build
from reports.models import Report, SectionText
from reports.renderers import render_docx, render_xlsx
from tests.reports.layout import seed_tables


@pytest.fixture
def data(organization, seeded):
    return report_build(organization=organization, span=span_parse(organization, "2021-H1"))


def docx_tables(content):
    document = Document(io.BytesIO(content))
    return document, [
        [[cell.text for cell in row.cells] for row in table.rows] for table in document.tables
    ]


def test_the_docx_has_the_fund_table_with_its_two_level_header(data):
    document, tables = docx_tables(render_docx(data))
    fund = seed_tables(tables, data)[0]
    assert fund[0][1] == fund[0][2] == "Состояло на начало 1-го полугодия 2021"  # merged
    assert fund[1][1:3] == ["экз.", "в т.ч. на каз. яз."]
    assert fund[-1] == [
        "Всего по ЦБС", "283120", "87831", "2035", "1193", "11837", "956", "273318", "88068",
    ]  # fmt: skip
    assert fund[0][0] == fund[1][0] == "Библиотека"  # merged down


def test_the_docx_has_digitization_catalogue_and_publications(data):
    document, tables = docx_tables(render_docx(data))
    assert seed_tables(tables, data)[1][-1] == ["Всего", "200", "213"]
    assert seed_tables(tables, data)[2][-1] == ["Всего:", "56521", "57552"]
    publishing = seed_tables(tables, data)[3]
    assert len(publishing) == 1 + 9 + 1 + 23
    text = "\n".join(p.text for p in document.paragraphs)
    assert (
        "За 1 полугодие 2021 года из местного бюджета на комплектование выделено 2770,4 тыс. тенге."
        in text
    )
    assert (
        "Всего было проведено 183 онлайн-мероприятия, зафиксировано 25192 подписчика, 164785 просмотров, 2128 публикаций."
        in text
    )
    assert "Количество публикаций о библиотеке в СМИ – 18" in text


def test_the_docx_uses_the_template_styles_and_numbers_pages(data):
    document = Document(io.BytesIO(render_docx(data)))
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "List Number", "List Bullet"} <= styles
    assert document.styles["Normal"].font.name == "Times New Roman"
    # The title and sections I–II on landscape A4 (their tables are wide), from
    # section III on portrait A4; every part numbers its pages.
    turned, upright = document.sections
    assert (round(turned.page_width.cm, 1), round(turned.page_height.cm, 1)) == (29.7, 21.0)
    assert (round(upright.page_width.cm, 1), round(upright.page_height.cm, 1)) == (21.0, 29.7)
    for section in (turned, upright):
        assert "PAGE" in section.footer._element.xml
    body = document.element.body
    breaks = [p for p in body.iterchildren() if p.find(".//" + qn("w:sectPr")) is not None]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == [
        "I. Библиотечная сеть",
        "II. Основные (контрольные) показатели",
        "III. Библиотечные ресурсы: формирование фонда документов ЦБС",
    ]
    # The break ends the landscape part right before section III's heading.
    following = breaks[0].getnext()
    assert following.xpath("string(.)") == headings[2]


def test_each_numbered_list_starts_again_at_one(data):
    document = Document(io.BytesIO(render_docx(data)))
    num_ids = []
    for paragraph in document.paragraphs:
        if paragraph.style.name == "List Number":
            num_ids.append(paragraph._p.pPr.numPr.numId.val)
    # Books, TV stories, media references, live broadcasts: four lists, four numberings.
    assert len(set(num_ids)) == 4
    numbering = document.part.numbering_part.element
    for num_id in set(num_ids):
        (num,) = [n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(num_id)]
        start = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
        assert start is not None and start.get(qn("w:val")) == "1"


def test_the_xlsx_has_a_sheet_per_section_with_numbers_as_numbers(data):
    workbook = load_workbook(io.BytesIO(render_xlsx(data)))
    assert workbook.sheetnames[:7] == [
        "Сводка", "I Сеть", "II Показатели", "III Фонд", "IV Массовая работа", "V Оцифровка",
        "VI Каталог",
    ]  # fmt: skip
    assert workbook.sheetnames[-1] == "Проверки"
    fund = workbook["III Фонд"]
    rows = [[c.value for c in row] for row in fund.iter_rows()]
    total = next(r for r in rows if r[0] == "Всего по ЦБС")
    assert total[:9] == ["Всего по ЦБС", 283120, 87831, 2035, 1193, 11837, 956, 273318, 88068]
    assert any(isinstance(v, str) and v.startswith("=B") for v in total)  # end = B + D - F
    # The fund is one library's ledger, so the table is its total alone: no «=0» sum under it.
    assert "Проверка (формула)" not in [r[0] for r in rows]
    budget = next(
        r
        for r in rows
        if r[0] and str(r[0]).startswith("За 1 полугодие 2021 года на комплектование")
    )
    assert budget[1] == pytest.approx(2770.4)
    assert fund.freeze_panes is not None
    assert int(fund.page_setup.paperSize) == 9  # A4
    assert fund.sheet_properties.pageSetUpPr.fitToPage


def test_the_xlsx_summary_and_catalogue(data):
    workbook = load_workbook(io.BytesIO(render_xlsx(data)))
    summary = {r[0]: r[1] for r in workbook["Сводка"].iter_rows(min_row=6, values_only=True)}
    assert summary["Онлайн-мероприятия (по учёту онлайн-работы)"] == 183
    assert summary["Просмотры"] == 164785
    assert summary["Бюджет комплектования, тыс. тенге"] == pytest.approx(2770.4)
    # The total is a formula over the rows above, and its figure is stored with it, so a
    # viewer that does not recalculate (or openpyxl's data_only) reads 56521, not a blank.
    catalogue = [r for r in workbook["VI Каталог"].iter_rows(values_only=True)]
    assert ("Всего:", "=SUM(B3:B12)", "=SUM(C3:C12)") in [tuple(r[:3]) for r in catalogue]
    cached = load_workbook(io.BytesIO(render_xlsx(data)), data_only=True)
    values = [r for r in cached["VI Каталог"].iter_rows(values_only=True)]
    assert ("Всего:", 56521, 57552) in [tuple(r[:3]) for r in values]
    fund = [r for r in cached["III Фонд"].iter_rows(values_only=True) if r[0] == "Всего по ЦБС"]
    assert fund[0][10:12] == (273318, 88068)  # end = start + received − written off, cached


def test_the_fund_table_prints_the_total_alone_when_one_library_keeps_the_fund(data):
    document, tables = docx_tables(render_docx(data))
    fund = seed_tables(tables, data)[0]
    assert len(fund) == 2 + 1  # two header rows and «Всего по ЦБС»
    assert "ЦГБ" not in [row[0] for row in fund]


def test_the_docx_prints_problems_in_the_data_but_not_the_reconciliations(data):
    assert [n for n in data.notes if n.level == "info"]  # «✓ Баланс фонда…» is there
    text = "\n".join(p.text for p in Document(io.BytesIO(render_docx(data))).paragraphs)
    assert "Проверка данных" not in text and "Баланс фонда" not in text
    data.notes.append(Note("warning", "ЭК «СД»: записей стало меньше – было 73, стало 70."))
    text = "\n".join(p.text for p in Document(io.BytesIO(render_docx(data))).paragraphs)
    assert "Проверка данных" in text
    assert "! ЭК «СД»: записей стало меньше – было 73, стало 70." in text
    assert "Баланс фонда" not in text


def test_the_docx_is_in_russian_for_spelling_and_its_title_lines_are_not_letter_spaced(data):
    document = Document(io.BytesIO(render_docx(data)))
    styles = document.styles.element
    lang = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "ru-RU"
    for name in ("Title", "Subtitle"):
        style = document.styles[name].element
        assert style.rPr.find(qn("w:spacing")) is None
        assert style.pPr.find(qn("w:numPr")) is None


def narrated(organization, period, section, text, after=""):
    report = Report.objects.create(organization=organization, period=period)
    SectionText.objects.create(report=report, section=section, text_ru=text, text_after_ru=after)
    return report_build(organization=organization, span=span_parse(organization, "2021-H1"))


def test_the_text_after_the_list_prints_after_it(organization, seeded):
    data = narrated(
        organization, seeded, "kitap_fest",
        "Были представлены следующие мероприятия:", "Также были подведены итоги конкурса.",
    )  # fmt: skip
    section = data.section("kitap_fest")
    assert section.narrative_before == ["Были представлены следующие мероприятия:"]
    assert section.narrative_after == ["Также были подведены итоги конкурса."]
    texts = [p.text for p in Document(io.BytesIO(render_docx(data))).paragraphs]
    start = texts.index("Книжный фестиваль «KITAP FEST»")
    assert texts[start + 1 : start + 4] == [
        "Были представлены следующие мероприятия:",
        "интеллектуальная викторина «Ойлан, тап!» (ЦГБ)",
        "Также были подведены итоги конкурса.",
    ]
    sheet = load_workbook(io.BytesIO(render_xlsx(data)))["Мероприятия"]
    column = [row[0] for row in sheet.iter_rows(values_only=True) if row[0]]
    start = column.index("Книжный фестиваль «KITAP FEST»")
    assert column[start + 1 : start + 4] == [
        "Были представлены следующие мероприятия:",
        "• интеллектуальная викторина «Ойлан, тап!» (ЦГБ)",
        "Также были подведены итоги конкурса.",
    ]


def test_the_text_before_the_list_prints_before_it_whatever_its_punctuation(organization, seeded):
    data = narrated(organization, seeded, "kitap_fest", "Первый абзац:\n\nВторой абзац.")
    section = data.section("kitap_fest")
    assert section.narrative_before == ["Первый абзац:", "Второй абзац."]
    assert section.narrative_after == []


def test_the_xlsx_publications_sheet_has_a_narrow_number_column_and_prints_landscape(data):
    sheet = load_workbook(io.BytesIO(render_xlsx(data)))["Издания"]
    assert sheet.column_dimensions["A"].width < 15  # «№», not a 40-character label column
    assert sheet.column_dimensions["B"].width > 60
    assert sheet.page_setup.orientation == "landscape"
    rows = list(sheet.iter_rows())
    figure = next(r for r in rows if r[0].value == "Издания")
    # The label spans A–B, the number stands beside it, top-aligned like the label.
    assert any(str(m) == f"A{figure[0].row}:B{figure[0].row}" for m in sheet.merged_cells.ranges)
    assert figure[2].value == 9 and figure[2].alignment.vertical == "top"
    group = next(r for r in rows if r[0].value == "Буктрейлеры, виртуальные выставки")
    assert group[0].border.left.style == "thin" and group[1].border.right.style == "thin"


def test_the_xlsx_figure_rows_keep_the_value_beside_its_label(data):
    sheet = load_workbook(io.BytesIO(render_xlsx(data)))["III Фонд"]
    row = next(r for r in sheet.iter_rows() if str(r[0].value).startswith("За 1 полугодие"))
    assert row[1].value == pytest.approx(2770.4)
    assert row[0].alignment.vertical == row[1].alignment.vertical == "top"


def test_the_xlsx_lists_every_event_as_a_table(organization, seeded):
    from events.models import Event

    for language in ("ru", "kk"):
        data = report_build(
            organization=organization, span=span_parse(organization, "2021-H1"), language=language
        )
        sheet = load_workbook(io.BytesIO(render_xlsx(data)))[
            "Список мероприятий" if language == "ru" else "Іс-шаралар тізімі"
        ]
        rows = list(sheet.iter_rows(values_only=True))
        assert len(rows) == 1 + Event.objects.count()
        assert sheet.auto_filter.ref.startswith("A1:I")
        dates = [row[0].date() for row in rows[1:]]
        assert dates == sorted(dates)
        poetry = next(row for row in rows if str(row[3]).startswith("час поэзии"))
        assert poetry[0].date().isoformat() == "2021-02-10" and poetry[1] == "ЦГБ"
        assert poetry[3] == "час поэзии «Өрен жүйрік, өшпес бейне» к 175-летию Ж.Жабаева"
        assert poetry[4] == "Zoom"
    assert rows[0] == (
        "Күні", "Кітапхана", "Іс-шара түрі", "Атауы", "Платформалар",
        "Бастамалар, бағдарламалар", "Қатысушылар", "Қаралымдар", "Сілтеме",
    )  # fmt: skip
