"""The built report's figures, table by table, against the seed."""

import pytest

from branches.calendar import span_parse
from reportkit.data import ReportData
from reports.builder import report_build


@pytest.fixture
def report(organization, seeded):
    return report_build(organization=organization, span=span_parse(organization, "2021-H1"))


def rows_of(table):
    return [row.cells for row in table.rows]


def test_resources_give_budget_receipts_writeoffs_and_the_fund_table(report):
    section = report.section("resources")
    assert section.title == "III. Библиотечные ресурсы: формирование фонда документов ЦБС"
    texts = [b.text for b in section.blocks if b.kind == "paragraph"]
    assert (
        texts[0]
        == "За 1 полугодие 2021 года из местного бюджета на комплектование выделено 2770,4 тыс. тенге."
    )
    assert (
        "За счёт средств местного бюджета получено 1405 экз., в т.ч. на каз. яз. – 627 экз."
        in texts
    )
    assert "В рамках госзаказа получено 630 экз., в т.ч. на каз. яз. – 566 экз." in texts
    assert "Всего получено 2035 экз., в т.ч. на каз. яз. – 1193 экз." in texts
    assert (
        "По причине физического износа списано 11837 экз., в т.ч. на каз. яз. – 956 экз." in texts
    )
    (table,) = section.tables()
    assert [c.text for c in table.header[0]][1:] == [
        "Состояло на начало 1-го полугодия 2021",
        "Поступило за 1 полугодие 2021",
        "Выбыло за 1 полугодие 2021",
        "Состоит на 01.07.2021",
    ]
    assert rows_of(table)[-1] == [
        "Всего по ЦБС", 283120, 87831, 2035, 1193, 11837, 956, 273318, 88068,
    ]  # fmt: skip
    assert table.rows[-1].kind == "total"


def test_local_history_gives_plan_done_and_the_books(report):
    section = report.section("local_history")
    (table,) = section.tables()
    assert rows_of(table) == [["Статьи", 194, 207], ["Книги", 6, 6], ["Всего", 200, 213]]
    texts = [b.text for b in section.blocks if b.kind == "paragraph"]
    assert (
        "Статьи из газет «Балқаш өңірі», «Северное Прибалхашье», «Пульс», «Балхашский рабочий»"
        " – 207 документов, 158 страниц" in texts
    )
    assert "Полностью оцифрованы 6 книг, 2010 страниц" in texts
    assert "Всего за 1 полугодие 2021 года оцифровано 213 документов, 2168 страниц" in texts
    (books,) = section.lists()
    assert books.numbered and len(books.items) == 6
    assert books.items[0] == "Скляров, Н. Рассказы в стихах / Н.Скляров. – Алматы, 2000. – 340 с."


def test_bibliography_gives_the_catalogue_table_and_references(report):
    section = report.section("bibliography")
    (table,) = section.tables()
    rows = rows_of(table)
    assert rows[0] == ["ЭК «Книга»", 18296, 18620]
    assert rows[-2] == ["ЭК «Е-Статья»", 425, 430]
    assert rows[-1] == ["Всего:", 56521, 57552]
    assert len(rows) == 11
    texts = [b.text for b in section.blocks if b.kind == "paragraph"]
    assert "Объём электронного каталога составляет 57552 библиографические записи." in texts
    assert "За 1 полугодие 2021 года выполнено виртуальных библиографических справок – 48" in texts


def test_publishing_lists_nine_publications_then_23_trailers(report):
    (table,) = report.section("publishing").tables()
    group = [i for i, row in enumerate(table.rows) if row.kind == "group"]
    assert group == [9]
    assert table.rows[0].cells[0] == "1."
    assert (
        table.rows[0].cells[1].startswith("«Буклет 1»: Электронды буклет // №4 кітапхана-филиалы")
    )
    assert len(table.rows) - 10 == 23
    assert table.rows[-1].cells[0] == "23."


def test_media_gives_counts_tv_stories_and_references(report):
    section = report.section("media")
    figures = [(f.label, f.value) for f in section.figures()]
    assert figures == [
        ("Количество публикаций о библиотеке в СМИ", 18),
        ("из них публикаций самих библиотекарей", 3),
        ("видеосюжетов на телевидении", 2),
    ]
    tv, references = section.lists()
    assert tv.items == [
        "https://www.instagram.com/p/CKYj1qhneMG/",
        "https://www.instagram.com/p/CLMdnIsIfTT/",
    ]
    assert references.items[0].startswith(
        "Сәденов, Қ. «Мен оқыған бір кітап...» / Қ.Сәденов // Пульс"
    )


def test_events_are_grouped_by_initiative_highlight_and_form(report):
    def items(code):
        lists = report.section(code).lists()
        return lists[0].items if lists else []

    assert items("zoom") == ["час поэзии «Өрен жүйрік, өшпес бейне» к 175-летию Ж.Жабаева (ЦГБ)"]
    assert items("live") == ["встреча в прямом эфире «Сырға толы нұрлы бейне» (ЦГБ)"]
    assert report.section("live").lists()[0].numbered
    assert items("parasat") == items("one_country_one_book") == items("live")
    assert items("local") == items("live")
    assert items("challenges") == [
        "челлендж-эстафета «Кел, балалар оқылық!» к 180 летию Ы.Алтынсарина (ф№4)"
    ]
    assert items("kitap_fest") == ["интеллектуальная викторина «Ойлан, тап!» (ЦГБ)"]
    assert items("children_reading") == ["путешествие «Летнее путешествие» (ЦГБ)"]
    # Already shown under its initiative: the catch-all groups don't repeat it.
    # No group of the seed's own is invented for events held in a library.
    assert "onsite" not in [section.code for section in report.sections]
    assert "акция «Книга – бесценный дар» (ф№4)" in items("online_actions")
    assert items("literary") == [
        "На общих страницах ЦБС https://www.instagram.com/balqashokj/: "
        "интеллектуальная викторина «Ойлан, тап!»",
        "Библиотека-филиал №4 https://www.facebook.com/profile.php?id=100011219373453: "
        "видеоролик «Кітап – алтын қазынам»",
    ]


def test_totals_give_the_online_figures(report):
    (paragraph,) = report.section("totals").blocks
    assert paragraph.text == (
        "Всего было проведено 183 онлайн-мероприятия, зафиксировано 25192 подписчика, "
        "164785 просмотров, 2128 публикаций."
    )


def test_sections_come_in_the_seed_order(report):
    codes = [s.code for s in report.sections]
    assert codes.index("resources") < codes.index("local_history") < codes.index("bibliography")
    assert codes.index("events") < codes.index("parasat") < codes.index("children_reading")
    assert codes[-1] == "totals"
    assert report.subtitle == "за 1 полугодие 2021 года"


def test_the_report_round_trips_through_json(report):
    import json

    again = ReportData.from_dict(json.loads(json.dumps(report.as_dict())))
    assert again == report


def test_the_fund_balances_and_the_notes_say_so(report):
    info = [n.text for n in report.notes if n.level == "info"]
    assert (
        "Баланс фонда по ЦБС: 283120 + 2035 − 11837 = 273318 экз.; на каз. яз.: 87831 + 1193 − 956 = 88068."
        in info
    )
    assert not [n for n in report.notes if n.level == "error"]
