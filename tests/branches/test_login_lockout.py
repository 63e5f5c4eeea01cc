"""Wrong passwords lock the login out for a while; the methodologist unlocks her
ЦБС's users, a superuser anybody; sessions end when idle."""

import datetime
import re

import pytest
from django.conf import settings
from django.db.models import F
from django.urls import reverse
from django.utils.timezone import now as django_now

from branches.models import StaffProfile

LOGIN = "/accounts/login/"


def attempt(client, username, password, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def lock(client, username, address="10.0.0.1"):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, username, "wrong", address)


def test_after_repeated_wrong_passwords_the_right_one_is_refused_too(client, librarian):
    lock(client, librarian.username)
    response = attempt(client, librarian.username, "pw")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Вход временно заблокирован" in page
    assert "допустимо 5" in page and "через 30 мин." in page
    assert not logged_in(client)


def test_the_lockout_page_is_in_kazakh_for_a_kazakh_user(client, librarian):
    client.cookies["django_language"] = "kk"
    lock(client, librarian.username)
    page = attempt(client, librarian.username, "pw").content.decode()
    assert "Вход временно заблокирован" not in page
    assert "30" in page


def test_fewer_failures_and_then_the_right_password_logs_in(client, librarian):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, librarian.username, "wrong")
    assert attempt(client, librarian.username, "pw").status_code == 302
    assert logged_in(client)


def test_the_lock_is_per_user_and_address(client, librarian, other_librarian):
    lock(client, librarian.username, "10.0.0.1")
    assert attempt(client, other_librarian.username, "pw", "10.0.0.1").status_code == 302
    client.logout()
    assert attempt(client, librarian.username, "pw", "10.0.0.2").status_code == 302


def test_the_admin_login_is_throttled_as_well(client, methodologist):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "methodist", "password": "x"})
    response = client.post("/admin/login/", {"username": "methodist", "password": "pw"})
    assert response.status_code == 429


def _unlock(client, profile, as_user=None):
    """The staff list's action «Разблокировать вход», by `as_user` in a browser of her own."""
    if as_user is not None:
        client = client.__class__()
        client.force_login(as_user)
    return client.post(
        reverse("admin:branches_staffprofile_changelist"),
        {"action": "unlock_login", "_selected_action": [profile.pk]},
        follow=True,
    )


def test_the_methodologist_sees_and_unlocks_her_cbs_user(client, methodologist, librarian):
    lock(client, librarian.username)
    staff = client.__class__()
    staff.force_login(methodologist)
    listing = staff.get(reverse("admin:branches_staffprofile_changelist")).content.decode()
    assert "icon-yes.svg" in listing  # the locked column
    response = _unlock(staff, StaffProfile.objects.get(user=librarian))
    assert "Вход разблокирован: lib-cgb." in response.content.decode()
    assert attempt(client, librarian.username, "pw").status_code == 302


def test_another_cbs_methodologist_cannot_unlock_her_user(client, outsider, librarian):
    lock(client, librarian.username)
    _unlock(client, StaffProfile.objects.get(user=librarian), as_user=outsider)
    assert attempt(client, librarian.username, "pw").status_code == 429


def test_a_superuser_unlocks_anybody(client, django_user_model, librarian):
    lock(client, librarian.username)
    root = django_user_model.objects.create_superuser("root", "root@example.com", "pw")
    _unlock(client, StaffProfile.objects.get(user=librarian), as_user=root)
    assert attempt(client, librarian.username, "pw").status_code == 302


def test_a_director_cannot_unlock(client, director, librarian):
    lock(client, librarian.username)
    _unlock(client, StaffProfile.objects.get(user=librarian), as_user=director)
    assert attempt(client, librarian.username, "pw").status_code == 429


# Sessions


