"""A period is named in words wherever a user reads it; its code stays in URLs and files."""

import pytest
from django.utils import translation

from branches.calendar import span_for_period
from branches.facts import HANDED_IN, PERIOD_CLOSED


@pytest.mark.parametrize(
    ("language", "label", "closed"),
    [
        ("ru", "1 полугодие 2021 года",
         "Период «1 полугодие 2021 года» утверждён: его данные больше нельзя менять."),
        ("kk", "2021 жылдың 1-жартыжылдығы",
         "«2021 жылдың 1-жартыжылдығы» кезеңі бекітілген: оның деректерін енді өзгертуге болмайды."),
    ],
)  # fmt: skip
def test_a_period_and_its_span_say_the_same_words(period, language, label, closed):
    with translation.override(language):
        assert period.label == span_for_period(period).label == label
        assert str(PERIOD_CLOSED % {"period": period.label}) == closed
        assert "2021-H1" not in str(HANDED_IN % {"period": period.label})
    assert period.code == "2021-H1"
