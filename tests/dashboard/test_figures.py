from decimal import Decimal

import pytest

from dashboard.figures import overview
from dashboard.spans import Span
from holdings.selectors import Copies, fund_movement

H1 = Span(2021, 1)


@pytest.fixture
def data(organization, half_year):
    return overview(organization=organization, span=H1)


def test_fund_figures_are_the_fund_movement_selectors(organization, data):
    movement = fund_movement(organization=organization, start=H1.start, end=H1.end)
    assert data.total.fund.start == movement.total.start == Copies(15100, 5040)
    assert data.total.fund.received == movement.total.received == Copies(500, 250)
    assert data.total.fund.written_off == movement.total.written_off == Copies(1000, 50)
    assert data.total.fund.end == Copies(14600, 5240)


def test_budget_and_digitization_plan_are_the_organizations(data):
    assert data.total.budget == Decimal("2770.4")
    assert data.previous.budget == Decimal("1000.0")
    assert [(k.code, k.planned, k.done, k.pages) for k in data.total.digitization] == [
        ("articles", 194, 207, 158),
        ("books", 6, 1, 340),
    ]
    assert data.total.digitization_planned == 200
    assert data.total.digitized == 208
    assert data.total.digitization_percent == 104


def test_catalogue_takes_the_latest_count_before_and_after_the_span(data):
    by_code = {d.code: (d.before, d.now) for d in data.total.catalogue}
    assert by_code == {"book": (18296, 18620), "articles": (17000, 17534)}
    assert data.total.catalogue_before == 35296
    assert data.total.catalogue_growth == 858


def test_online_figures_prefer_the_total_row_and_else_sum_the_platforms(data):
    assert data.total.online_events == 150 + 33
    assert data.total.subscribers == 20000 + 5192
    assert data.total.views == 150000 + 14785
    assert data.total.posts == 2000 + 128
    assert data.previous.online_events == 100


def test_media_counts_listed_mentions_and_totals(data):
    assert (data.total.media, data.total.media_by_librarians, data.total.media_tv) == (18, 3, 2)


def test_publications_are_split_into_print_and_multimedia(data):
    assert (data.total.publications, data.total.multimedia) == (1, 1)


def test_the_per_library_figures_add_up_to_the_totals(data):
    libraries = [f for _lib, f in data.per_library]
    for name in ("digitized", "catalogue_now", "virtual_references", "media", "online_events",
                 "subscribers", "views", "posts", "events", "publications", "multimedia"):  # fmt: skip
        assert sum(getattr(f, name) for f in libraries) == getattr(data.total, name), name
    assert sum((f.fund.end for f in libraries), Copies()) == data.total.fund.end


def test_a_library_view_has_no_organization_wide_budget_or_plan(organization, library, half_year):
    data = overview(organization=organization, span=H1, libraries=[library])
    assert data.total.budget is None
    assert data.total.digitization_planned is None
    assert data.total.online_events == 150
    assert [lib for lib, _f in data.per_library] == [library]


def test_completeness_says_what_each_library_entered(data, library, other_library):
    entered = dict(data.completeness)
    assert entered[library]["receipts"] == 1
    assert entered[library]["virtual_references"] == 1
    assert entered[other_library]["virtual_references"] == 0
    assert entered[other_library]["writeoffs"] == 0
    assert data.organization_completeness == {"budget": 1, "digitization_plan": 2}


def test_the_kazakh_share_shows_the_recent_half_years_that_have_a_fund(data):
    # Six half-years are looked at; those before the first snapshot have no fund.
    assert [s.code for s, _c in data.kazakh_share] == ["2020-H1", "2020-H2", "2021-H1"]
    assert data.kazakh_share[-1][1] == Copies(14600, 5240)


def test_a_year_adds_its_two_halves(organization, half_year):
    data = overview(organization=organization, span=Span(2021, None))
    assert data.total.online_events == 183
    assert data.previous_span == Span(2020, None)
    assert data.previous.budget == Decimal("1000.0")
