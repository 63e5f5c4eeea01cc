"""The dashboard's figures are the report's: key_figures, and its split per library."""

import datetime
from decimal import Decimal

import pytest

from branches.models import ReportingPeriod
from dashboard.figures import overview
from dashboard.indicator_cards import for_overview
from dashboard.spans import SpanBook
from events.models import OnlineFigures
from figures.reader import LIBRARY_FIGURES, key_figures
from holdings.selectors import Copies
from reportkit.data import Table
from reportkit.sections import CONTROL
from reports.builder import report_build

D = datetime.date


def split_of(figures) -> dict:
    """A library's row on the dashboard: its value of every per-library key figure."""
    return figures.values()


def key_part(figures) -> dict:
    return {name: getattr(figures, name) for name in LIBRARY_FIGURES}


@pytest.fixture
def book(organization):
    return SpanBook(organization)


@pytest.fixture
def data(organization, half_year, book):
    return overview(organization=organization, span=book.parse("2021-H1"), book=book)


def test_the_key_figures_are_the_reports(organization, data, book):
    assert data.total == key_figures(organization=organization, span=book.parse("2021-H1"))
    assert data.previous == key_figures(organization=organization, span=book.parse("2020-H2"))


def test_key_figures_of_the_fixture(data):
    t = data.total
    assert (t.fund_start, t.received, t.written_off, t.fund_end) == (15100, 500, 1000, 14600)
    assert t.budget == Decimal("2770.4")
    assert (t.digitization_planned, t.digitization_done) == (200, 208)
    assert (t.online_events, t.subscribers, t.views, t.posts) == (183, 25192, 164785, 2128)
    assert (t.media_mentions, t.media_by_librarians, t.media_tv) == (18, 3, 2)


def test_each_librarys_row_is_the_key_figures_of_that_library(organization, data):
    for library, figures in data.per_library:
        expected = key_figures(organization=organization, span=data.span, libraries=[library])
        assert split_of(figures) == key_part(expected), library.code


def test_the_library_rows_add_up_to_the_organizations_key_figures(data):
    summed = {}
    for _library, figures in data.per_library:
        for key, value in split_of(figures).items():
            summed[key] = summed.get(key, 0) + value
    assert summed == key_part(data.total)


def test_the_charts_tables_come_from_the_report_selectors(data):
    assert [(k.code, k.planned, k.done, k.pages) for k in data.digitization] == [
        ("articles", 194, 207, 158),
        ("books", 6, 1, 340),
    ]
    assert {r.code: (r.before, r.now) for r in data.catalogue} == {
        "book": (18296, 18620),
        "articles": (17000, 17534),
    }


def test_completeness_says_what_each_library_entered(data, library, other_library):
    entered = dict(data.completeness)
    assert [list(row) for _lib, row in data.completeness] == [
        [code for code, _label in data.completeness_columns]
    ] * 2
    assert entered[library]["receipts"] == 1
    assert entered[library]["writeoffs"] == 1
    assert entered[library]["virtual_references"] == 1
    assert entered[library]["catalogue"] == 2
    assert entered[other_library]["virtual_references"] == 0
    assert entered[other_library]["writeoffs"] == 0
    assert entered[other_library]["online"] == 2
    # The ЦБС's own kinds, each a column: the methodical work and finance not entered here.
    assert data.organization_completeness == {
        "budget": True,
        "digitization_plan": True,
        "methodical_work": False,
        "finance": False,
    }


def test_the_kazakh_share_shows_the_recent_half_years_that_have_a_fund(data):
    # Six half-years are looked at; those before the first snapshot have no fund.
    assert [s.code for s, _c in data.kazakh_share] == ["2020-H1", "2020-H2", "2021-H1"]
    assert data.kazakh_share[-1][1] == Copies(14600, 5240)


def test_a_year_adds_its_two_halves(organization, half_year, book):
    data = overview(organization=organization, span=book.parse("2021"), book=book)
    assert data.total.online_events == 183
    assert data.previous_span.code == "2020"
    assert data.previous.budget == Decimal("1000.0")


def test_a_library_page_has_only_that_library(organization, library, half_year, book):
    span = book.parse("2021-H1")
    data = overview(organization=organization, span=span, book=book, libraries=[library])
    assert [lib for lib, _f in data.per_library] == [library]
    assert data.total == key_figures(organization=organization, span=span, libraries=[library])
    assert data.total.online_events == 150


