"""Every dated fact is read by «these libraries, between these dates»: the database
answers from an index on (library, date), not from the library's index followed by
a filter on every row of its history (which grew with the years kept).

The plan is asked of the database itself (EXPLAIN): on PostgreSQL with sequential
scans priced out, because on a test's few rows a scan is cheapest anyway.
"""

import datetime

import pytest
from django.db import connection

from digitization.models import DigitizedDocument
from events.models import Event
from holdings.models import Receipt, WriteOff
from publications.models import MediaMention, Publication

DATED_FACTS = [Receipt, WriteOff, DigitizedDocument, Publication, MediaMention, Event]


def library_date_index(model) -> str:
    (index,) = [i for i in model._meta.indexes if i.fields == ["library", "date"]]
    return index.name


@pytest.mark.parametrize("model", DATED_FACTS, ids=lambda m: m.__name__)
def test_a_span_of_a_few_libraries_is_read_through_the_library_date_index(
    model, library, other_library
):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
    queryset = model.objects.filter(
        library__in=[library.pk, other_library.pk],
        date__gte=datetime.date(2021, 1, 1),
        date__lte=datetime.date(2021, 6, 30),
    ).values("library")
    plan = queryset.explain()
    assert library_date_index(model) in plan, plan
