from decimal import Decimal

from publications.models import _number


def test_sizes_print_without_the_fields_trailing_zeros():
    assert _number(Decimal("32.40")) == "32,4"
    assert _number(Decimal("171.00")) == "171"
    assert _number(Decimal("0.50")) == "0,5"
