"""The methodologist creates a librarian's account in one form and resets its
password; only a superuser creates methodologists and directors."""

import pytest
from django.contrib.auth import get_user_model

from branches.models import StaffProfile
from tests.admin.posting import admin_url, form_errors


def account(home, /, **extra):
    return {
        "username": "librarian-new",
        "first_name": "Айгуль",
        "last_name": "Серикова",
        "email": "aigul@example.kz",
        "role": "Библиотекарь",
        "organization": home.organization_id,
        "library": home.pk,
        "position": "библиотекарь",
        "language": "kk",
        "password1": "Kitap-2021-zhaz",
        "password2": "Kitap-2021-zhaz",
        **extra,
    }


@pytest.fixture
def as_methodologist(client, methodologist):
    client.force_login(methodologist)
    return client


def test_the_methodologist_creates_a_librarians_account_in_one_form(as_methodologist, library):
    response = as_methodologist.post(admin_url(StaffProfile, "add"), account(library))
    assert response.status_code == 302
    user = get_user_model().objects.get(username="librarian-new")
    assert user.check_password("Kitap-2021-zhaz") and user.is_staff
    assert [g.name for g in user.groups.all()] == ["Библиотекарь"]
    assert user.staff_profile.library == library and user.staff_profile.language == "kk"
    assert user.email == "aigul@example.kz" and user.first_name == "Айгуль"


@pytest.mark.parametrize(
    "extra, message",
    [
        (
            {"role": "Методист", "library": ""},
            "Методиста и директора создаёт только администратор.",
        ),
        (
            {"role": "Директор", "library": ""},
            "Методиста и директора создаёт только администратор.",
        ),
        ({"library": ""}, "Библиотекарю нужна библиотека."),
        ({"password2": "other-Password-1"}, "Пароли не совпадают."),
        ({"username": "LIB-CGB"}, "Такой логин уже занят."),
    ],
)
def test_a_bad_account_is_refused_with_a_message(
    as_methodologist, librarian, library, extra, message
):
    response = as_methodologist.post(admin_url(StaffProfile, "add"), account(library, **extra))
    assert message in form_errors(response)
    assert not get_user_model().objects.filter(username="librarian-new").exists()


def test_another_organizations_library_is_not_a_choice(
    as_methodologist, library, other_organization
):
    from branches.models import Library

    foreign = Library.objects.create(
        organization=other_organization, code="x1", kind="branch", short_name="X1", name_ru="X1"
    )
    response = as_methodologist.post(
        admin_url(StaffProfile, "add"),
        account(library, library=foreign.pk, organization=other_organization.pk),
    )
    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="librarian-new").exists()


def test_only_a_superuser_creates_a_methodologist(client, library, django_user_model):
    from branches.models import StaffProfile as Profile

    admin = django_user_model.objects.create_superuser("root", password="pw")
    Profile.objects.create(user=admin, organization=library.organization)
    client.force_login(admin)
    response = client.post(
        admin_url(StaffProfile, "add"), account(library, role="Методист", library="")
    )
    assert response.status_code == 302
    created = get_user_model().objects.get(username="librarian-new")
    assert [g.name for g in created.groups.all()] == ["Методист"]


def test_the_methodologist_resets_a_librarians_password(as_methodologist, librarian):
    profile = librarian.staff_profile
    url = admin_url(StaffProfile, "password", profile.pk)
    assert (
        "Сменить пароль"
        in as_methodologist.get(admin_url(StaffProfile, "change", profile.pk)).content.decode()
    )
    response = as_methodologist.post(url, {"password1": "Novyi-parol-77", "password2": "x"})
    assert response.status_code == 200
    response = as_methodologist.post(
        url, {"password1": "Novyi-parol-77", "password2": "Novyi-parol-77"}
    )
    assert response.status_code == 302
    librarian.refresh_from_db()
    assert librarian.check_password("Novyi-parol-77")


def test_password_reset_is_refused_for_other_people(
    client, methodologist, director, outsider, librarian
):
    client.force_login(methodologist)
    # Not a librarian: the director's password is the superuser's business.
    url = admin_url(StaffProfile, "password", director.staff_profile.pk)
    assert (
        client.post(url, {"password1": "Novyi-parol-77", "password2": "Novyi-parol-77"}).status_code
        == 403
    )
    # Another ЦБС's methodologist does not find this librarian at all.
    client.force_login(outsider)
    url = admin_url(StaffProfile, "password", librarian.staff_profile.pk)
    assert (
        client.post(url, {"password1": "Novyi-parol-77", "password2": "Novyi-parol-77"}).status_code
        == 404
    )
    librarian.refresh_from_db()
    assert librarian.check_password("pw")
    # A librarian resets nobody's, not even her own here.
    client.force_login(librarian)
    assert client.post(
        url, {"password1": "Novyi-parol-77", "password2": "Novyi-parol-77"}
    ).status_code in (403, 404)
