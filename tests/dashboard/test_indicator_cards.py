"""The main indicators on the dashboard: cards, ratios and trend, against hand-computed
values, per role, in both languages, and at a fixed query cost.

The `work_log` fixture (conftest): ЦГБ registered 100 users in 2020-H1 and 150 in
2021-H1 (visits 1000 → 1200, loans 3000 → 3600); ф№4 40 → 50 (400 → 500, 800 → 900).
Funds at 01.07.2021: ЦГБ 9400, ф№4 5200; populations 1500 and 1000. Plans for 2021:
ЦГБ annual 300 / 4000 / 12000; ф№4 annual 200 / 2000 / 4000 and for the first half
100 / 1000 / 2000.
"""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from branches.calendar import span_parse
from dashboard.figures import overview
from dashboard.indicator_cards import for_overview, indicator_overview
from dashboard.indicator_presenters import comparison_note
from dashboard.spans import SpanBook
from indicators.comparison import NO_DATA, PARTIAL
from indicators.models import WorkLogEntry
from indicators.selectors import Indicators
from indicators.summary import PLANNED
from reportkit.data import Paragraph
from reports.builder import report_build

pytestmark = pytest.mark.django_db
D = datetime.date


def indicators_of(organization, code, libraries=None):
    book = SpanBook(organization)
    span = book.parse(code)
    data = overview(organization=organization, span=span, book=book, libraries=libraries)
    with_data = book.with_data(libraries)
    halves = {s.half for s in with_data if s.year == span.year and s.half}
    last_half = (
        book.span(span.year, next(iter(halves))) if span.is_year and len(halves) == 1 else None
    )
    return for_overview(
        data, book=book, comparison=book.comparison(span, with_data), last_half=last_half
    )


def controls(row, name):
    c = row.control(name)
    return (c.plan, c.done, c.percent, c.last_year, c.change)


def test_the_cards_show_done_plan_percent_and_the_same_span_last_year(organization, work_log):
    data = indicators_of(organization, "2021-H1")
    assert data.comparable and data.last_year.code == "2020-H1"
    total = data.total
    # ЦГБ's plan is the year's, ф№4's the half's own: their sum is no plan of anything, so
    # the total has no % of plan (issue 22: a plan % says its base).
    assert controls(total, "users") == (None, 200, None, 140, Decimal("42.9"))
    assert controls(total, "visits") == (None, 1700, None, 1400, Decimal("21.4"))
    assert data.summary.mixed_plans and not data.summary.annual_plan
    cgb, f4 = (row for _lib, row in data.rows)
    assert controls(cgb, "users") == (300, 150, Decimal("50.0"), 100, Decimal("50.0"))
    # ф№4's own plan for the half, not the annual one.
    assert controls(f4, "loans") == (2000, 900, Decimal("45.0"), 800, Decimal("12.5"))


def test_the_five_ratios_per_library_and_in_total(organization, work_log):
    data = indicators_of(organization, "2021-H1")
    (_cgb, cgb), (_f4, f4) = data.rows
    r = cgb.ratios
    assert (r.reading, r.attendance, r.turnover, r.provision, r.coverage) == tuple(
        Decimal(v) for v in ("24.0", "8.0", "0.4", "62.7", "10.0")
    )
    r = f4.ratios
    assert (r.reading, r.attendance, r.turnover, r.provision, r.coverage) == tuple(
        Decimal(v) for v in ("18.0", "10.0", "0.2", "104.0", "5.0")
    )
    r = data.total.ratios  # ratios of the totals, not sums of ratios
    assert (r.reading, r.attendance, r.turnover, r.provision, r.coverage) == tuple(
        Decimal(v) for v in ("22.5", "8.5", "0.3", "73.0", "8.0")
    )


def test_the_trend_shows_the_half_years_from_the_first_with_a_work_log(organization, work_log):
    trend = indicators_of(organization, "2021-H1").trend
    assert [s.code for s, _f in trend] == ["2020-H1", "2020-H2", "2021-H1"]
    figures = [(f.users, f.visits, f.loans) for _s, f in trend]
    # 2020-H2 has no rows of its own: its users are the year's (a reader counts once a year).
    assert figures == [(140, 1400, 3800), (140, 0, 0), (200, 1700, 4500)]