@pytest.fixture
def second_half(organization, library, other_library, half_year):
    """2021-H2: one more row of every library fact for both libraries (dated in the
    half, states at its end)."""
    from branches.kinds import DATED, LIBRARY, PER_PERIOD, facts
    from tests.admin.factories import make_row

    period = ReportingPeriod.objects.create(organization=organization, year=2021, half=2)
    for n, kind in enumerate(facts(LIBRARY), start=10):
        for lib in (library, other_library):
            when = {}
            if kind.binding != PER_PERIOD:
                when["date"] = D(2021, 9, 1) if kind.binding == DATED else D(2022, 1, 1)
            if kind.code == "fund_snapshots":
                when["copies_kk"] = 30
            make_row(kind.model_class, library=lib, period=period, n=n, **when)
    # ЦГБ counts 21,000 subscribers at the end of the year, after 20,000 in June.
    OnlineFigures.objects.filter(period=period, library=library).update(subscribers=21000)
    return period


def _known(value):
    """Unknown prints «нет данных» in the report, never 0."""
    return "нет данных" if value is None else value


def _float(value):
    return None if value is None else float(value)


def section_two(row) -> tuple[list, list]:
    """A dashboard row of the main indicators as the report prints it: section II's
    plan, done, %, last year and change of users, visits and loans; the five ratios."""
    control = []
    for name in ("users", "visits", "loans"):
        c = row.control(name)
        control += [
            c.plan,
            _known(c.done),
            _float(c.percent),
            _known(c.last_year),
            _float(c.change),
        ]
    r = row.ratios
    ratios = [_float(v) for v in (r.reading, r.attendance, r.turnover, r.provision, r.coverage)]
    return control, ratios


def printed_section_two(report, row: int) -> tuple[list, list]:
    """Row `row` of the report's three plan tables (users, visits, loans) and of its
    ratios' table (in Russian)."""
    tables = [block for block in report.section(CONTROL).blocks if isinstance(block, Table)]
    ratios = next(table for table in tables if table.title == "Относительные показатели")
    control = [cell for table in tables[:3] for cell in table.rows[row].cells[1:]]
    return control, ratios.rows[row].cells[-5:]  # the five ratios close the row


@pytest.mark.parametrize("code", ["2021-H1", "2021-H2", "2021"])
def test_each_librarys_row_is_the_report_of_that_library_for_every_figure(
    organization, second_half, work_log, code
):
    book = SpanBook(organization)  # after the second half is opened
    span = book.parse(code)
    assert len(span.periods) == (2 if code == "2021" else 1)
    data = overview(organization=organization, span=span, book=book)
    assert len(data.per_library) == 2
    indicators = for_overview(
        data, book=book, comparison=book.comparison(span, book.with_data()), last_half=None
    )
    rows = dict(indicators.rows)
    whole = report_build(organization=organization, span=span)
    for index, (library, figures) in enumerate(data.per_library):
        report = report_build(organization=organization, span=span, libraries=[library])
        assert split_of(figures) == {name: report.key_figures[name] for name in LIBRARY_FIGURES}
        # Users, visits, loans and the ratios: the ЦБС's report's section II, row for row
        # (the same comparison base: the ЦБС's spans with data).
        assert section_two(rows[library]) == printed_section_two(whole, index), library.code
    # Section II shows something: the comparison is not vacuous (the work log fixture
    # fills the first half; the second half has one generated row per library).
    control, ratios = section_two(indicators.total)
    done = control[1::5]
    assert all(done) if code != "2021-H2" else any(done)
    assert None not in ratios
    if code == "2021":  # the year exercises every figure: none is zero for both libraries
        assert {
            n for n in LIBRARY_FIGURES if not any(split_of(f)[n] for _l, f in data.per_library)
        } == set()
    summed = {
        name: sum(split_of(f)[name] for _l, f in data.per_library) for name in LIBRARY_FIGURES
    }
    assert summed == {name: whole.key_figures[name] for name in LIBRARY_FIGURES}
    assert section_two(indicators.total) == printed_section_two(whole, -1)  # the total row


def test_a_years_subscribers_are_each_librarys_latest_count_not_its_halves_added(
    organization, library, second_half
):
    book = SpanBook(organization)
    data = overview(organization=organization, span=book.parse("2021"), book=book)
    row = dict(data.per_library)[library]
    assert row.online.subscribers == 21000  # not 20,000 + 21,000
    assert row.online.online_events == 150 + 183  # flows add up
