"""The overview stays on the half-year just acted on (issue 24: after approving 2021-H1
the methodologist's overview jumped to an older half-year and showed its errors)."""

import pytest
from django.urls import reverse

from branches.handins import HandIn
from branches.models import ReportingPeriod
from reports.models import Report
from tests.handin.helpers import accept_every_handin

CONFIRMED = {"confirmed": "yes"}


def shown(client) -> ReportingPeriod:
    return client.get("/").context["period"]


def status(client, report, target):
    url = reverse("admin:reports_report_status", args=[report.pk, target])
    return client.post(url, CONFIRMED)


@pytest.fixture
def two_half_years(loop_data, last_year, library):
    """2020-H1 and 2021-H1, both ended and with data (loop_data's receipts): the
    overview's own choice is the later one."""
    return last_year, loop_data


def test_after_approval_the_overview_shows_the_approved_half_year(
    client, methodologist, two_half_years, organization
):
    last_year, period = two_half_years
    client.force_login(methodologist)
    assert shown(client) == period
    accept_every_handin(period)
    report = Report.objects.create(organization=organization, period=period)
    assert status(client, report, "submitted").status_code == 302
    assert status(client, report, "approved").status_code == 302
    period.refresh_from_db()
    assert period.status == "approved"
    assert shown(client) == period  # not 2020-H1, left open, with its errors
    # A new session: an open half-year older than an approved one is not what is due.
    client.logout()
    client.force_login(methodologist)
    assert shown(client) == period


def test_after_returning_the_report_to_draft_the_overview_stays_on_it(
    client, methodologist, two_half_years, organization
):
    last_year, period = two_half_years
    accept_every_handin(last_year)
    report = Report.objects.create(organization=organization, period=last_year)
    client.force_login(methodologist)
    assert status(client, report, "submitted").status_code == 302
    assert status(client, report, "draft").status_code == 302
    assert Report.objects.get(pk=report.pk).status == "draft"
    assert shown(client) == last_year


@pytest.mark.parametrize("action", ["accept", "return"])
def test_after_a_move_of_a_handin_the_overview_stays_on_its_half_year(
    client, methodologist, two_half_years, library, action
):
    last_year, period = two_half_years
    HandIn.objects.create(library=library, period=last_year, state="submitted")
    client.force_login(methodologist)
    assert shown(client) == period
    url = f"/handin/{library.code}/{last_year.pk}/{action}/"
    response = client.post(url, {**CONFIRMED, "comment": "Проверьте поступления"})
    assert response.url == f"/?period={last_year.pk}"
    assert HandIn.objects.get(library=library, period=last_year).state != "submitted"
    assert shown(client) == last_year
    # The overview's link to the report and its picker name that half-year too.
    text = client.get("/").content.decode()
    assert reverse("admin:reports_report_of_period", args=[last_year.pk]) in text
    assert f'<option value="{last_year.pk}" selected>' in text


def test_the_picker_choice_holds_until_another_is_picked(client, methodologist, two_half_years):
    last_year, period = two_half_years
    client.force_login(methodologist)
    assert client.get(f"/?period={last_year.pk}").context["period"] == last_year
    assert shown(client) == last_year
    assert client.get(f"/?period={period.pk}").context["period"] == period
    assert shown(client) == period


def test_a_remembered_period_of_another_organization_is_not_shown(
    client, methodologist, outsider, two_half_years, other_organization
):
    last_year, period = two_half_years
    theirs = ReportingPeriod.objects.create(organization=other_organization, year=2021, half=1)
    client.force_login(outsider)
    client.get(f"/?period={theirs.pk}")
    session = client.session
    session["handin_period"] = period.pk  # ours, in their session
    session.save()
    assert client.get("/").context["period"] == theirs