def test_no_comparison_with_a_span_last_year_without_a_work_log(
    client, director, work_log, library
):
    WorkLogEntry.objects.create(library=library, date=D(2020, 9, 1), visits=7)
    client.force_login(director)
    text = client.get("/dashboard/?period=2020-H2").content.decode()
    # The same span a year before has no data: the report's words, no arrow, no change.
    assert '<p class="table-note indicator-comparison">нет данных для сравнения</p>' in text
    cards = re.findall(
        r'<li class="card" data-figure="(users|visits|loans)">(.*?)</li>', text, re.S
    )
    assert len(cards) == 3
    for _key, body in cards:
        assert "нет данных для сравнения" in body and "▲" not in body and "▼" not in body


def test_a_year_with_one_half_compares_with_the_same_half_last_year(organization, work_log):
    data = indicators_of(organization, "2021")  # only 2021-H1 has data
    assert data.comparable and data.last_year.code == "2020-H1"
    # The annual plans: ЦГБ 300 + ф№4 200 users.
    assert controls(data.total, "users") == (500, 200, Decimal("40.0"), 140, Decimal("42.9"))


def test_a_whole_year_against_a_year_with_one_half_is_no_comparison(
    organization, work_log, library, other_library
):
    book = SpanBook(organization)
    span = book.parse("2021")
    libraries = [library, other_library]
    now = {lib.pk: Indicators(users=1) for lib in libraries}
    with_data = [book.span(2021, 1), book.span(2021, 2), book.span(2021, None)]
    data = indicator_overview(
        book=book,
        span=span,
        libraries=libraries,
        now=now,
        comparison=book.comparison(span, [*with_data, book.span(2020, 1), book.span(2020, None)]),
    )
    assert data.comparison.status == PARTIAL and not data.comparable
    assert data.comparison.said == (
        "нет данных для сравнения: за 2020 год данные только за одно полугодие"
    )
    span = book.parse("2019")
    data = indicator_overview(
        book=book, span=span, libraries=libraries, now=now,
        comparison=book.comparison(span, with_data),
    )  # fmt: skip
    assert data.comparison.status == NO_DATA


def test_the_indicators_cost_a_fixed_number_of_queries(
    organization, work_log, library, other_library
):
    """States, last year's work log and its virtual references (2020-H1 is opened),
    plans, the funds at the span's end (the fund ledger's two), the trend: six
    half-years at once."""
    book = SpanBook(organization)
    span = book.parse("2021-H1")
    libraries, with_data = [library, other_library], book.with_data()
    with CaptureQueriesContext(connection) as queries:
        data = indicator_overview(
            book=book, span=span, libraries=libraries, now={},
            comparison=book.comparison(span, with_data),
        )  # fmt: skip
    assert len(queries) == 7, [q["sql"] for q in queries]
    assert len(data.trend) == 3


def ratio_rows(text) -> list[str]:
    body = re.search(r'<table class="data ratios[^"]*">(.*?)</table>', text, re.S).group(1)
    return re.findall(r'<tr data-library="([^"]+)"', body)


@pytest.mark.parametrize("persona", ["director", "methodologist"])
def test_the_director_and_methodologist_see_every_library_and_the_total(
    client, request, persona, work_log
):
    client.force_login(request.getfixturevalue(persona))
    text = client.get("/dashboard/?period=2021-H1").content.decode()
    assert ratio_rows(text) == ["cgb", "f4"]
    assert "Итого по ЦБС" in text
    users = re.search(r'data-figure="users">.*?<span class="figure">(.*?)</span>', text, re.S)
    assert users.group(1) == "200"
    assert "планы библиотек — на разные сроки (полугодие и год): общего % плана нет" in text


def test_a_librarian_sees_only_her_library(client, librarian, work_log):
    client.force_login(librarian)
    response = client.get("/dashboard/?period=2021-H1", follow=True)
    text = response.content.decode()
    assert ratio_rows(text) == ["cgb"]
    assert "Итого по ЦБС" not in text
    users = re.search(r'data-figure="users">.*?<span class="figure">(.*?)</span>', text, re.S)
    assert users.group(1) == "150"  # ЦГБ's, not the ЦБС's 200
    assert "ф№4" not in text
    assert client.get("/dashboard/library/f4/?period=2021-H1").status_code == 404


