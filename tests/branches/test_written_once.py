"""Rows entered per library, and the figures the kinds declare, are read by SQL written
once per shape (`branches.written_once`): each call must get the rows of its own libraries, dates and
periods, the same rows the ORM's query gives, whatever was asked before it."""

import pytest

from branches.calendar import span_parse
from branches.entered import _library_counts, entered_by_library
from branches.kind_figures import _declared_query
from branches.models import Library, Organization
from branches.written_once import span_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def balkhash(_demo_loaded, db):
    return Organization.objects.get(code="balkhash")


@pytest.mark.parametrize("query", [_library_counts, _declared_query])
def test_each_call_reads_its_own_libraries_and_span(balkhash, query):
    ids = list(Library.objects.filter(organization=balkhash).values_list("pk", flat=True))
    asked = [
        (ids, "2021-H1"),
        (ids[:1], "2021-H1"),
        (ids[2:5][::-1], "2021-H1"),  # the same shape as the first two's, other libraries
        (ids, "2021"),  # a year: two periods
        (ids[:1], "2020-H2"),  # other dates: the work log of 2020
    ]
    seen = []
    for library_ids, code in asked:
        span = span_parse(balkhash, code)
        written_once = sorted(span_rows(query, "test", library_ids=library_ids, span=span))
        assert written_once == sorted(query(library_ids, span)), (library_ids, code)
        seen.append(written_once)
    assert seen[0] and seen[1] and seen[2] and seen[3]
    assert seen[1] != seen[0] and seen[2] != seen[1]
    assert seen[4] != seen[1]  # the same shape: 2020's rows, not 2021's


def test_the_rows_entered_are_those_of_the_demo(balkhash):
    cgb = Library.objects.get(organization=balkhash, code="cgb")
    entered = entered_by_library(library_ids=[cgb.pk], span=span_parse(balkhash, "2021-H1"))
    assert (
        entered.counts[cgb.pk]["events"]
        == cgb.event_set.filter(date__year=2021, date__month__lte=6).count()
    )
    assert cgb.pk in entered.active
