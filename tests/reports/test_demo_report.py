"""`load_demo` + the builder give every figure of the seed (seed/README.md, last section),
in the built data, in the DOCX and in the XLSX read back."""

import io

import pytest
from docx import Document
from openpyxl import load_workbook

from branches.calendar import span_parse
from branches.models import Organization
from reports.builder import report_build
from reports.renderers import render_docx, render_xlsx
from tests.reports.layout import seed_tables

SEED_CATALOGUE = [
    ("ЭК «Книга»", 18296, 18620), ("ЭК «Статьи»", 17014, 17534),
    ("ЭК «Краеведение»", 14550, 14655), ("ЭК «Периодика»", 264, 264),
    ("ЭК «Экология»", 1781, 1831), ("ЭК «СД»", 73, 73),
    ("ЭК «Профессионал»", 3732, 3759), ("ЭК «Редкий фонд»", 143, 143),
    ("ЭК «Е-Книга»", 243, 243), ("ЭК «Е-Статья»", 425, 430),
    ("Всего:", 56521, 57552),
]  # fmt: skip


@pytest.fixture
def data(_demo_loaded, db):
    organization = Organization.objects.get(code="balkhash")
    return report_build(organization=organization, span=span_parse(organization, "2021-H1"))


def test_the_demo_report_has_every_seed_figure(data):
    key = data.key_figures
    assert key["budget"] == pytest.approx(2770.4)
    resources = data.section("resources")
    texts = " ".join(b.text for b in resources.blocks if b.kind == "paragraph")
    assert "2770,4 тыс. тенге" in texts
    assert "1405 экз., в т.ч. на каз. яз. – 627 экз." in texts
    assert "630 экз., в т.ч. на каз. яз. – 566 экз." in texts
    assert "11837 экз., в т.ч. на каз. яз. – 956 экз." in texts
    fund = resources.tables()[0].rows[-1].cells
    assert fund[1:] == [283120, 87831, 2035, 1193, 11837, 956, 273318, 88068]
    digitization = data.section("local_history")
    assert [r.cells for r in digitization.tables()[0].rows] == [
        ["Статьи", 194, 207], ["Книги", 6, 6], ["Всего", 200, 213],
    ]  # fmt: skip
    texts = " ".join(b.text for b in digitization.blocks if b.kind == "paragraph")
    assert "207 документов, 158 страниц" in texts
    assert "6 книг, 2010 страниц" in texts
    assert "213 документов, 2168 страниц" in texts
    catalogue = data.section("bibliography").tables()[0]
    assert [tuple(r.cells) for r in catalogue.rows] == SEED_CATALOGUE
    assert key["virtual_references"] == 48
    publishing = data.section("publishing").tables()[0]
    assert sum(1 for r in publishing.rows if r.kind == "data") == 9 + 23
    assert (key["publications"], key["trailers"]) == (9, 23)
    assert (key["media_mentions"], key["media_by_librarians"], key["media_tv"]) == (18, 3, 2)
    assert data.section("totals").blocks[0].text == (
        "Всего было проведено 183 онлайн-мероприятия, зафиксировано 25192 подписчика, "
        "164785 просмотров, 2128 публикаций."
    )
    assert not [n for n in data.notes if n.level == "error"]


def test_the_demo_docx_shows_the_seed_tables(data):
    document = Document(io.BytesIO(render_docx(data)))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    assert seed_tables(tables, data)[0][-1][1:] == [
        "283120",
        "87831",
        "2035",
        "1193",
        "11837",
        "956",
        "273318",
        "88068",
    ]
    assert seed_tables(tables, data)[1][-1] == ["Всего", "200", "213"]
    assert [tuple(r) for r in seed_tables(tables, data)[2][1:]] == [
        (name, str(before), str(now)) for name, before, now in SEED_CATALOGUE
    ]
    text = "\n".join(p.text for p in document.paragraphs)
    for figure in ("2770,4", "– 48", "18", "183 онлайн-мероприятия", "25192", "164785", "2128"):
        assert figure in text


def test_the_demo_xlsx_stores_the_seed_figures_as_numbers(data):
    # As a viewer that does not recalculate reads it: totals are formulas with their figures.
    workbook = load_workbook(io.BytesIO(render_xlsx(data)), data_only=True)
    values = [row for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)]
    assert ("Всего по ЦБС", 283120, 87831, 2035, 1193, 11837, 956, 273318, 88068) in [
        tuple(r[:9]) for r in values
    ]
    assert ("Всего:", 56521, 57552) in [tuple(r[:3]) for r in values]
    summary = {r[0]: r[1] for r in workbook["Сводка"].iter_rows(min_row=6, values_only=True)}
    assert summary["Оцифровано страниц"] == 2168
    assert summary["Подписчики"] == 25192


def docx_paragraphs(data) -> list[str]:
    return [p.text for p in Document(io.BytesIO(render_docx(data))).paragraphs]


def test_the_demo_docx_needs_no_editing_where_it_differed_from_the_seed(data):
    document = Document(io.BytesIO(render_docx(data)))
    # The seed's fund table is one row of ЦБС figures, not ЦГБ's row and a total repeating it.
    fund = [[c.text for c in row.cells] for row in seed_tables(document.tables, data)[0].rows]
    assert [row[0] for row in fund[2:]] == ["Всего по ЦБС"]
    texts = [p.text for p in document.paragraphs]
    assert "Полностью оцифрованы 6 книг, 2010 страниц" in texts
    assert "Всего за 1 полугодие 2021 года оцифровано 213 документов, 2168 страниц" in texts
    assert "За 1 полугодие 2021 года выполнено виртуальных библиографических справок – 48" in texts
    # The data balance: nothing for the methodologist to delete at the end.
    assert "Проверка данных" not in texts
    assert texts[-1].startswith("Всего было проведено 183 онлайн-мероприятия")


def test_the_demo_lists_follow_the_sentences_that_announce_them(data):
    texts = docx_paragraphs(data)
    # «…были представлены следующие мероприятия:» then the festival's events, then
    # «Также были подведены итоги…», as in the seed.
    intro = next(i for i, t in enumerate(texts) if t.endswith("следующие мероприятия:"))
    assert texts[intro + 1] == "видео презентация книжного фестиваля «KITAP FEST» (ЦГБ)"
    results = next(i for i, t in enumerate(texts) if t.startswith("Также были подведены итоги"))
    assert results > intro + 1 and texts[results + 1] == "Челленджи"
    intro = next(i for i, t in enumerate(texts) if t.endswith("В ЦБС прошли ряд мероприятий:"))
    # The seed's first item of the Year of reading, in the seed's words (the demo's wording):
    # the whole ЦБС's, with no library mark.
    assert texts[intro + 1].startswith(
        "ЦБС принял участие в республиканском on-line конкурсе «Лучший сказочник» проекта "
        "«В мире сказок»"
    )
    assert "Благодарственным письмом" in texts[intro + 1] and "(ЦГБ)" not in texts[intro + 1]
    summer = next(i for i, t in enumerate(texts) if t.startswith("Уже в течение многих лет"))
    # The closing sums follow without a heading of their own, as in the seed.
    assert summer > intro + 1 and texts[summer + 1].startswith("Всего было проведено 183")
