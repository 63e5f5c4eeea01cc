"""The control indicators of a span, the plans and the five ratios, against hand-computed values.

cgb's 2021 work log: 15.01 (a day), March (a month in one row), 30.06 and 10.07
(days); 31.12.2020 and 10.02.2020 before. f4 has one day in February 2021.
"""

import datetime
from decimal import Decimal

import pytest

from branches.models import ReportingPeriod
from catalogue.models import VirtualReferences
from holdings.models import FundingSource, FundSnapshot, Receipt
from indicators.models import IndicatorPlan, LibraryState, WorkLogEntry
from indicators.selectors import (
    Indicators,
    plans_for,
    ratio,
    worklog_figures,
    worklog_figures_by_window,
)
from indicators.summary import control_summary

D = datetime.date


@pytest.fixture
def periods(organization):
    return {
        (year, half): ReportingPeriod.objects.get_or_create(
            organization=organization, year=year, half=half
        )[0]
        for year in (2020, 2021)
        for half in (1, 2)
    }


@pytest.fixture
def log(library, other_library, periods):
    def row(lib, day, **figures):
        WorkLogEntry.objects.create(library=lib, date=day, **figures)

    row(
        library, D(2021, 1, 15), users=10, users_children=4, users_youth=3, users_remote=1,
        visits=50, visits_events=20, visits_remote=5, loans=100, loans_kk=40, loans_books=80,
        loans_periodicals=15, loans_electronic=5, references=6,
    )  # fmt: skip
    row(
        library, D(2021, 3, 1), span="month", users=30, users_children=10, users_youth=10,
        visits=200, visits_events=60, loans=400, loans_kk=150, loans_books=300,
        loans_periodicals=60, loans_electronic=20, references=14,
    )  # fmt: skip
    row(library, D(2021, 6, 30), visits=10, loans=30)
    row(library, D(2021, 7, 10), users=5, visits=40, loans=70, references=2)
    row(library, D(2020, 12, 31), users=99, visits=999, loans=999)
    row(library, D(2020, 2, 10), users=20, visits=130, loans=500)
    row(other_library, D(2021, 2, 1), users=5, visits=20, loans=50)
    VirtualReferences.objects.create(library=library, period=periods[2021, 1], count=7)


def figures(library, start, end, periods):
    ids = [p.pk for (year, half), p in periods.items() if start <= p.start and p.end <= end]
    return worklog_figures(library_ids=[library.pk], start=start, end=end, period_ids=ids)[
        library.pk
    ]


def test_a_half_year_sums_its_daily_and_monthly_rows(log, library, periods):
    h1 = figures(library, D(2021, 1, 1), D(2021, 6, 30), periods)
    assert h1 == Indicators(
        users=40, users_children=14, users_youth=13, users_remote=1, visits=260,
        visits_events=80, visits_remote=5, loans=530, loans_kk=190, loans_books=380,
        loans_periodicals=75, loans_electronic=25, references=20, references_virtual=7,
    )  # fmt: skip


def test_a_reader_counts_once_a_year_the_second_half_has_the_users_since_january(
    log, library, periods
):
    h2 = figures(library, D(2021, 7, 1), D(2021, 12, 31), periods)
    assert (h2.users, h2.users_children, h2.visits, h2.loans) == (45, 14, 40, 70)
    year = figures(library, D(2021, 1, 1), D(2021, 12, 31), periods)
    assert (year.users, year.visits, year.loans, year.references) == (45, 300, 600, 22)


def test_several_spans_read_at_once_are_each_spans_figures(
    log, library, other_library, django_assert_num_queries
):
    """The dashboard's trend: six half-years in one query, each what `worklog_figures`
    says of it alone (the virtual references aside: they are entered per period)."""
    ids = [library.pk, other_library.pk]
    windows = [
        (D(year, 1, 1), D(year, 6, 30)) if half == 1 else (D(year, 7, 1), D(year, 12, 31))
        for year in (2019, 2020, 2021)
        for half in (1, 2)
    ]
    with django_assert_num_queries(1):
        spans = worklog_figures_by_window(library_ids=ids, windows=windows)
    for (start, end), by_library in zip(windows, spans, strict=True):
        alone = worklog_figures(library_ids=ids, start=start, end=end, virtual={})
        # A library without a row in the half itself has no figures of it (unknown, not
        # 0); the trend still counts its users of the year so far.
        assert {pk: by_library[pk] for pk in alone} == alone, start
    assert spans[0] == spans[1] == {}  # 2019: nothing
    assert spans[3][library.pk].users == 119  # 2020-H2: the year's users, 20 + 99
    assert spans[5][library.pk].users == 45  # 2021-H2: a reader counts once a year


def test_overlapping_spans_read_at_once_each_count_their_own_days(log, library, other_library):
    """A year and its halves in one read (the stretches between their bounds are summed
    once and shared): each window has the figures hand-computed for it alone."""
    ids = [library.pk, other_library.pk]
    year, first, second, winter = worklog_figures_by_window(
        library_ids=ids,
        windows=[
            (D(2021, 1, 1), D(2021, 12, 31)),
            (D(2021, 1, 1), D(2021, 6, 30)),
            (D(2021, 7, 1), D(2021, 12, 31)),
            (D(2020, 12, 1), D(2021, 2, 28)),  # across the new year: users from 1 January
        ],
    )
    mine = year[library.pk]
    assert (mine.users, mine.visits, mine.loans, mine.references) == (45, 300, 600, 22)
    assert (first[library.pk].users, first[library.pk].visits) == (40, 260)
    assert (second[library.pk].users, second[library.pk].visits) == (45, 40)
    # f4 logged February only: its second half is the year's users so far, no visits.
    assert (second[other_library.pk].users, second[other_library.pk].visits) == (5, 0)
    # 31.12.2020 and 15.01.2021 are inside; users are 2021's so far (10, not 99 + 10).
    assert (winter[library.pk].users, winter[library.pk].visits) == (10, 999 + 50)
    assert winter[other_library.pk].users == 5


