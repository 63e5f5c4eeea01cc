"""The region's roles at every door but the admin matrix: the scoping rule, exports,
the report's downloads and status moves, the dashboard, the ЦБС's region field."""

import datetime

import pytest
from django.db import IntegrityError
from django.urls import reverse

from branches.models import Library, Organization, StaffProfile
from branches.scoping import may_touch, scope_queryset
from events.models import Event, EventForm
from reports.models import Report
from tests.dataio.test_admin_export import EXPORT_URL, exported_libraries


@pytest.fixture
def events(library, other_library, other_organization):
    form = EventForm.objects.order_by("order").first()
    stranger = Library.objects.create(
        organization=other_organization, code="far", kind="branch", short_name="ф№9",
        name_ru="Чужой филиал", order=1,
    )  # fmt: skip
    for lib in (library, other_library, stranger):
        Event.objects.create(
            library=lib, date=datetime.date(2021, 3, 1), form=form, title=f"Вечер {lib.code}"
        )
    return stranger


def test_the_scoping_rule_gives_a_region_its_member_cbs_only(
    organization, other_organization, region_methodologist, other_region_methodologist, events
):
    assert list(scope_queryset(Organization.objects.all(), region_methodologist)) == [organization]
    titles = set(
        scope_queryset(Event.objects.all(), region_methodologist).values_list("title", flat=True)
    )
    assert titles == {"Вечер cgb", "Вечер f4"}
    assert may_touch(region_methodologist, Event.objects.get(title="Вечер f4"))
    assert not may_touch(region_methodologist, Event.objects.get(title="Вечер far"))
    assert not may_touch(other_region_methodologist, Event.objects.get(title="Вечер f4"))


def test_a_cbs_without_a_region_is_seen_by_no_region(
    organization, other_organization, region_methodologist, other_region_methodologist
):
    # other_region_methodologist's fixture put other_organization in Павлодарская область.
    organization.region = None
    organization.save()
    assert not scope_queryset(Organization.objects.all(), region_methodologist).exists()


def test_the_regions_methodologist_exports_every_member_library_and_no_other(
    client, region_methodologist, events
):
    client.force_login(region_methodologist)
    response = client.post(EXPORT_URL, {"format": "0", "resource": "0"})
    assert sorted(exported_libraries(response)) == ["cgb", "f4"]


def test_another_regions_methodologist_exports_nothing_of_this_one(
    client, other_region_methodologist, library, events
):
    client.force_login(other_region_methodologist)
    response = client.post(EXPORT_URL, {"format": "0", "resource": "0"})
    assert exported_libraries(response) == ["far"]


@pytest.mark.parametrize("role", ["region_methodologist", "region_manager"])
def test_the_region_downloads_a_member_report_and_cannot_move_it(request, client, role, period):
    report = Report.objects.create(organization=period.organization, period=period)
    client.force_login(request.getfixturevalue(role))
    url = reverse("admin:reports_report_download", args=[report.pk, "xlsx"])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    status = reverse("admin:reports_report_status", args=[report.pk, "submitted"])
    assert client.post(status).status_code == 403
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT


def test_another_region_does_not_see_the_report(client, other_region_methodologist, period):
    report = Report.objects.create(organization=period.organization, period=period)
    client.force_login(other_region_methodologist)
    url = reverse("admin:reports_report_download", args=[report.pk, "docx"])
    assert client.get(url).status_code == 404
    # Django's admin sends a missing object's page back to the index («не существует»).
    response = client.get(reverse("admin:reports_report_change", args=[report.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


@pytest.mark.parametrize("role", ["region_methodologist", "region_manager"])
def test_the_cbs_dashboard_is_no_page_of_the_region(request, client, role, library):
    # /dashboard/ takes them to the region's own dashboard; a ЦБС's pages are not theirs.
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("dashboard:index"))["Location"] == reverse("dashboard:region_index")
    assert client.get(reverse("dashboard:completeness")).status_code == 403
    assert client.get(reverse("dashboard:library", args=["cgb"])).status_code == 403


def test_the_cbs_methodologist_sees_her_region_but_cannot_move_her_cbs(
    client, methodologist, organization, region, other_region
):
    client.force_login(methodologist)
    url = reverse("admin:branches_organization_change", args=[organization.pk])
    page = client.get(url).content.decode()
    assert "Карагандинская область" in page
    assert 'name="region"' not in page


def test_a_profile_is_of_a_cbs_or_of_a_region_never_both(django_user_model, organization, region):
    user = django_user_model.objects.create_user(username="both")
    with pytest.raises(IntegrityError):
        StaffProfile.objects.create(user=user, organization=organization, region=region)


def test_the_superuser_keeps_the_levels_above_the_cbs(admin_client, region):
    for model in ("region", "republic"):
        assert admin_client.get(reverse(f"admin:branches_{model}_changelist")).status_code == 200
    url = reverse("admin:branches_region_change", args=[region.pk])
    assert "Қарағанды облысы" in admin_client.get(url).content.decode()


def test_the_regions_staff_read_their_own_region_only(
    client, region_methodologist, region, other_region
):
    client.force_login(region_methodologist)
    response = client.get(reverse("admin:branches_region_changelist"))
    assert list(response.context["cl"].result_list) == [region]
    page = client.get(reverse("admin:branches_region_change", args=[region.pk])).content.decode()
    assert 'name="_save"' not in page
    other = client.get(reverse("admin:branches_region_change", args=[other_region.pk]))
    assert other.status_code == 302  # the admin's «не существует», back to the index


@pytest.mark.parametrize("who", ["methodologist", "director", "librarian"])
def test_a_cbs_staff_has_no_door_to_the_regions(request, client, who, region):
    client.force_login(request.getfixturevalue(who))
    for view, args in (("changelist", []), ("change", [region.pk]), ("history", [region.pk])):
        response = client.get(reverse(f"admin:branches_region_{view}", args=args))
        assert response.status_code in (403, 404), view