def test_a_session_ends_after_a_working_day_without_requests(client, librarian, settings):
    from django.contrib.sessions.models import Session

    from branches.accounts import LAST_SEEN

    settings.SESSION_IDLE_REFRESH_SECONDS = 60  # as in production
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    attempt(client, librarian.username, "pw")
    session = client.session  # as if signed in an hour ago
    session[LAST_SEEN] -= 3600
    session.save()
    Session.objects.update(expire_date=F("expire_date") - datetime.timedelta(hours=1))
    before = Session.objects.get().expire_date
    assert before - django_now() < datetime.timedelta(hours=7, minutes=1)
    client.get("/dashboard/")  # a request now: eight hours from now again
    after = Session.objects.get().expire_date
    assert after - django_now() > datetime.timedelta(hours=7, minutes=59)


def test_an_idle_session_is_over(client, librarian):
    from django.contrib.sessions.models import Session

    attempt(client, librarian.username, "pw")
    Session.objects.update(expire_date=django_now() - datetime.timedelta(seconds=1))
    response = client.get("/dashboard/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


@pytest.mark.parametrize("closing", [True, False])
def test_expiry_on_browser_close_is_an_option(client, librarian, settings, closing):
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = closing
    response = attempt(client, librarian.username, "pw")
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert (cookie["expires"] == "") is closing


# «Осталась одна попытка» (issue 24): the wrong password before the last one says so.
LAST = "Осталась одна попытка, затем вход будет заблокирован на 30 минут."


def errors_after(client, username, failures, url=LOGIN, address="10.0.0.1"):
    """The page's error after `failures` wrong passwords in a row."""
    for _ in range(failures):
        response = client.post(
            url, {"username": username, "password": "wrong"}, REMOTE_ADDR=address
        )
    return response.content.decode()


@pytest.mark.parametrize("username", ["lib-cgb", "no-such-user"])
def test_the_wrong_password_that_leaves_one_attempt_says_so(client, librarian, username):
    limit = settings.AXES_FAILURE_LIMIT
    before = errors_after(client, username, limit - 2)
    assert "Неверное имя пользователя или пароль." in before and "Осталась" not in before
    page = errors_after(client, username, 1)
    assert f"Неверное имя пользователя или пароль. {LAST}" in page
    # And it is so: the next wrong password locks the login out.
    assert attempt(client, username, "wrong").status_code == 429


def test_a_known_and_an_unknown_name_get_the_same_page(client, librarian):
    known = errors_after(client, "lib-cgb", settings.AXES_FAILURE_LIMIT - 1)
    unknown = errors_after(client, "lib-xyz", settings.AXES_FAILURE_LIMIT - 1)
    note = re.compile(r'<p class="errornote"[^>]*>(.*?)</p>')
    assert (
        note.findall(known)
        == note.findall(unknown)
        == [f"Неверное имя пользователя или пароль. {LAST}"]
    )


def test_failures_from_another_address_do_not_count(client, librarian):
    errors_after(client, "lib-cgb", settings.AXES_FAILURE_LIMIT - 2, address="10.0.0.9")
    assert "Осталась" not in errors_after(client, "lib-cgb", 1, address="10.0.0.1")


def test_the_admin_login_says_so_too(client, librarian):
    page = errors_after(client, "lib-cgb", settings.AXES_FAILURE_LIMIT - 1, url="/admin/login/")
    assert LAST in page


def test_the_last_attempt_is_named_in_kazakh(client, librarian):
    client.cookies["django_language"] = "kk"
    page = errors_after(client, "lib-cgb", settings.AXES_FAILURE_LIMIT - 1)
    assert "Бір ғана әрекет қалды" in page and "30 минутқа" in page
    assert "Осталась" not in page


@pytest.mark.parametrize(
    ("minutes", "words"), [(1, "1 минуту"), (3, "3 минуты"), (21, "21 минуту")]
)
def test_the_wait_is_counted_in_russian(client, librarian, settings, minutes, words):
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=minutes)
    page = errors_after(client, "lib-cgb", settings.AXES_FAILURE_LIMIT - 1)
    assert f"заблокирован на {words}." in page