def test_the_half_year_plan_is_the_annual_one_unless_a_half_year_plan_is_entered(
    library, other_library
):
    IndicatorPlan.objects.create(library=library, year=2021, users=100, visits=1000, loans=2000)
    ids = [library.pk, other_library.pk]
    assert plans_for(library_ids=ids, year=2021, half=1)[library.pk].visits == 1000
    IndicatorPlan.objects.create(library=library, year=2021, half=1, users=60, visits=520)
    plans = plans_for(library_ids=ids, year=2021, half=1)
    assert (plans[library.pk].users, plans[library.pk].visits) == (60, 520)
    assert plans_for(library_ids=ids, year=2021, half=2)[library.pk].visits == 1000
    assert plans_for(library_ids=ids, year=2021, half=None)[library.pk].visits == 1000
    assert other_library.pk not in plans


def test_a_year_without_an_annual_plan_is_the_sum_of_both_halves(library):
    IndicatorPlan.objects.create(library=library, year=2021, half=1, visits=400)
    assert plans_for(library_ids=[library.pk], year=2021, half=None) == {}
    IndicatorPlan.objects.create(library=library, year=2021, half=2, visits=500)
    assert plans_for(library_ids=[library.pk], year=2021, half=None)[library.pk].visits == 900


@pytest.fixture
def summary(log, library, other_library, periods):
    IndicatorPlan.objects.create(library=library, year=2021, users=100, visits=1000, loans=2000)
    FundSnapshot.objects.create(library=library, date=D(2021, 1, 1), copies=5000)
    Receipt.objects.create(
        library=library, date=D(2021, 5, 1), source=FundingSource.objects.first(), copies=300
    )
    LibraryState.objects.create(library=library, date=D(2021, 1, 1), population=1234)
    return control_summary(
        library_ids=[library.pk, other_library.pk],
        start=D(2021, 1, 1),
        end=D(2021, 6, 30),
        year=2021,
        half=1,
        period_ids=[periods[2021, 1].pk],
        period_ids_last_year=[periods[2020, 1].pk],
    )


def test_plan_done_percent_last_year_and_change(summary):
    cgb = summary.rows[0]
    visits, loans, users = cgb.control("visits"), cgb.control("loans"), cgb.control("users")
    assert (visits.plan, visits.done, visits.percent) == (1000, 260, Decimal("26.0"))
    assert (loans.done, loans.percent) == (530, Decimal("26.5"))
    assert (users.done, users.percent) == (40, Decimal("40.0"))
    # 1st half of 2020: one day, 10.02.2020 (31.12.2020 is the second half).
    assert (visits.last_year, visits.change) == (130, Decimal("100.0"))
    assert (loans.last_year, loans.change) == (500, Decimal("6.0"))
    assert (users.last_year, users.change) == (20, Decimal("100.0"))


def test_the_five_ratios_with_one_decimal(summary):
    ratios = summary.rows[0].ratios
    assert ratios.reading == Decimal("13.3")  # 530 / 40 = 13.25
    assert ratios.attendance == Decimal("6.5")  # 260 / 40
    assert ratios.turnover == Decimal("0.1")  # 530 / (5000 + 300)
    assert ratios.provision == Decimal("132.5")  # 5300 / 40
    assert ratios.coverage == Decimal("3.2")  # 40 / 1234 × 100 = 3.24


def test_an_unknown_fund_or_population_gives_no_ratio_rather_than_a_zero(summary):
    f4 = summary.rows[1]
    assert (f4.fund, f4.population) == (None, None)
    assert f4.ratios.reading == Decimal("10.0")  # 50 / 5
    assert (f4.ratios.turnover, f4.ratios.provision, f4.ratios.coverage) == (None, None, None)
    # The total: the libraries' sums; a fund or population known for one library only
    # would inflate the ЦБС's ratios, so they are left out too.
    total = summary.total
    assert (total.figures.users, total.figures.visits, total.figures.loans) == (45, 280, 580)
    assert total.ratios.reading == Decimal("12.9")  # 580 / 45 = 12.89
    assert (total.fund, total.population, total.ratios.turnover) == (None, None, None)
    assert total.plan is None  # f4 has no plan: no % for the ЦБС
    # ф№4 has no row a year before: the totals cover two libraries now, one then, so no
    # change (unknown is not zero: 280 against 130 would read +115,4 %).
    assert total.control("visits").last_year == 130 and total.partial_before
    assert total.control("visits").change is None


def test_ratio_rounds_half_up_and_refuses_a_zero_denominator():
    assert ratio(1, 8) == Decimal("0.1")  # 0.125
    assert ratio(3, 8) == Decimal("0.4")  # 0.375
    assert ratio(5, 0) is None
    assert ratio(5, None) is None


def test_the_summary_runs_a_fixed_number_of_queries(
    summary, library, other_library, periods, django_assert_num_queries
):
    """Work log now and a year before (a sum and the virtual references each), the
    plans, the service populations, the funds (which libraries are known, their fund)."""
    with django_assert_num_queries(8):
        control_summary(
            library_ids=[library.pk, other_library.pk], start=D(2021, 1, 1),
            end=D(2021, 6, 30), year=2021, half=1, period_ids=[periods[2021, 1].pk],
            period_ids_last_year=[periods[2020, 1].pk],
        )  # fmt: skip
