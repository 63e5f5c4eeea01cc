from django.core.management import call_command

from branches.models import Library, StaffProfile
from branches.scoping import DIRECTOR, LIBRARIAN, METHODOLOGIST, user_roles


def test_load_demo_creates_libraries_and_users_with_roles(demo_written, client):
    # demo_written: the rows load_demo wrote, run once in this process (tests/snapshot.py).
    assert set(Library.objects.values_list("code", flat=True)) == {
        "cgb", "cgdb", "f1", "f2", "f3", "f4", "f5", "f6", "f7",
    }  # fmt: skip
    profile = StaffProfile.objects.select_related("user", "library").get(
        user__username="librarian-f4"
    )
    assert profile.library.short_name == "ф№4"
    assert user_roles(profile.user) == {LIBRARIAN}
    assert user_roles(StaffProfile.objects.get(user__username="methodist").user) == {METHODOLOGIST}
    assert user_roles(StaffProfile.objects.get(user__username="director").user) == {DIRECTOR}
    assert client.login(username="director", password="demo")


def test_load_demo_twice_changes_nothing(demo_written):
    # The first load: demo_written, load_demo's rows (tests/snapshot.py).
    counts = (Library.objects.count(), StaffProfile.objects.count())
    call_command("load_demo")
    assert (Library.objects.count(), StaffProfile.objects.count()) == counts


def test_login_page_and_admin_speak_russian(demo_written, client):
    page = client.get("/accounts/login/")
    assert page.status_code == 200
    assert "Вход" in page.content.decode()
    client.login(username="methodist", password="demo")
    admin = client.get("/admin/")
    assert admin.status_code == 200
    assert "Администрирование" in admin.content.decode() or "Отчёты ЦБС" in admin.content.decode()
