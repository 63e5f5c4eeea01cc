"""The period of a date: looked up once per half-year inside an import, never shared across threads."""

import datetime
import threading

from django.db import connection
from django.test.utils import CaptureQueriesContext

from branches import facts
from branches.facts import period_for_date, periods_memoized


def test_inside_periods_memoized_each_half_year_is_looked_up_once(period):
    days = [datetime.date(2021, 1, 5), datetime.date(2021, 3, 9), datetime.date(2021, 6, 30)]
    with periods_memoized(), CaptureQueriesContext(connection) as queries:
        found = [period_for_date(period.organization_id, day) for day in days]
    assert found == [period, period, period]
    assert len(queries) == 1


def test_outside_the_block_every_lookup_asks_the_database(period):
    with periods_memoized():
        period_for_date(period.organization_id, datetime.date(2021, 1, 5))
    with CaptureQueriesContext(connection) as queries:
        period_for_date(period.organization_id, datetime.date(2021, 1, 5))
    assert len(queries) == 1


def test_another_thread_does_not_see_the_cache(period):
    seen = []
    with periods_memoized():
        period_for_date(period.organization_id, datetime.date(2021, 1, 5))
        thread = threading.Thread(target=lambda: seen.append(facts._period_cache.get()))
        thread.start()
        thread.join()
    assert seen == [None]
