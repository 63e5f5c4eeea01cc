"""Who sees which dashboard page."""

import pytest
from django.contrib.auth import get_user_model

from branches.models import Library

pytestmark = pytest.mark.django_db


def get(client, user, url):
    client.force_login(user)
    return client.get(url)


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get("/dashboard/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("persona", ["director", "methodologist"])
def test_the_director_and_the_methodologist_see_the_whole_organization(
    client, request, persona, half_year, library, other_library
):
    response = get(client, request.getfixturevalue(persona), "/dashboard/")
    assert response.status_code == 200
    assert response.context["library"] is None
    assert [lib for lib, _f in response.context["overview"].per_library] == [library, other_library]


@pytest.mark.parametrize("persona", ["director", "methodologist"])
def test_they_may_open_any_library_of_their_organization(client, request, persona, other_library):
    response = get(client, request.getfixturevalue(persona), "/dashboard/library/f4/")
    assert response.status_code == 200
    assert response.context["library"] == other_library


def test_a_librarian_is_sent_from_the_organization_page_to_their_library(client, librarian):
    response = get(client, librarian, "/dashboard/?period=2021-H1")
    assert response.status_code == 302
    assert response["Location"] == "/dashboard/library/cgb/?period=2021-H1"


def test_a_librarian_sees_their_own_library_only(client, librarian, half_year, library):
    response = get(client, librarian, "/dashboard/library/cgb/")
    assert response.status_code == 200
    assert [lib for lib, _f in response.context["overview"].per_library] == [library]
    assert "ф№4" not in response.content.decode()


def test_another_librarys_page_does_not_exist_for_a_librarian(client, librarian, other_library):
    assert get(client, librarian, "/dashboard/library/f4/").status_code == 404


def test_a_librarian_is_sent_from_completeness_to_their_library(client, librarian):
    response = get(client, librarian, "/dashboard/completeness/")
    assert response["Location"] == "/dashboard/library/cgb/#completeness"


def test_a_library_of_another_organization_does_not_exist_for_the_director(
    client, director, other_organization
):
    Library.objects.create(
        organization=other_organization, code="far", kind="branch", short_name="Ф", name_ru="Ф"
    )
    assert get(client, director, "/dashboard/library/far/").status_code == 404


def test_an_unknown_library_is_404(client, director):
    assert get(client, director, "/dashboard/library/nope/").status_code == 404


def test_a_user_without_a_staff_profile_is_refused(client, db):
    user = get_user_model().objects.create_user("stranger", password="pw")
    assert get(client, user, "/dashboard/").status_code == 403
    assert get(client, user, "/dashboard/library/cgb/").status_code == 403
    assert get(client, user, "/dashboard/completeness/").status_code == 403


def test_the_outsider_sees_only_their_own_organization(client, outsider, half_year):
    response = get(client, outsider, "/dashboard/")
    assert response.status_code == 200
    assert response.context["span"] is None  # their organization has no data
    assert "Тестовая ЦБС" not in response.content.decode()


def test_the_refusal_explains_itself_in_the_users_language(client, db):
    user = get_user_model().objects.create_user("stranger", password="pw")
    client.force_login(user)
    client.cookies["django_language"] = "kk"
    response = client.get("/dashboard/")
    assert response.status_code == 403
    assert "қызметкер профилі жоқ" in response.content.decode()
