"""Dates read as a Russian or Kazakh user writes them."""

import datetime

from django.utils import formats, translation


def test_a_day_and_month_take_the_genitive_in_russian():
    with translation.override("ru"):
        day = formats.date_format(datetime.date(2021, 3, 15), "MONTH_DAY_FORMAT")
        assert day == "15 марта"
        assert formats.date_format(datetime.date(2021, 3, 15)) == "15 марта 2021 г."


def test_kazakh_dates_are_dd_mm_yyyy():
    with translation.override("kk"):
        assert formats.date_format(datetime.date(2021, 3, 15), "SHORT_DATE_FORMAT") == "15.03.2021"
