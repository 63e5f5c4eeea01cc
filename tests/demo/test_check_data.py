"""The edit checks on the demo: the seed's half-year is consistent, and there is no
year before it to compare with, so nothing is flagged and the hand-in can start."""

from io import StringIO

from django.core.management import call_command

from handin.checks import check_run


def test_check_data_on_the_demo_finds_nothing_and_exits_0(demo_period):
    out = StringIO()
    call_command("check_data", "--period", "2021-H1", stdout=out)  # exit 1 would raise
    assert out.getvalue().strip() == "Ошибок: 0, предупреждений: 0."
    assert check_run(period=demo_period) == []


def test_the_demo_librarian_and_methodologist_open_their_home_pages(client, demo_period):
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    client.force_login(users.get(username="librarian-f4"))
    response = client.get("/")
    assert response.context["period"] == demo_period
    assert "Сдать данные" in response.content.decode()
    client.force_login(users.get(username="methodist"))
    rows = client.get("/").context["rows"]
    assert len(rows) == 9 and {row.state for row in rows} == {"draft"}
