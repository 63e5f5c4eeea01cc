"""The one comparison rule (issue 22, item 4): the same span a year before, and only
where both spans have data; the base said in words."""

from decimal import Decimal

import pytest

from indicators.comparison import FAIR, NO_DATA, PARTIAL, change_against, comparison_for

BOTH_YEARS = [(2020, 1), (2020, 2), (2021, 1), (2021, 2)]


@pytest.mark.parametrize(
    ("year", "half", "with_data", "base", "status", "said"),
    [
        # A half with the same half a year before — not the half just before.
        (2021, 1, BOTH_YEARS, (2020, 1), FAIR, "к 1 полугодию 2020 года"),
        (2021, 2, BOTH_YEARS, (2020, 2), FAIR, "к 2 полугодию 2020 года"),
        # A year with both halves: the whole year before.
        (2021, None, BOTH_YEARS, (2020, None), FAIR, "к 2020 году"),
        # A year with only its first half: the first half a year before, not a whole year.
        (2021, None, [(2020, 1), (2020, 2), (2021, 1)], (2020, 1), FAIR, "к 1 полугодию 2020 года"),
        # The same span a year before has no data: nothing to compare with.
        (2021, 1, [(2020, 2), (2021, 1)], (2020, 1), NO_DATA, "нет данных для сравнения"),
        # The span itself has none.
        (2021, 2, [(2020, 2), (2021, 1)], (2020, 2), NO_DATA, "нет данных для сравнения"),
        # A whole year against a year with one half.
        (
            2021, None, [(2020, 1), (2021, 1), (2021, 2)], (2020, None), PARTIAL,
            "нет данных для сравнения: за 2020 год данные только за одно полугодие",
        ),
    ],
)  # fmt: skip
def test_a_span_compares_with_the_same_span_a_year_before_where_both_have_data(
    year, half, with_data, base, status, said
):
    comparison = comparison_for(year, half, with_data)
    assert (comparison.base_year, comparison.base_half) == base
    assert comparison.status == status
    assert comparison.said == said


def test_no_change_without_both_figures_or_comparable_spans():
    fair = comparison_for(2021, 1, BOTH_YEARS)
    assert change_against(150, 100, fair) == Decimal("50.0")
    assert change_against(None, 100, fair) is None  # unknown is not 0 (−100 %)
    assert change_against(150, None, fair) is None
    assert change_against(150, 0, fair) is None
    assert change_against(150, 100, comparison_for(2021, 1, [(2021, 1)])) is None