def test_the_trend_chart_has_units_and_a_table(client, director, work_log):
    client.force_login(director)
    response = client.get("/dashboard/?period=2021-H1")
    text = response.content.decode()
    spec = response.context["charts"]["indicator_trend"]
    assert spec["labels"] == ["1 пол. 2020", "2 пол. 2020", "1 пол. 2021"]
    assert spec["axes"] == {"y": "посещений и выдач", "y1": "человек"}
    assert [d["data"] for d in spec["datasets"]] == [
        [1400, 0, 1700],
        [3800, 0, 4500],
        [140, 140, 200],
    ]
    # Users are the year's so far at each half's end: bars, named so, not a line whose
    # drop from a year to the next year's first half would read as a fall (issue 22, item 10).
    users = spec["datasets"][2]
    assert (users["type"], users["label"]) == (
        "bar", "Пользователи с начала года (правая шкала), чел."
    )  # fmt: skip
    assert "Пользователи с начала года, чел." in text
    assert 'data-chart="indicator_trend"' in text
    assert 'role="img" aria-label="Пользователи, посещения и книговыдача по полугодиям.' in text
    assert (
        '<th scope="row">1 полугодие 2021 года</th>'
        '<td data-label="Пользователи с начала года, чел.">200</td>'
        '<td data-label="Посещения">1\u00a0700</td>'
    ) in text


def test_the_indicators_speak_kazakh(client, director, work_log):
    client.force_login(director)
    client.cookies["django_language"] = "kk"
    text = client.get("/dashboard/?period=2021-H1").content.decode()
    for russian in ("Контрольные показатели", "Читаемость", "Итого по ЦБС", "год назад"):
        assert russian not in text, russian


def test_a_new_work_log_row_shows_at_once(client, director, work_log, library):
    """The figures are cached per data version: a write to the work log moves it."""
    client.force_login(director)

    def users():
        text = client.get("/dashboard/?period=2021-H1").content.decode()
        return re.search(r'data-figure="users">.*?<span class="figure">(.*?)</span>', text, re.S)[1]

    assert users() == "200"
    WorkLogEntry.objects.create(library=library, date=D(2021, 6, 1), users=5)
    assert users() == "205"


@pytest.mark.parametrize("code", ["2021-H1", "2021"])
def test_the_report_and_the_dashboard_compare_with_the_same_base_and_the_same_percent(
    client, director, organization, work_log, code
):
    """2021 has only its first half: both compare it with 2020's first half (issue 22,
    item 4), not the report with the whole of 2020 and the dashboard with its half."""
    data = indicators_of(organization, code)
    report = report_build(organization=organization, span=span_parse(organization, code))
    section = report.section("control")
    said = [b.text for b in section.blocks if isinstance(b, Paragraph)]
    base = "к 1 полугодию 2020 года"
    assert (
        f"Изменение, % — {base}; у библиотеки без данных за один из периодов изменения нет." in said
    )
    assert comparison_note(data) == f"изменения — {base}"
    rows = [*(row for _lib, row in data.rows), data.total]
    for table, name in zip(section.tables()[:3], PLANNED, strict=True):
        assert table.header[0][4].text == "1 полугодие 2020 года"
        for printed, row in zip(table.rows, rows, strict=True):
            c = row.control(name)
            # % of plan, last year, change: the same figures in both.
            assert printed.cells[3:6] == [
                None if c.percent is None else float(c.percent),
                c.last_year,
                None if c.change is None else float(c.change),
            ], (code, name, printed.cells[0])
    # The main cards say the same base.
    client.force_login(director)
    text = client.get(f"/dashboard/?period={code}").content.decode()
    assert f"изменения — {base}" in text
    assert f"{base}:" in text  # a card's «к 1 полугодию 2020 года: 140»


def test_a_library_without_work_log_rows_prints_no_data_not_zero(
    client, director, organization, work_log, other_library
):
    """Unknown is not zero (issue 22, item 5): ф№4 logs nothing in 2021-H1."""
    WorkLogEntry.objects.filter(library=other_library, date__year=2021).delete()
    report = report_build(organization=organization, span=span_parse(organization, "2021-H1"))
    users, visits, loans, ratios, users_visits, loans_references = report.section(
        "control"
    ).tables()
    f4 = [row.cells for row in users.rows if row.cells[0] == "ф№4"][0]
    # plan, done, % of plan, last year, change: no 0, no 0,0 %, no −100,0 %.
    assert f4[1:] == [100, "нет данных", None, 40, None]
    total = users.rows[-1].cells
    assert total[1:] == [None, "150 (по 1 из 2 библиотек)", None, 140, None]
    assert [row.cells[1:4] for row in ratios.rows][1] == ["нет данных"] * 3
    assert set(users_visits.rows[1].cells[1:]) == {"нет данных"}
    data = indicators_of(organization, "2021-H1")
    (_cgb, cgb), (_f4, f4_row) = data.rows
    assert f4_row.control("users").done is None and f4_row.control("users").change is None
    client.force_login(director)
    text = client.get("/dashboard/?period=2021-H1").content.decode()
    card = re.search(r'data-figure="users">(.*?)</li>', text, re.S).group(1)
    assert "по 1 из 2 библиотек" in card and "▲" not in card and "▼" not in card
