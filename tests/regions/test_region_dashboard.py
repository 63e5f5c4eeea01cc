"""The region's dashboard: who sees it, where the region's staff land, what it shows."""

import pytest
from django.urls import reverse

from branches.handins import RegionHandIn
from branches.models import ReportingPeriod


def url(region):
    return reverse("dashboard:region", args=[region.code])


@pytest.mark.parametrize("who", ["region_methodologist", "region_manager"])
def test_the_regions_staff_see_their_regions_dashboard(client, request, who, region, period):
    client.force_login(request.getfixturevalue(who))
    response = client.get(url(region))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Карагандинская область" in page
    assert "Тестовая ЦБС" in page


@pytest.mark.parametrize("who", ["region_methodologist", "region_manager"])
def test_the_regions_staff_land_on_it_from_the_dashboard(client, request, who, region):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("dashboard:index"))["Location"] == reverse("dashboard:region_index")
    assert client.get(reverse("dashboard:region_index"))["Location"] == url(region)


def test_another_regions_methodologist_gets_404(client, region, other_region_methodologist):
    client.force_login(other_region_methodologist)
    assert client.get(url(region)).status_code == 404


@pytest.mark.parametrize("who", ["director", "methodologist", "librarian"])
def test_a_cbs_staff_has_no_region_dashboard(client, request, who, region):
    client.force_login(request.getfixturevalue(who))
    assert client.get(url(region)).status_code == 403
    assert client.get(reverse("dashboard:region_index")).status_code == 403


def test_the_regions_staff_have_no_cbs_pages(client, region_manager, region, library):
    client.force_login(region_manager)
    assert client.get(reverse("dashboard:library", args=[library.code])).status_code == 403
    assert client.get(reverse("dashboard:completeness")).status_code == 403


def test_completeness_says_which_cbs_handed_in_and_which_not(
    client, region_manager, approved, other_region
):
    RegionHandIn.objects.create(period=approved, state=RegionHandIn.State.ACCEPTED)
    client.force_login(region_manager)
    page = client.get(url(approved.organization.region) + "?period=2021-H1").content.decode()
    assert "Сдали отчёт в регион: 1 из 1 ЦБС, приняты: 1" in page
    assert "принято" in page
    assert "Другая ЦБС" not in page


def test_the_page_in_kazakh(client, region_manager, region, period):
    client.force_login(region_manager)
    page = client.get(url(region), HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert "Қарағанды облысы" in page


def test_a_region_without_periods_says_there_is_no_data(client, region_manager, region):
    ReportingPeriod.objects.filter(organization__region=region).delete()
    client.force_login(region_manager)
    assert "Данных пока нет" in client.get(url(region)).content.decode()


def _body_queries(region) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from dashboard.region_views import _body

    with CaptureQueriesContext(connection) as captured:
        _body(region, "2020-H2")
    return len(captured)


def test_its_queries_do_not_grow_with_the_number_of_cbs(republic):
    """One generated ЦБС in a region, then five in another: the same number of queries
    (each figure is read for every member at once)."""
    from branches.models import Region
    from demo.generate import generate

    small, big = (
        Region.objects.create(republic=republic, code=code, name_ru=code) for code in "ab"
    )
    generate(organizations=1, libraries=2, years=1, prefix="s", region=small)
    generate(organizations=5, libraries=2, years=1, prefix="b", region=big)
    assert _body_queries(small) == _body_queries(big)


@pytest.fixture
def generated_region(republic, region_manager, region):
    """Two generated ЦБС of two libraries with 2020 and 2021 in the manager's region."""
    from demo.generate import generate

    generate(organizations=2, libraries=2, years=2, prefix="g", region=region)
    return region


def test_it_shows_each_cbs_with_its_own_figures_rank_and_the_regions_average(
    client, region_manager, generated_region
):
    from django.db.models import Sum

    from branches.models import Organization
    from figures.reader import key_figures
    from indicators.models import WorkLogEntry

    client.force_login(region_manager)
    page = client.get(url(generated_region) + "?period=2021-H1").content.decode()
    # The same span a year before is the base, and the page says so.
    assert "изменения — к 1 полугодию 2020 года" in page
    first = Organization.objects.get(code="g-1")
    own = key_figures(organization=first, span=_span(first, 2021, 1))
    row = _row(page, "g-1")
    assert _num(own.fund_end) in row and _num(own.received) in row
    visits = WorkLogEntry.objects.filter(
        library__organization=first, date__year=2021, date__month__lte=6
    ).aggregate(Sum("visits"))["visits__sum"]
    assert _num(visits) in row
    assert "Среднее по региону" in page and "Медиана по региону" in page
    assert "№1" in page and "№2" in page
    # The ЦБС without any data of its own in 2021 (the test ЦБС): «нет данных», never 0.
    assert "нет данных" in _row(page, "test-cbs")


def _span(organization, year, half):
    from dashboard.spans import SpanBook

    return SpanBook(organization).span(year, half)


def _num(value) -> str:
    return f"{value:,}".replace(",", "\u00a0")


def _row(page: str, code: str) -> str:
    start = page.index(f'data-organization="{code}"')
    return page[start : page.index("</tr>", start)]


def test_a_span_no_cbs_opened_says_no_data_not_zero(client, region_manager, region, period):
    client.force_login(region_manager)
    page = client.get(url(region) + "?period=2015-H1").content.decode()
    assert "ни одна ЦБС региона не открыла отчётный период: данных нет" in page
    assert 'data-figure="fund"' not in page


def test_a_write_in_a_member_cbs_shows_at_once(client, region_manager, approved):
    """The page's body is cached under every member's data version: a hand-in accepted
    (a write to the ЦБС's data) is on the next page, not the cached one."""
    client.force_login(region_manager)
    page_url = url(approved.organization.region) + "?period=2021-H1"
    assert "Сдали отчёт в регион: 0 из 1 ЦБС" in client.get(page_url).content.decode()
    RegionHandIn.objects.create(period=approved, state=RegionHandIn.State.ACCEPTED)
    assert "Сдали отчёт в регион: 1 из 1 ЦБС" in client.get(page_url).content.decode()
