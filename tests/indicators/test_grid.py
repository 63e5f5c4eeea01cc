"""The work log's month grid page (`/log/<library>/<YYYY-MM>/`): who reaches it, what
a save writes, and that a refused month changes nothing and names its cells."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from branches.handins import HandIn
from branches.models import ReportingPeriod
from indicators.grid import due_month
from indicators.models import WorkLogEntry
from indicators.models.worklog import COUNT_FIELDS

URL = "/log/cgb/2021-03/"


def day(n):
    return datetime.date(2021, 3, n)


def month_post(days: dict, span="day", key=lambda n: n) -> dict:
    """Every cell of March 2021 blank but `days` ({day: {field: value}})."""
    keys = ["month"] if span == "month" else range(1, 32)
    data = {"span": span}
    for n in keys:
        for name in (*COUNT_FIELDS, "note"):
            data[f"{name}-{n}"] = ""
    for n, figures in days.items():
        for name, value in figures.items():
            data[f"{name}-{n}"] = str(value)
    return data


def figures(users=5, children=2, visits=20, loans=30, kk=10, books=25):
    return {"users": users, "users_children": children, "visits": visits, "loans": loans,
            "loans_kk": kk, "loans_books": books, "references": 3}  # fmt: skip


# --- who reaches it ---------------------------------------------------------------


def test_a_librarian_opens_her_librarys_month(client, librarian, period):
    client.force_login(librarian)
    page = client.get(URL).content.decode()
    assert "Дневник работы: ЦГБ" in page
    assert 'name="visits-31"' in page and 'name="loans_electronic-1"' in page
    assert "Сохранить" in page and "следующий день" in page


def test_the_kazakh_page_names_the_library_by_its_kazakh_abbreviation(
    client, librarian, library, period
):
    library.short_name_kk = "ОҚК"
    library.save()
    client.force_login(librarian)
    page = client.get(URL, HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert "ОҚК" in page and "ЦГБ" not in page


def test_another_librarian_gets_a_404_for_that_library(client, other_librarian, library, period):
    client.force_login(other_librarian)
    assert client.get(URL).status_code == 404
    assert client.post(URL, month_post({2: figures()})).status_code == 404
    assert not WorkLogEntry.objects.exists()


def test_the_methodologist_opens_and_saves_any_library_of_her_cbs(
    client, methodologist, library, period
):
    client.force_login(methodologist)
    assert client.get(URL).status_code == 200
    response = client.post(URL, month_post({2: figures()}))
    assert response.status_code == 302
    assert WorkLogEntry.objects.get(library=library, date=day(2)).visits == 20


def test_the_director_reads_but_may_not_save(client, director, library, period):
    client.force_login(director)
    page = client.get(URL)
    assert page.status_code == 200 and "Сохранить" not in page.content.decode()
    assert client.post(URL, month_post({2: figures()})).status_code == 403
    assert not WorkLogEntry.objects.exists()


def test_another_organizations_methodologist_gets_a_404(client, outsider, library, period):
    client.force_login(outsider)
    assert client.get(URL).status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in(client, library, period):
    assert client.get(URL).status_code == 302


def test_log_takes_a_librarian_to_the_month_that_is_due(client, librarian, library, period):
    # 2021 H1 is the open half-year; January and February are filled, March is not.
    for month in (1, 2):
        WorkLogEntry.objects.create(
            library=library, date=datetime.date(2021, month, 1), span="month", visits=1
        )
    assert due_month(library, today=datetime.date(2021, 3, 10)) == (2021, 3)
    # After the half-year, the latest month with empty days: June.
    assert due_month(library, today=datetime.date(2021, 9, 1)) == (2021, 6)
    client.force_login(librarian)
    response = client.get("/log/")
    assert response.status_code == 302 and response["Location"].startswith("/log/cgb/2021-")


def test_the_home_page_and_the_admin_list_link_the_grid(client, librarian, period):
    client.force_login(librarian)
    assert 'href="/log/"' in client.get("/").content.decode()
    assert 'href="/log/"' in client.get("/admin/indicators/worklogentry/").content.decode()


# --- saving -------------------------------------------------------------------------


def test_a_save_adds_changes_and_removes_days_in_one_post(client, librarian, library, period):
    WorkLogEntry.objects.create(library=library, date=day(1), visits=7)
    WorkLogEntry.objects.create(library=library, date=day(9), visits=4)
    client.force_login(librarian)
    data = month_post({1: {"visits": 8}, 2: figures(), 3: figures(visits=11)})
    response = client.post(URL, data, follow=True)
    assert "добавлено дней — 2, исправлено — 1, удалено — 1" in response.content.decode()
    logged = dict(WorkLogEntry.objects.values_list("date", "visits"))
    assert logged == {day(1): 8, day(2): 20, day(3): 11}
    row = WorkLogEntry.objects.get(date=day(2))
    assert (row.users, row.loans_kk, row.references) == (5, 10, 3)
    assert row.history.first().history_user == librarian


def test_the_page_shows_the_stored_figures_and_totals(client, librarian, library, period):
    WorkLogEntry.objects.create(library=library, date=day(1), visits=7, loans=2)
    WorkLogEntry.objects.create(library=library, date=day(5), visits=3)
    client.force_login(librarian)
    page = client.get(URL).content.decode()
    assert 'name="visits-1" value="7"' in page and 'name="visits-2" value=""' in page
    assert '<td data-total="visits">10</td>' in page


def test_weekends_are_greyed_but_enterable(client, librarian, period):
    client.force_login(librarian)
    page = client.get(URL).content.decode()
    # 6 and 7 March 2021 are a Saturday and a Sunday.
    assert '<tr data-day="6" class="weekend">' in page and '<tr data-day="5">' in page
    assert 'name="visits-6" value="" data-stored="" data-field="visits" data-col' in page


def test_a_part_above_its_total_refuses_the_month_and_names_the_cell(
    client, librarian, library, period
):
    WorkLogEntry.objects.create(library=library, date=day(1), visits=7)
    client.force_login(librarian)
    data = month_post({1: {"visits": 9}, 2: figures(), 4: figures(visits=5, kk=40)})
    response = client.post(URL, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Месяц не сохранён, ничего не изменено" in page
    assert "04.03.2021, в т.ч. на казахском языке</a>: Выдано на казахском языке" in page
    assert 'href="#cell-loans_kk-4"' in page
    # What was typed is shown back, and nothing was written.
    assert 'name="visits-1" value="9"' in page
    assert list(WorkLogEntry.objects.values_list("date", "visits")) == [(day(1), 7)]


def test_type_and_rule_errors_come_in_one_answer(client, librarian, library, period):
    client.force_login(librarian)
    data = month_post({2: {"visits": "двадцать"}, 3: {"loans": "-4"}, 5: figures(children=9)})
    response = client.post(URL, data, headers={"Accept": "application/json"})
    assert response.status_code == 400
    problems = response.json()["problems"]
    assert [(p["cell"], p["where"]) for p in problems] == [
        ("visits-2", "02.03.2021, посещений"),
        ("loans-3", "03.03.2021, выдано документов"),
        ("users_children-5", "05.03.2021, в т.ч. дети до 14 лет"),
    ]
    assert not WorkLogEntry.objects.exists()


@pytest.mark.parametrize("how", ["approved", "handed_in", "outside"])
def test_a_closed_month_changes_nothing(client, librarian, library, period, how):
    WorkLogEntry.objects.create(library=library, date=day(1), visits=7)
    if how == "approved":
        ReportingPeriod.objects.filter(pk=period.pk).update(status="approved")
    elif how == "handed_in":
        HandIn.objects.create(library=library, period=period, state=HandIn.State.SUBMITTED)
    client.force_login(librarian)
    url = "/log/cgb/2021-08/" if how == "outside" else URL
    if how == "outside":
        data = month_post({2: figures()})
    else:
        data = month_post({1: {"visits": 9}, 2: figures()})
    response = client.post(url, data)
    assert response.status_code == 400
    page = response.content.decode()
    expected = {
        "approved": "Период «1 полугодие 2021 года» утверждён",
        "handed_in": "Данные библиотеки за 1 полугодие 2021 года сданы",
        "outside": "не попадает ни в один отчётный период",
    }[how]
    assert expected in page and "02.03.2021" in page or "02.08.2021" in page
    assert list(WorkLogEntry.objects.values_list("date", "visits")) == [(day(1), 7)]
    assert expected in client.get(url).content.decode()  # said before typing, too


def test_a_month_kept_as_one_total_is_shown_and_edited_as_such(client, librarian, library, period):
    WorkLogEntry.objects.create(library=library, date=day(1), span="month", visits=300)
    client.force_login(librarian)
    page = client.get(URL).content.decode()
    assert 'name="visits-month" value="300"' in page and 'name="visits-2"' not in page
    assert "за месяц" in page
    response = client.post(URL, month_post({"month": {"visits": 310}}, span="month"))
    assert response.status_code == 302
    assert list(WorkLogEntry.objects.values_list("span", "visits")) == [("month", 310)]


def test_days_are_refused_while_the_month_is_kept_as_a_total(client, librarian, library, period):
    WorkLogEntry.objects.create(library=library, date=day(1), span="month", visits=300)
    client.force_login(librarian)
    response = client.post(URL, month_post({2: figures()}))
    assert response.status_code == 400
    assert "уже внесён итог месяца одной строкой" in response.content.decode()
    assert WorkLogEntry.objects.count() == 1


def test_the_page_speaks_kazakh(client, librarian, period):
    client.force_login(librarian)
    with translation.override("kk"):
        page = client.get(URL, headers={"Accept-Language": "kk"}).content.decode()
    assert "Жұмыс күнделігі" in page or "күнделі" in page
    assert "келесі күн" in page and "Сақтау" in page


# --- queries ---------------------------------------------------------------------------


def _queries_to_save(client, days: int, visits: int = 20) -> int:
    data = month_post({n: figures(visits=visits) for n in range(1, days + 1)})
    with CaptureQueriesContext(connection) as queries:
        response = client.post(URL, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return len(queries)


def test_saving_does_not_take_more_queries_for_more_days(client, librarian, library, period):
    client.force_login(librarian)
    added_ten = _queries_to_save(client, 10)
    changed_ten = _queries_to_save(client, 10, visits=21)
    WorkLogEntry.objects.all().delete()
    added_month = _queries_to_save(client, 31)
    changed_month = _queries_to_save(client, 31, visits=21)
    assert (added_month, changed_month) == (added_ten, changed_ten)
    assert added_month <= 25 and changed_month <= 32
    assert set(WorkLogEntry.objects.values_list("visits", flat=True)) == {21}
    assert WorkLogEntry.objects.count() == 31


def test_the_month_sheet_page_opens_on_the_month_that_is_due(client, librarian, library, period):
    # 2021 H1 is open and long past: its latest month with empty days is June.
    client.force_login(librarian)
    form = client.get("/admin/indicators/worklogentry/month-sheet/").context["form"]
    assert (form["year"].value(), form["month"].value()) == (2021, 6)
