"""Queries of a span's rows per library whose SQL is written once per shape, then run
with each call's libraries, dates and periods.

The ORM took 30 ms to write the UNION of a part per kind of data that counts the rows
each library entered, and 20 ms for the one that adds up the figures the kinds declare
(both on every report, dashboard page and hand-in check), for queries the database
answers in 1 ms. Its SQL only changes with the registry's kinds, the
database's dialect, and how many libraries and periods are asked for. So it is written
once for stand-in values no row has (negative ids, dates in the year 1111), and each
call puts its own values where the stand-ins are (as `entered.half_years_with_data`
does with an organization).
"""

import datetime
import functools
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from django.db import connection

# Stand-ins: no id is negative, no row is dated in 1111.
_LIBRARY = -7_368_015_241_000
_PERIOD = -8_368_015_241_000
_START, _END, _DAY_AFTER = (datetime.date(1111, 1, day) for day in (1, 2, 3))


@dataclass(frozen=True)
class StandInSpan:
    """What a span's filters read (`entered.in_span`), with stand-in values."""

    start: datetime.date
    end: datetime.date
    day_after: datetime.date
    period_ids: list[int]


def span_rows(build: Callable, shape: Hashable, *, library_ids: list[int], span) -> list[tuple]:
    """The rows of the queryset `build(library_ids, span)` makes, its SQL written once per
    `shape` (what else the query depends on: the kinds of the registry), dialect, number
    of libraries and number of periods."""
    if not library_ids or not span.period_ids:
        # An empty list of ids leaves parts out of the query: no shape to keep.
        return list(build(library_ids, span))
    sql, params = _written(build, shape, len(library_ids), len(span.period_ids), connection.vendor)
    ops = connection.ops
    values = {_LIBRARY - i: pk for i, pk in enumerate(library_ids)}
    values.update({_PERIOD - i: pk for i, pk in enumerate(span.period_ids)})
    for stand_in, day in ((_START, span.start), (_END, span.end), (_DAY_AFTER, span.day_after)):
        values[ops.adapt_datefield_value(stand_in)] = ops.adapt_datefield_value(day)
    with connection.cursor() as cursor:
        cursor.execute(sql, [values.get(p, p) for p in params])
        return cursor.fetchall()


@functools.lru_cache(maxsize=64)
def _written(build, shape, libraries: int, periods: int, vendor: str) -> tuple[str, tuple]:
    library_ids = [_LIBRARY - i for i in range(libraries)]
    span = StandInSpan(_START, _END, _DAY_AFTER, [_PERIOD - i for i in range(periods)])
    sql, params = build(library_ids, span).query.sql_with_params()
    # Each stand-in must be in the parameters as itself, never folded into the SQL text.
    assert all(_LIBRARY - i in params for i in range(libraries)), sql
    return sql, tuple(params)
