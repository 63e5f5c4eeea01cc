from decimal import Decimal

from branches.calendar import span_parse
from figures.reader import key_figures
from tests.reports.seed_data import grow


def test_key_figures_reproduce_the_seed(organization, seeded):
    figures = key_figures(organization=organization, span=span_parse(organization, "2021-H1"))
    assert (figures.fund_start, figures.fund_start_kk) == (283120, 87831)
    assert (figures.received, figures.received_kk) == (2035, 1193)
    assert (figures.written_off, figures.written_off_kk) == (11837, 956)
    assert (figures.fund_end, figures.fund_end_kk) == (273318, 88068)
    assert figures.budget == Decimal("2770.4")
    assert (figures.digitization_planned, figures.digitization_done) == (200, 213)
    assert figures.digitization_pages == 2168
    assert (figures.catalogue_before, figures.catalogue_now) == (56521, 57552)
    assert figures.virtual_references == 48
    assert (figures.publications, figures.trailers) == (9, 23)
    assert (figures.media_mentions, figures.media_by_librarians, figures.media_tv) == (18, 3, 2)
    assert (figures.online_events, figures.subscribers, figures.views, figures.posts) == (
        183, 25192, 164785, 2128,
    )  # fmt: skip


def test_key_figures_of_one_library_leave_the_others_out(organization, seeded, other_library):
    figures = key_figures(
        organization=organization,
        span=span_parse(organization, "2021-H1"),
        libraries=[other_library],
    )
    assert figures.fund_start == 0
    assert figures.publications == 9
    assert figures.trailers == 0
    assert figures.online_events == 0
    assert figures.budget == Decimal("2770.4")  # the organization's, belongs to no library


def test_key_figures_run_a_fixed_number_of_queries(
    organization, seeded, library, other_library, django_assert_num_queries
):
    span = span_parse(organization, "2021-H1")
    # 1 library ids, 3 fund movement (the libraries; the ledger: states, and receipts
    # and write-offs in one UNION), 1 budget, 3 digitization (kinds, plan, done),
    # 2 catalogue (databases; counts at start and at end in one UNION), 1 references,
    # 1 publications per library, 2 media (listed, totals), 1 online figures,
    # 1 rows entered per kind (one UNION over the registry's kinds), 1 work log,
    # 1 the figures the kinds declare (one UNION).
    with django_assert_num_queries(18):
        key_figures(organization=organization, span=span)
    grow(organization, library, other_library, n=30)
    with django_assert_num_queries(18):
        bigger = key_figures(organization=organization, span=span)
    assert bigger.received == 2035 + 30 * 3
