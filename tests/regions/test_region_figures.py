"""The region's figures reader (figures.region): each ЦБС's row is its own report's
figures, the region's total their sum, and the number of queries does not grow with the
number of ЦБС."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from branches.calendar import span_parse
from branches.entered import half_years_with_data
from branches.kind_figures import key_figure_names
from branches.models import Library, Organization, Region
from demo.generate import generate
from events.selectors import mass_work
from figures.reader import figures_read, key_figures, library_ids_for
from figures.region import LibraryIds, region_comparison, region_figures
from holdings.models import Receipt
from indicators.report import indicators_collect
from reports.builder import report_build
from reports.region_report import region_report_build

pytestmark = pytest.mark.django_db


def _own_control(organization, span):
    """Section II's total as the ЦБС's own report computes it (indicators.report)."""
    ids = library_ids_for(organization)
    reads = figures_read(organization=organization, span=span, library_ids=ids)
    return indicators_collect(
        span=span,
        library_ids=ids,
        with_data=half_years_with_data(organization, None),
        now=reads.indicators,
        fund=reads.fund,
    ).summary.total


@pytest.mark.parametrize("code", ["2021-H1", "2021"])
def test_each_cbs_is_its_own_report_and_the_total_their_sum(karaganda_three, code):
    figures = region_figures(scope=karaganda_three, code=code)
    assert {m.organization.code for m in figures.members} == {"balkhash", "kg-1", "kg-2"}
    for member in figures.members:
        span = span_parse(member.organization, code)
        assert member.figures == key_figures(organization=member.organization, span=span)
        own = _own_control(member.organization, span)
        assert member.control.figures == own.figures
        assert (member.control.plan, member.control.known, member.control.of) == (
            own.plan,
            own.known,
            own.of,
        )
        assert member.control.ratios == own.ratios
        ids = [library.pk for library, _figures in member.libraries]
        events = mass_work(
            library_ids=ids, start=span.start, end=span.end, period_ids=span.period_ids
        )
        assert member.mass_work.grand().events == events.grand().events
        assert member.mass_work.handed_in == events.handed_in
    names = (
        "fund_start fund_start_kk received received_kk written_off written_off_kk fund_end "
        "fund_end_kk digitization_done budget"
    ).split()
    for name in names:
        assert getattr(figures.total, name) == sum(
            getattr(m.figures, name) for m in figures.members
        )
    for name in ("users", "visits", "loans"):
        assert getattr(figures.control.figures, name) == sum(
            getattr(m.control.figures, name) for m in figures.members
        )
    assert figures.total.fund_end > 0 and figures.control.figures.users > 0


def test_a_cbs_row_is_what_its_built_report_prints(karaganda_three):
    """The demo ЦБС's report as built (its key figures, which its XLSX summary prints)."""
    balkhash = Organization.objects.get(code="balkhash")
    report = report_build(organization=balkhash, span=span_parse(balkhash, "2021-H1"))
    figures = region_figures(scope=karaganda_three, code="2021-H1")
    member = next(m for m in figures.members if m.organization == balkhash)
    printed = member.figures.as_dict()
    # The report prints the declared figures that are key figures (branches.kinds.Figure.key).
    key_names = key_figure_names()
    printed.update((n, v) for n, v in printed.pop("declared").items() if n in key_names)
    assert report.key_figures == {
        name: float(value) if isinstance(value, Decimal) else value
        for name, value in printed.items()
    }


def test_accepted_members_are_counted(karaganda_three):
    figures = region_figures(scope=karaganda_three, code="2021-H1")
    accepted = {m.organization.code: m.accepted for m in figures.members}
    assert accepted == {"balkhash": True, "kg-1": True, "kg-2": False}
    assert (figures.counted, figures.of) == (2, 3)
    # A year is accepted only when both halves are: nothing is yet.
    assert region_figures(scope=karaganda_three, code="2021").counted == 0


def test_queries_do_not_grow_with_the_number_of_cbs(karaganda_three):
    region = Region.objects.create(
        republic=karaganda_three.republic, code="bench-region", name_ru="Тестовая область"
    )

    def count():
        with CaptureQueriesContext(connection) as queries:
            figures = region_figures(scope=region, code="2021-H1")
        with CaptureQueriesContext(connection) as report_queries:
            region_report_build(scope=region, code="2021-H1", language="kk")
        # The consolidated report reads nothing but the region's figures.
        assert len(report_queries) == len(queries)
        return len(queries), figures

    def add(n, prefix):
        made = generate(organizations=n, libraries=1, years=1, first_year=2021, prefix=prefix)
        Organization.objects.filter(pk__in=[o.pk for o in made.organizations]).update(region=region)

    add(1, "q1")
    one, figures = count()
    assert figures.of == 1
    add(9, "q10")
    ten, figures = count()
    assert figures.of == 10 and Library.objects.filter(organization__region=region).count() == 10
    assert ten == one


def test_comparison_ranks_each_cbs_beside_the_average_and_median(karaganda_three):
    figures = region_figures(scope=karaganda_three, code="2021-H1")
    table = region_comparison(figures)
    assert table.of == 3
    reading = [row.values["reading"] for row in table.rows]
    values = sorted((c.value for c in reading), reverse=True)
    for compared in reading:
        # The ЦБС report's own читаемость, and its place among the region's ЦБС.
        assert compared.rank == values.index(compared.value) + 1
    member = table.rows[0].member
    assert table.rows[0].values["reading"].value == member.control.ratios.reading
    assert table.median["reading"] == sorted(values)[1]
    assert table.region["reading"] == figures.control.ratios.reading
    # The generated ЦБС record every library's service population: per resident is known.
    assert table.known["per_resident"] == 3


def test_library_ids_filter_as_a_plain_list_of_the_same_ids(karaganda_three):
    """The region's ids (figures.region.LibraryIds) give a query the same SQL, the same
    parameters and the same rows as a plain list; an empty one matches nothing."""
    ids = list(
        Library.objects.filter(organization__region=karaganda_three).values_list("pk", flat=True)
    )
    assert len(ids) > 1
    plain = Receipt.objects.filter(library__in=ids).order_by("pk")
    fast = Receipt.objects.filter(library__in=LibraryIds(ids)).order_by("pk")
    assert plain.query.sql_with_params() == fast.query.sql_with_params()
    assert list(fast) == list(plain) and plain.exists()
    some = LibraryIds(ids[:1])
    assert set(Receipt.objects.filter(library__in=some).values_list("library", flat=True)) == {
        ids[0]
    }
    assert not Receipt.objects.filter(library__in=LibraryIds()).exists()
