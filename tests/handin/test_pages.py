"""The home page and the overview in both languages, and who lands where."""

import datetime

from branches.handins import HandIn


def get(client, user, url="/", language="ru"):
    client.force_login(user)
    client.cookies["django_language"] = language
    return client.get(url)


def test_the_librarians_home_lists_each_kind_with_a_link_to_its_filtered_list(
    client, librarian, loop_data, library
):
    response = get(client, librarian)
    lines = {line.key: line for line in response.context["lines"]}
    assert lines["receipts"].count == 1
    assert lines["receipts"].last_change is not None
    (receipts,) = lines["receipts"].links
    assert receipts.list_url == (
        f"/admin/holdings/receipt/?library__id__exact={library.pk}&period={loop_data.pk}"
    )
    (online,) = lines["online"].links
    assert online.list_url.endswith(f"period__id__exact={loop_data.pk}")
    assert lines["events"].count == 0
    assert lines["events"].links[0].add_url == "/admin/events/event/add/"
    # Listed mentions and period totals share the «СМИ» column: both lists are linked.
    assert [link.add_url for link in lines["media"].links] == [
        "/admin/publications/mediamention/add/",
        "/admin/publications/mediamentiontotal/add/",
    ]
    text = response.content.decode()
    assert "Поступления" in text and 'class="missing"' in text


def test_the_home_page_speaks_kazakh(client, librarian, loop_data):
    text = get(client, librarian, language="kk").content.decode()
    assert '<html lang="kk">' in text
    assert "Деректерді тапсыру" in text and "Енгізілген деректер" in text
    assert "«Түсті, дана» – 300" in text
    assert "Сдать данные" not in text


def test_the_overview_speaks_kazakh(client, methodologist, loop_data):
    text = get(client, methodologist, language="kk").content.decode()
    assert "Кітапханалардың деректерді тапсыруы" in text
    assert "жоба" in text
    assert "Сдача данных библиотеками" not in text


def test_the_period_can_be_picked_and_another_organizations_is_a_404(
    client, librarian, loop_data, last_year, outsider
):
    response = get(client, librarian, f"/?period={last_year.pk}")
    assert response.context["period"] == last_year
    assert get(client, outsider, f"/?period={loop_data.pk}").status_code == 404


def test_the_completeness_page_marks_overdue_libraries(client, director, loop_data, library):
    loop_data.libraries_due = datetime.date(2021, 7, 10)
    loop_data.save()
    HandIn.objects.create(library=library, period=loop_data, state="submitted")
    response = get(client, director, "/dashboard/completeness/?period=2021-H1")
    states = response.context["handin_states"]
    assert states[library.pk]["overdue"] is False
    assert [s["overdue"] for pk, s in states.items() if pk != library.pk] == [True]
    assert "просрочено" in response.content.decode()


def test_a_user_without_a_profile_is_sent_to_the_dashboard(client, django_user_model):
    user = django_user_model.objects.create_user("nobody", password="pw")
    client.force_login(user)
    assert client.get("/").url == "/dashboard/"


def test_a_visitor_is_asked_to_log_in(client, db):
    assert client.get("/").url.startswith("/accounts/login/")


def test_every_link_of_the_home_page_opens_for_the_librarian(client, librarian, loop_data):
    response = get(client, librarian)
    links = [link for line in response.context["lines"] for link in line.links]
    assert len(links) >= 10
    for link in links:
        assert client.get(link.list_url).status_code == 200, link.list_url
        assert client.get(link.add_url).status_code == 200, link.add_url
    (receipts,) = [line for line in response.context["lines"] if line.key == "receipts"]
    assert client.get(receipts.links[0].list_url).context["cl"].result_count == 1
