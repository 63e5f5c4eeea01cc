"""The region's overview and the hand-in's buttons: who sees which ЦБС, the question
before a move, and the ЦБС's side (send, reopen)."""

import re

import pytest
from django.urls import reverse

from branches.handins import RegionHandIn
from branches.models import ReportingPeriod
from handin.region import region_handin_return, region_handin_send
from reports.models import Report

REGION_URL = reverse("handin:region")


def move_url(period, action):
    return reverse(f"handin:region_{action}", args=[period.pk])


def state_of(period):
    return RegionHandIn.objects.get(period=period).state


def test_the_regions_methodologist_lands_on_the_regions_overview(client, region_methodologist):
    client.force_login(region_methodologist)
    assert client.get("/")["Location"] == REGION_URL


def test_the_regions_management_lands_on_the_regions_dashboard(client, region_manager):
    client.force_login(region_manager)
    assert client.get("/")["Location"] == reverse("dashboard:region_index")


def test_the_overview_lists_member_cbs_only_with_state_and_deadline(
    client, region_methodologist, approved, other_organization, other_region
):
    ReportingPeriod.objects.create(organization=other_organization, year=2021, half=1)
    ReportingPeriod.objects.filter(pk=approved.pk).update(organization_due="2021-07-20")
    client.force_login(region_methodologist)
    response = client.get(REGION_URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Тестовая ЦБС" in page
    assert "Другая ЦБС" not in page
    assert "20.07.2021" in page
    assert "не сдано" in page and "просрочено" in page
    # No inline script (the CSP allows only files with a nonce).
    assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", page))


def test_the_region_accepts_after_a_question(client, region_methodologist, methodologist, approved):
    region_handin_send(period=approved, user=methodologist)
    client.force_login(region_methodologist)
    page = client.get(REGION_URL).content.decode()
    assert f'action="{move_url(approved, "accept")}"' in page

    question = client.post(move_url(approved, "accept"))
    assert question.status_code == 200
    assert "Да, принять" in question.content.decode()
    assert state_of(approved) == "submitted"

    response = client.post(move_url(approved, "accept"), {"confirmed": "yes"})
    assert response.status_code == 302
    assert state_of(approved) == "accepted"


def test_the_region_returns_with_a_comment_the_cbs_then_reads(
    client, region_methodologist, methodologist, approved
):
    region_handin_send(period=approved, user=methodologist)
    client.force_login(region_methodologist)
    client.post(move_url(approved, "return"), {"comment": "Не сходится фонд ф№4"})
    assert state_of(approved) == "returned"
    assert "Не сходится фонд ф№4" in client.get(REGION_URL).content.decode()

    client.force_login(methodologist)
    page = client.get(f"/?period={approved.pk}").content.decode()
    assert "Не сходится фонд ф№4" in page
    assert reverse("admin:reports_report_reopen", args=[approved.report.pk]) in page


def test_another_region_reaches_no_period_of_this_one(
    client, other_region_methodologist, methodologist, approved
):
    region_handin_send(period=approved, user=methodologist)
    client.force_login(other_region_methodologist)
    assert client.post(move_url(approved, "accept"), {"confirmed": "yes"}).status_code == 404
    assert "Тестовая ЦБС" not in client.get(REGION_URL).content.decode()
    assert state_of(approved) == "submitted"


def test_the_regions_management_reads_and_moves_nothing(
    client, region_manager, methodologist, approved
):
    region_handin_send(period=approved, user=methodologist)
    client.force_login(region_manager)
    page = client.get(REGION_URL).content.decode()
    assert "Тестовая ЦБС" in page
    assert move_url(approved, "accept") not in page
    assert client.post(move_url(approved, "accept"), {"confirmed": "yes"}).status_code == 403
    assert state_of(approved) == "submitted"


@pytest.mark.parametrize("who", ["methodologist", "librarian", "director"])
def test_a_cbs_staff_has_no_region_page(request, client, who, region):
    client.force_login(request.getfixturevalue(who))
    assert client.get(REGION_URL).status_code == 403


def test_the_cbs_sends_its_approved_report_after_a_question(client, methodologist, approved):
    client.force_login(methodologist)
    page = client.get(f"/?period={approved.pk}").content.decode()
    assert "Сдать отчёт в регион" in page
    question = client.post(move_url(approved, "send"))
    assert "Да, сдать в регион" in question.content.decode()
    assert not RegionHandIn.objects.exists()
    client.post(move_url(approved, "send"), {"confirmed": "yes"})
    assert state_of(approved) == "submitted"
    assert "Сдать отчёт в регион" not in client.get(f"/?period={approved.pk}").content.decode()


def test_the_cbs_reopens_a_returned_report_with_a_reason(
    client, methodologist, region_methodologist, approved
):
    region_handin_send(period=approved, user=methodologist)
    region_handin_return(period=approved, user=region_methodologist, comment="Исправьте")
    client.force_login(methodologist)
    url = reverse("admin:reports_report_reopen", args=[approved.report.pk])
    client.post(url, {"reason": "Исправляем фонд"})
    approved.report.refresh_from_db()
    assert approved.report.status == Report.Status.DRAFT
    assert state_of(approved) == "reopened"


def test_the_region_cannot_reopen_a_cbs_report(
    client, region_methodologist, methodologist, approved
):
    region_handin_send(period=approved, user=methodologist)
    region_handin_return(period=approved, user=region_methodologist, comment="Исправьте")
    client.force_login(region_methodologist)
    url = reverse("admin:reports_report_reopen", args=[approved.report.pk])
    assert client.post(url, {"reason": "сами"}).status_code == 403
    assert state_of(approved) == "returned"


def test_the_overview_speaks_kazakh(client, region_methodologist, approved):
    client.force_login(region_methodologist)
    client.post(reverse("set_language"), {"language": "kk", "next": "/"})
    page = client.get(REGION_URL).content.decode()
    assert "Өңір ОКЖ-лерінің есептері" in page
    assert "Қарағанды облысы" in page
    assert "тапсырылмаған" in page


def test_the_overview_opens_on_the_latest_half_year_a_member_moved_in(
    client, region_methodologist, methodologist, approved
):
    # The second half of 2021 has ended too, but nobody has done anything in it yet.
    ReportingPeriod.objects.create(organization=approved.organization, year=2021, half=2)
    region_handin_send(period=approved, user=methodologist)
    client.force_login(region_methodologist)
    response = client.get(REGION_URL)
    assert (response.context["year"], response.context["half"]) == (2021, 1)
    response = client.get(f"{REGION_URL}?half=2021-2")
    assert (response.context["year"], response.context["half"]) == (2021, 2)
