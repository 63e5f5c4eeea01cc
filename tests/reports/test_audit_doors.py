"""The report's doors probed by hand (see tests/admin/test_audit_doors.py)."""

import pytest
from django.urls import reverse

from branches.scoping import METHODOLOGIST, ensure_groups
from reports.models import Report


@pytest.fixture
def report(organization, seeded):
    return Report.objects.create(organization=organization, period=seeded)


@pytest.fixture
def no_profile(django_user_model):
    user = django_user_model.objects.create_user("no-profile", password="pw", is_staff=True)
    user.groups.set([ensure_groups()[METHODOLOGIST]])
    return user


def urls(report):
    pk = report.pk
    return {
        "change": reverse("admin:reports_report_change", args=[pk]),
        "history": reverse("admin:reports_report_history", args=[pk]),
        "delete": reverse("admin:reports_report_delete", args=[pk]),
        "docx": reverse("admin:reports_report_download", args=[pk, "docx"]),
        "year": reverse("admin:reports_report_download", args=[pk, "xlsx"]) + "?span=year",
    }


@pytest.mark.parametrize("who", ["librarian", "outsider", "no_profile"])
def test_who_may_not_see_the_report_reaches_none_of_its_doors(request, client, report, who):
    client.force_login(request.getfixturevalue(who))
    for door, url in urls(report).items():
        response = client.get(url)
        # No file, no page of the report: a refusal or the admin's «not found» redirect.
        assert response.status_code in (302, 403, 404), door
        assert "attachment" not in response.get("Content-Disposition", ""), door
    status = reverse("admin:reports_report_status", args=[report.pk, "submitted"])
    assert client.post(status).status_code in (403, 404)
    assert client.post(urls(report)["delete"], {"post": "yes"}).status_code in (302, 403, 404)
    report.refresh_from_db()
    assert report.status == "draft"


def test_staff_without_a_profile_sees_no_report_and_may_open_none(client, report, no_profile):
    client.force_login(no_profile)
    response = client.get(reverse("admin:reports_report_changelist"))
    assert response.status_code == 403
    assert client.get(reverse("admin:reports_report_add")).status_code == 403


def test_an_unknown_format_or_language_is_not_a_500(client, methodologist, report):
    client.force_login(methodologist)
    assert (
        client.get(reverse("admin:reports_report_download", args=[report.pk, "pdf"])).status_code
        == 404
    )
    response = client.get(urls(report)["docx"] + "?language=xx&span=decade")
    assert response.status_code == 200
    assert 'filename="report-2021-H1-ru.docx"' in response["Content-Disposition"]


def test_the_director_may_not_delete_the_report(client, director, report):
    client.force_login(director)
    assert client.get(urls(report)["delete"]).status_code == 403
    assert client.post(urls(report)["delete"], {"post": "yes"}).status_code == 403
    assert Report.objects.filter(pk=report.pk).exists()
