"""The dashboard's figures are the report's: key_figures, and its split per library."""

from decimal import Decimal

import pytest

from dashboard.figures import overview
from dashboard.spans import SpanBook
from holdings.selectors import Copies
from reports.figures import key_figures

# Every per-library figure and the key figure it splits.
SPLITS = {
    "digitized": "digitization_done",
    "digitized_pages": "digitization_pages",
    "catalogue_before": "catalogue_before",
    "catalogue_now": "catalogue_now",
    "virtual_references": "virtual_references",
    "publications": "publications",
    "trailers": "trailers",
    "media_mentions": "media_mentions",
    "media_by_librarians": "media_by_librarians",
    "media_tv": "media_tv",
    "online_events": "online_events",
    "subscribers": "subscribers",
    "views": "views",
    "posts": "posts",
}


def split_of(figures) -> dict:
    values = {key: getattr(figures, name) for name, key in SPLITS.items()}
    fund = figures.fund
    values.update(
        fund_start=fund.start.copies, fund_start_kk=fund.start.copies_kk,
        received=fund.received.copies, received_kk=fund.received.copies_kk,
        written_off=fund.written_off.copies, written_off_kk=fund.written_off.copies_kk,
        fund_end=fund.end.copies, fund_end_kk=fund.end.copies_kk,
    )  # fmt: skip
    return values


def key_part(figures) -> dict:
    keys = set(SPLITS.values()) | {
        "fund_start", "fund_start_kk", "received", "received_kk", "written_off",
        "written_off_kk", "fund_end", "fund_end_kk",
    }  # fmt: skip
    return {key: getattr(figures, key) for key in keys}


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
    assert entered[library]["receipts"] == 1
    assert entered[library]["writeoffs"] == 1
    assert entered[library]["virtual_references"] == 1
    assert entered[library]["catalogue"] == 2
    assert entered[other_library]["virtual_references"] == 0
    assert entered[other_library]["writeoffs"] == 0
    assert entered[other_library]["online"] == 2
    assert data.organization_completeness == {"budget": True, "digitization_plan": True}


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
