"""The fund's refusal counts as a reader reads (10 000) and names the Kazakh copies
only when they are short too."""

import datetime

import pytest
from django.utils import translation

from holdings.ledger import Overdraw, overdraw_error

DAY = datetime.date(2021, 3, 1)


@pytest.mark.parametrize(
    ("language", "copies", "kk", "said", "not_said"),
    [
        ("ru", -10000, 0, "не хватило бы 10\xa0000 экз.; списано", "казахском"),
        ("ru", -12, -3, "не хватило бы 12 экз. (на казахском — 3); списано", None),
        ("ru", 0, -3, "не хватило бы 3 экз. на казахском языке; списано", None),
        ("kk", -10000, 0, "10\xa0000 дана жетпес еді", "қазақ"),
    ],
)  # fmt: skip
def test_the_refusal_says_what_is_short(language, copies, kk, said, not_said):
    with translation.override(language):
        message = " ".join(overdraw_error("ЦГБ", Overdraw(DAY, copies, kk)).messages)
    assert said in message
    if not_said:
        assert not_said not in message
