"""`--language kk`: headings and labels in Kazakh, data as entered."""

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from branches.calendar import span_parse
from reports.builder import report_build
from reports.renderers import render_docx, render_xlsx
from tests.reports.layout import fund_table


@pytest.fixture
def kk(organization, seeded):
    return report_build(
        organization=organization, span=span_parse(organization, "2021-H1"), language="kk"
    )


def test_headings_and_labels_are_kazakh(kk):
    assert kk.title == "Кітапханалар жұмысы туралы қысқаша ақпарат"
    assert kk.subtitle == "2021 жылдың 1-жартыжылдығы бойынша"
    assert kk.section("resources").title == (
        "III. Кітапхана ресурстары: ОКЖ құжат қорын қалыптастыру"
    )
    table = kk.section("resources").tables()[0]
    assert table.header[0][4].text == "01.07.2021 жағдай бойынша қорда тұр"
    assert table.rows[-1].cells[0] == "ОКЖ бойынша барлығы"
    assert kk.organization_name == "Сынақ ОКЖ"


def test_list_values_take_their_kazakh_names_and_data_stays_as_entered(kk):
    rows = [r.cells for r in kk.section("local_history").tables()[0].rows]
    assert rows[0][0] == "Мақалалар"
    assert kk.section("bibliography").tables()[0].rows[0].cells[0] == "ЭК «Кітап»"
    texts = [b.text for b in kk.section("resources").blocks if b.kind == "paragraph"]
    assert any(t.startswith("Жергілікті бюджет қаражаты есебінен 1405 дана түсті") for t in texts)
    zoom = kk.section("zoom").lists()[0].items
    assert zoom == ["час поэзии «Өрен жүйрік, өшпес бейне» к 175-летию Ж.Жабаева (ЦГБ)"]


def test_the_kazakh_docx_and_xlsx(kk):
    document = Document(io.BytesIO(render_docx(kk)))
    assert document.paragraphs[0].text == "Кітапханалар жұмысы туралы қысқаша ақпарат"
    assert fund_table(document.tables).rows[-1].cells[7].text == "273318"
    workbook = load_workbook(io.BytesIO(render_xlsx(kk)))
    assert workbook.sheetnames[0] == "Жиынтық"
    assert "III Қор" in workbook.sheetnames


def test_the_narrative_prints_in_kazakh_where_written(organization, seeded):
    from reports.models import Report, SectionText

    report = Report.objects.create(organization=organization, period=seeded)
    SectionText.objects.create(report=report, section="parasat", text_ru="Рус", text_kk="Қаз")
    SectionText.objects.create(report=report, section="media", text_ru="Только по-русски")
    span = span_parse(organization, "2021-H1")
    kk = report_build(organization=organization, span=span, language="kk")
    assert kk.section("parasat").narrative == "Қаз"
    # Printed, but marked as not translated, and the report page says so.
    assert kk.section("media").narrative == "[аударылмаған] Только по-русски"
    assert [n.level for n in kk.section("media").notes] == ["untranslated"]
    assert report_build(organization=organization, span=span).section("parasat").narrative == "Рус"


def test_the_kazakh_digitization_sentences_read_as_kazakh(kk):
    texts = [b.text for b in kk.section("local_history").blocks if b.kind == "paragraph"]
    # The kind's name is mid-sentence in Kazakh: lower case, not «…газеттеріндегі Мақалалар».
    assert (
        "«Балқаш өңірі», «Северное Прибалхашье», «Пульс», «Балхашский рабочий» "
        "газеттеріндегі мақалалар – 207 құжат, 158 бет"
    ) in texts
    assert "6 кітап (2010 бет) толық цифрландырылды" in texts


def test_the_kazakh_docx_is_marked_kazakh_for_spelling(kk):
    document = Document(io.BytesIO(render_docx(kk)))
    path = f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    assert document.styles.element.find(path).get(qn("w:val")) == "kk-KZ"


def test_bibliographic_page_and_month_words_follow_the_language(kk, organization, seeded):
    books = kk.section("local_history").lists()[0].items
    assert books and all(item.endswith(" б.") for item in books)
    media = kk.section("media").lists()[-1].items
    assert media[0].endswith("// Пульс. – 2021. – 30 сәуір (№18). – 7 б.")
    ru = report_build(organization=organization, span=span_parse(organization, "2021-H1"))
    assert ru.section("local_history").lists()[0].items[0].endswith(" с.")
    assert ru.section("media").lists()[-1].items[0].endswith("– 30 апреля (№18). – С. 7")


def test_the_glossarys_corrections_read_in_the_kazakh_report(kk):
    """kk-glossary.md: Kazakh word order and the agreed terms."""
    fund = kk.section("resources").tables()[0]
    assert fund.title == "01.07.2021 жағдай бойынша кітап қоры"
    assert fund.header[1][1].text == "оның ішінде қазақ тілінде"
    texts = [b.text for s in kk.sections for b in s.blocks if b.kind == "paragraph"]
    assert any(
        t
        == "2021 жылдың 1-жартыжылдығында жергілікті бюджеттен қорды жинақтауға 2770,4 мың теңге бөлінді."
        for t in texts
    )
    assert "2021 жылдың 1-жартыжылдығында барлығы 213 құжат, 2168 бет цифрландырылды" in texts
    assert any("онлайн іс-шара" in t for t in texts)
    catalogue = kk.section("bibliography").tables()[0]
    assert catalogue.header[0][1].text == "01.01.2021 жағдай бойынша болды"
