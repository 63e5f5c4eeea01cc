"""On the demo, the dashboard shows the seed's half-year and agrees with the report."""

import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from branches.models import Organization
from dashboard.figures import overview
from dashboard.indicator_cards import for_overview
from dashboard.spans import SpanBook
from figures.reader import key_figures
from reports.builder import report_build
from tests.dashboard.test_figures import key_part, printed_section_two, section_two, split_of


@pytest.fixture
def demo(_demo_loaded, db):
    """The demo, loaded once for the module (tests/conftest.py): the tests only read it."""
    return Organization.objects.get(code="balkhash")


def test_the_dashboard_figures_equal_the_report_builders_on_the_demo(demo):
    book = SpanBook(demo)
    span = book.parse("2021-H1")
    data = overview(organization=demo, span=span, book=book)
    assert data.total == key_figures(organization=demo, span=span)
    summed = {}
    for library, figures in data.per_library:
        assert split_of(figures) == key_part(
            key_figures(organization=demo, span=span, libraries=[library])
        ), library.code
        for key, value in split_of(figures).items():
            summed[key] = summed.get(key, 0) + value
    assert summed == key_part(data.total)
    # Section II: every library's row and the total, as the report prints them.
    indicators = for_overview(
        data, book=book, comparison=book.comparison(span, book.with_data()), last_half=None
    )
    report = report_build(organization=demo, span=span)
    for index, (_library, row) in enumerate(indicators.rows):
        assert section_two(row) == printed_section_two(report, index)
    assert section_two(indicators.total) == printed_section_two(report, -1)
    assert indicators.comparable and indicators.last_year.code == "2020-H1"


def test_the_director_sees_the_seeds_half_year_on_the_demo(client, demo):
    client.force_login(get_user_model().objects.get(username="director"))
    response = client.get("/dashboard/")
    assert response.context["span"].code == "2021-H1"
    values = {card.key: card.value for card in response.context["cards"]}
    assert values["fund"] == 273318
    assert values["received"] == 2035
    assert values["written_off"] == 11837
    assert round(values["budget"], 1) == Decimal("2770.4")
    assert values["digitized"] == 213
    assert values["catalogue"] == 57552
    assert values["virtual_references"] == 48
    assert values["publications"] == 9 + 23
    assert values["media"] == 18
    assert (values["online_events"], values["subscribers"]) == (183, 25192)
    assert (values["views"], values["posts"]) == (164785, 2128)
    digitized = next(c for c in response.context["cards"] if c.key == "digitized")
    assert (digitized.plan, digitized.plan_percent) == (200, 106)
    text = response.content.decode()
    for shown in ("273\u00a0318", "88\u00a0068", "2\u00a0770,4", "57\u00a0552", "164\u00a0785"):
        assert shown in text


def test_the_fund_and_catalogue_compare_with_the_half_years_opening(client, demo):
    """2020-H2 has only the illustrative work log and network, but its closing stocks
    are 2021-H1's opening snapshots."""
    client.force_login(get_user_model().objects.get(username="director"))
    cards = {card.key: card for card in client.get("/dashboard/").context["cards"]}
    assert (cards["fund"].previous, cards["fund"].change) == (283120, 273318 - 283120)
    assert (cards["catalogue"].previous, cards["catalogue"].change) == (56521, 1031)
    # A flow: 2020-H2 has data (the illustrative work log) and no receipts recorded.
    assert cards["received"].previous == 0


def test_the_completeness_page_says_what_each_demo_library_has_not_entered(client, demo):
    client.force_login(get_user_model().objects.get(username="director"))
    text = client.get("/dashboard/completeness/?period=2021-H1").content.decode()

    def last_cell(code):
        row = re.search(rf'<tr data-library="{code}">(.*?)</tr>', text, re.S).group(1)
        cell = re.search(r'<td data-label="Не внесено видов данных">(.*?)</td>', row, re.S)
        return re.sub(r"<[^>]+>", "", cell.group(1)).strip()

    assert last_cell("cgb") == "всё внесено"  # the central library holds the seed's figures
    # Events and its nine publications, and the illustrative work log, network and staff;
    # of the collection's five (illustrative too), the fund's structure and its branches
    # are the ЦГБ's only (the demo's fund is kept as the ЦГБ's); of the services' three,
    # the partners, projects and awards are the ЦГБ's, ЦГДБ's and ф№1's only.
    assert last_cell("f4") == "11 из 21"
    assert last_cell("f7") == "12 из 21"


@pytest.mark.parametrize(
    ("language", "labels"),
    [("ru", ("Дневник работы", "Сеть", "Кадры")), ("kk", ("Жұмыс күнделігі", "Желі", "Кадрлар"))],
)
def test_the_completeness_page_counts_the_main_indicators(client, demo, language, labels):
    """The work log and the network's states are kinds of the registry: the page has a
    column for each, and the demo's illustrative rows fill them for every library."""
    client.force_login(get_user_model().objects.get(username="director"))
    client.cookies["django_language"] = language
    text = client.get("/dashboard/completeness/?period=2021-H1").content.decode()
    head = re.findall(r"<th scope=\"col\">(.*?)</th>", text)
    rows = re.findall(r'<tr data-library="[^"]+">(.*?)</tr>', text, re.S)
    assert len(rows) == 9
    for label in labels:
        column = head.index(label) - 1  # the first column names the library
        for row in rows:
            cells = re.findall(r'<td class="(present|missing)"[ >]', row)
            assert cells[column] == "present", (label, row[:80])
