"""No address typed by hand answers with a server error.

A filter the list does not have, a number too big for the database, text
where a number belongs: the list, the export, the change and history pages,
the report downloads and the dashboard answer with a page, a redirect, a 400
or a 404, never a 500. The known cases are listed; hypothesis then throws
hostile parameters at every admin list, export and dashboard address.
"""

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reports.models import Report

HUGE = "9" * 20  # over a 64-bit integer


def _admin_urls(name_suffix):
    urls = []
    for model in admin.site._registry:
        opts = model._meta
        try:
            urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_{name_suffix}"))
        except NoReverseMatch:  # a model without that page (no export)
            continue
    return sorted(urls)


CHANGELISTS = _admin_urls("changelist")
EXPORTS = _admin_urls("export")


@pytest.fixture
def staff(client, django_user_model, methodologist, organization, library, period):
    """The methodologist, logged in, with one report to download."""
    Report.objects.create(organization=organization, period=period)
    client.force_login(methodologist)
    return client


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.com", "pw")
    client.force_login(user)
    return client


def _no_server_error(response, url):
    assert response.status_code < 500, url
    return response


KNOWN = [
    *(f"{url}?zzz=1" for url in CHANGELISTS + EXPORTS),
    *(f"{url}?library__id__exact=1" for url in EXPORTS),
    *(f"{url}?date__year={HUGE}" for url in CHANGELISTS + EXPORTS),
    *(f"{url}?date__year=3000000000" for url in CHANGELISTS + EXPORTS),
    *(f"{url}?library={HUGE}" for url in CHANGELISTS + EXPORTS),
    *(f"{url}?period={HUGE}" for url in CHANGELISTS + EXPORTS),
    *(f"{url}?id={HUGE}" for url in CHANGELISTS),
]


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_reported_addresses_answer_without_a_server_error(staff, method):
    for url in KNOWN:
        if method == "post" and "/export/" not in url:
            continue
        response = getattr(staff, method)(url, {"format": "0"} if method == "post" else None)
        _no_server_error(response, url)


def test_an_overflowing_number_in_a_path_is_a_404(staff, period):
    report = Report.objects.get()
    for url in [
        f"/admin/reports/report/{HUGE}/change/",
        f"/admin/reports/report/{HUGE}/download/docx/",
        f"/admin/reports/report/{report.pk}/download/{HUGE}/",
        f"/admin/branches/reportingperiod/{HUGE}/change/",
        f"/admin/branches/reportingperiod/{HUGE}/history/",
        f"/admin/holdings/receipt/{HUGE}/change/",
        f"/admin/holdings/receipt/{HUGE}/history/1/",
        f"/admin/holdings/receipt/1/history/{HUGE}/",
    ]:
        response = staff.get(url)
        assert response.status_code in (302, 404), url


def test_an_export_with_a_filter_the_list_lacks_is_a_400_not_a_file(staff, library):
    """Django's list answers such a filter with its "?e=1" notice; the export,
    which has no list to show, says 400 rather than export rows nobody asked for."""
    for url in [
        reverse("admin:branches_reportingperiod_export") + "?library__id__exact=1",
        reverse("admin:holdings_receipt_export") + "?zzz=1",
    ]:
        response = staff.post(url, {"format": "0"})
        assert response.status_code == 400, url
        assert "Content-Disposition" not in response


def test_the_same_export_without_the_stray_filter_gives_the_file(staff):
    response = staff.post(reverse("admin:branches_reportingperiod_export"), {"format": "0"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_an_overflowing_year_or_id_is_no_match(staff):
    response = staff.get(reverse("admin:holdings_receipt_changelist") + f"?library={HUGE}")
    assert response.status_code in (200, 302, 404)


# Hostile parameters, everywhere.

KEYS = st.sampled_from(
    [
        "zzz",
        "q",
        "o",
        "p",
        "e",
        "all",
        "id",
        "pk",
        "library",
        "library__id__exact",
        "library__exact",
        "library__in",
        "period",
        "period__id__exact",
        "date__year",
        "date__month",
        "date__day",
        "date__gte",
        "year",
        "year__exact",
        "half",
        "status__exact",
        "is_active__exact",
        "kind__exact",
        "source__id__exact",
        "organization__id__exact",
        "language",
        "span",
        "_changelist_filters",
        "_to_field",
        "_popup",
        "_facets",
    ]
)
VALUES = st.one_of(
    st.sampled_from(
        [
            HUGE,
            "-" + HUGE,
            "3000000000",
            "-1",
            "0",
            "1",
            "1.5",
            "1e309",
            "nan",
            "",
            "2021-H1",
            "9999-H1",
            "2021-H9",
            "1,2,3",
            f"1,{HUGE}",
            "9999999999-13-45",
            "\x00",
            "<script>",
            "%",
            "ы",
            "-id",
            "999.999",
        ]
    ),
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
    st.text(max_size=12),
)
PARAMS = st.dictionaries(KEYS, VALUES, max_size=3)
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _dashboard_urls():
    return ["/dashboard/", "/dashboard/completeness/", "/dashboard/library/cgb/"]


@FUZZ
@given(url=st.sampled_from(CHANGELISTS), params=PARAMS)
def test_fuzz_admin_lists(staff, url, params):
    _no_server_error(staff.get(url, params), (url, params))


@FUZZ
@given(url=st.sampled_from(EXPORTS), params=PARAMS)
def test_fuzz_admin_exports(staff, url, params):
    query = urlencode(params)
    _no_server_error(staff.get(url, params), (url, params))
    _no_server_error(staff.post(f"{url}?{query}", {"format": "0"}), (url, params))


@FUZZ
@given(url=st.sampled_from(_dashboard_urls()), params=PARAMS)
def test_fuzz_dashboard(staff, url, params):
    _no_server_error(staff.get(url, params), (url, params))


@FUZZ
@given(url=st.sampled_from(CHANGELISTS), params=PARAMS)
def test_fuzz_admin_lists_as_superuser(superuser_client, url, params):
    _no_server_error(superuser_client.get(url, params), (url, params))
