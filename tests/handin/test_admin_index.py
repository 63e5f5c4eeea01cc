"""The admin index puts a librarian's own kinds first, under «Ввод данных»."""

from branches.kinds import KINDS, LIBRARIAN


def test_a_librarian_sees_what_they_enter_first_then_the_lists(client, librarian, period):
    client.force_login(librarian)
    apps = client.get("/admin/").context["app_list"]
    assert [str(app["name"]) for app in apps] == ["Ввод данных", "Справочники (только просмотр)"]
    entered = [m["model"]._meta.label for m in apps[0]["models"]]
    assert entered == [k.model for k in KINDS if "add" in k.rights.get(LIBRARIAN, ())]
    assert entered[:3] == ["branches.SocialPage", "holdings.FundSnapshot", "holdings.Receipt"]
    assert all(not m["perms"].get("add") for m in apps[1]["models"])


def test_the_methodologist_keeps_the_apps(client, methodologist, period):
    client.force_login(methodologist)
    names = [str(app["name"]) for app in client.get("/admin/").context["app_list"]]
    assert "Ввод данных" not in names and "Отчёты" in names
