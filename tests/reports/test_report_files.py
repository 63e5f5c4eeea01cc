"""A big organization's report file is written by the task worker: the download queues
it, the file's page says «готовится» (refreshing itself) and then offers the file; a small
one is still sent at once. Only the user who asked sees the file."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from docx import Document

from events.models import Event
from reports.models import Report, ReportFile


@pytest.fixture
def report(organization, seeded):
    return Report.objects.create(organization=organization, period=seeded)


@pytest.fixture
def big(settings, report):
    """Any organization with more events in the period than this is «big»."""
    events = Event.objects.filter(date__range=(report.period.start, report.period.end)).count()
    assert events > 1
    settings.REPORT_BACKGROUND_ROWS = events - 1
    return report


def download_url(report, fmt, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return reverse("admin:reports_report_download", args=[report.pk, fmt]) + f"?{query}"


def test_a_small_report_is_sent_at_once(client, methodologist, report):
    client.force_login(methodologist)
    response = client.get(download_url(report, "docx"))
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    assert not ReportFile.objects.exists()


def test_a_big_report_is_written_by_the_worker_and_then_offered(client, methodologist, big):
    client.force_login(methodologist)
    response = client.get(download_url(big, "docx", language="kk"), follow=True)
    [(page_url, status)] = response.redirect_chain
    assert status == 302
    page = response.content.decode()
    assert "Файл готов." in page and "http-equiv" not in page
    file = ReportFile.objects.get()
    assert file.state == ReportFile.State.READY and file.filename == "report-2021-H1-kk.docx"
    download = client.get(reverse("admin:reports_report_file_download", args=[big.pk, file.pk]))
    assert download["Content-Disposition"] == 'attachment; filename="report-2021-H1-kk.docx"'
    assert Document(io.BytesIO(download.content)).paragraphs  # a real DOCX


def test_the_year_file_of_a_big_organization_too(client, methodologist, big):
    client.force_login(methodologist)
    client.get(download_url(big, "xlsx", span="year"), follow=True)
    assert ReportFile.objects.get().filename == "report-2021-ru.xlsx"


def test_while_the_worker_has_not_written_it_the_page_says_so(client, methodologist, big, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client.force_login(methodologist)
    response = client.get(download_url(big, "docx"), follow=True)
    page = response.content.decode()
    assert "готовится на сервере" in page
    assert '<meta http-equiv="refresh" content="2">' in page
    assert " style=" not in page
    file = ReportFile.objects.get()
    early = client.get(reverse("admin:reports_report_file_download", args=[big.pk, file.pk]))
    assert early.status_code == 302  # back to the page: nothing to send yet


def test_another_user_does_not_see_the_file(
    client, methodologist, director, big, django_user_model, organization
):
    client.force_login(methodologist)
    client.get(download_url(big, "docx"))
    file = ReportFile.objects.get()
    other = Client()
    other.force_login(director)  # may download the report, but not somebody else's file
    assert (
        other.get(reverse("admin:reports_report_file", args=[big.pk, file.pk])).status_code == 404
    )
    url = reverse("admin:reports_report_file_download", args=[big.pk, file.pk])
    assert other.get(url).status_code == 404
