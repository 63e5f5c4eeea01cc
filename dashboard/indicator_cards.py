"""The main indicators on the dashboard: users, visits and loans (done, plan, % of
plan, the same span last year), the five ratios per library and a trend over the
last six half-years.

Every figure is the report's section II (`indicators.summary.control_summary`,
the ratios and percentages of `indicators.selectors`): the dashboard arranges,
it never aggregates. The span's own work-log figures are those the dashboard's
`figures_read` already read, so the cards cost a fixed number of queries:

    the libraries' states at the span's end (their service population)      1
    the same span last year (its work log; its virtual references when it
    has opened periods)                                                    1–2
    the plans                                                               1
    the funds at the span's end (for обращаемость, книгообеспеченность)     2
    the trend: six half-years in one query                                  1
    the year's flows so far, in a second half (what its ratios divide)       1

(one more, the span's own work log, for a year with data in one half only:
its figures and its comparison are that half's).
"""

from dataclasses import dataclass

from branches.calendar import Span
from branches.models import Library
from dashboard.spans import SpanBook
from holdings.selectors import FundLedger
from indicators.comparison import Comparison
from indicators.selectors import Indicators, library_states_at, worklog_figures_by_window
from indicators.summary import ControlRow, ControlSummary, control_summary

TREND_HALF_YEARS = 6


@dataclass
class IndicatorOverview:
    """What the dashboard shows of section II for one span."""

    libraries: list[Library]
    summary: ControlSummary
    last_year: Span  # the span the cards compare with
    # The report's rule (`indicators.comparison`): its base in words, or why none.
    comparison: Comparison
    # None: no work-log row from that half-year's 1 January to its end.
    trend: list[tuple[Span, Indicators | None]]

    @property
    def rows(self) -> list[tuple[Library, ControlRow]]:
        return list(zip(self.libraries, self.summary.rows, strict=True))

    @property
    def total(self) -> ControlRow:
        """The ЦБС's figures (on a library's page: the library's, its only row's sums)."""
        return self.summary.total

    @property
    def comparable(self) -> bool:
        return self.comparison.comparable


def indicator_overview(
    *,
    book: SpanBook,
    span: Span,
    libraries: list[Library],
    now: dict[int, Indicators],
    comparison: Comparison,
    last_half: Span | None = None,
    ledger: FundLedger | None = None,
    total_fund: int | None = None,
) -> IndicatorOverview:
    """Section II's figures of `libraries` for `span`, as the report computes them.

    `now`: the span's work-log figures per library (`figures.reader.figures_read`'s
    `indicators`). `comparison`: what the span compares with (`SpanBook.comparison`,
    the report's rule). `last_half`: for a year with data in one half only, that
    half: the year's figures are that half's (and the comparison's base is that half
    a year before). `ledger`: the page's fund ledger (`holdings.selectors.fund_ledger`),
    read with the window's day after: the ratios take their funds from it instead of
    reading them again. `total_fund`: the ЦБС's fund at the end as the fund table
    (and the report's section III) prints it.
    """
    ids = [library.pk for library in libraries]
    window = last_half or span
    last_year = book.base(comparison)
    summary = control_summary(
        library_ids=ids,
        start=window.start,
        end=window.end,
        year=span.year,
        half=span.half,
        period_ids=span.period_ids,
        period_ids_last_year=last_year.period_ids,
        states=library_states_at(library_ids=ids, day=span.end),
        now=now if window is span else None,
        funds=_funds_known(ledger, ids, window.day_after),
        total_fund=total_fund,
        comparison=comparison,
    )
    return IndicatorOverview(
        libraries=libraries,
        summary=summary,
        last_year=last_year,
        comparison=comparison,
        trend=_trend(book, window, ids),
    )


def for_overview(
    overview, *, book: SpanBook, comparison: Comparison, last_half: Span | None
) -> IndicatorOverview:
    """The indicators of a dashboard page's `dashboard.figures.Overview`: its libraries,
    and the span's work-log figures it read with the rest."""
    return indicator_overview(
        book=book,
        span=overview.span,
        libraries=[library for library, _figures in overview.per_library],
        now=overview.work_log,
        comparison=comparison,
        last_half=last_half,
        ledger=overview.ledger,
        # The ЦБС's fund as the fund table prints it (a library's page: its own, if known).
        total_fund=overview.fund.total.end.copies
        if overview.fund is not None and overview.whole_organization
        else None,
    )


def _funds_known(ledger: FundLedger | None, library_ids: list[int], day) -> dict | None:
    """{library id: copies} of the libraries whose fund is known at the start of
    `day` (`indicators.selectors.funds_at`'s rule), from the page's ledger; None
    when there is none or it was read without that day."""
    if ledger is None or day not in ledger.boundaries:
        return None
    funds = {pk: ledger.fund_at(pk, day) for pk in library_ids}
    return {pk: copies.copies for pk, (copies, known) in funds.items() if known}


def _trend(book: SpanBook, until: Span, library_ids: list[int]):
    """The last six half-years up to `until`'s last half, the ЦБС's (or the library's)
    sums; half-years before the first with a work log are left out."""
    half_years = [book.span(until.year, until.half or 2)]
    while len(half_years) < TREND_HALF_YEARS:
        half_years.append(book.previous(half_years[-1]))
    half_years.reverse()
    reads = worklog_figures_by_window(
        library_ids=library_ids, windows=[(s.start, s.end) for s in half_years]
    )
    trend = [
        (half_year, sum(by_library.values(), Indicators()) if by_library else None)
        for half_year, by_library in zip(half_years, reads, strict=True)
    ]
    while trend and trend[0][1] is None:
        trend.pop(0)
    return trend
