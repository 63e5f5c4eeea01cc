"""The dashboard asked by hand (see tests/admin/test_audit_doors.py)."""

import pytest

from branches.models import StaffProfile

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "typed", ["garbage", "2021-H9", "1900", "2021-H1'--", "9999999999999999999-H1"]
)
def test_a_period_typed_by_hand_is_never_a_500(client, director, half_year, typed):
    client.force_login(director)
    for url in ("/dashboard/", "/dashboard/completeness/", "/dashboard/library/cgb/"):
        assert client.get(url, {"period": typed}).status_code == 200, url


def test_the_outsider_asking_for_another_organizations_period_sees_only_their_own(
    client, outsider, half_year
):
    client.force_login(outsider)
    for url in ("/dashboard/", "/dashboard/completeness/"):
        page = client.get(url, {"period": "2021-H1"})
        assert page.status_code == 200
        assert "ЦГБ" not in page.content.decode() and "ф№4" not in page.content.decode()
    assert client.get("/dashboard/library/cgb/").status_code == 404


def test_a_librarian_asking_for_another_library_by_any_door_gets_only_their_own(
    client, librarian, half_year
):
    client.force_login(librarian)
    for url in ("/dashboard/?period=2021-H1", "/dashboard/completeness/?period=2021-H1"):
        response = client.get(url, follow=True)
        assert response.status_code == 200
        assert response.context["library"].code == "cgb"
        assert "ф№4" not in response.content.decode()


def test_a_staff_member_without_a_role_sees_no_organization_page(
    client, django_user_model, organization
):
    user = django_user_model.objects.create_user("clerk", password="pw", is_staff=True)
    StaffProfile.objects.create(user=user, organization=organization)
    client.force_login(user)
    response = client.get("/dashboard/")
    assert response.status_code == 403
    assert "Нет доступа" in response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in_from_every_page(client, organization):
    for url in ("/dashboard/", "/dashboard/completeness/", "/dashboard/library/cgb/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
