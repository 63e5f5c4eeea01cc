"""Each result of the edit checks links to the admin lists of the rows behind it,
filtered to its library and the half-year (issue 24: «Посещения +127%» led nowhere)."""

import datetime

from django.utils.html import escape

from branches.checks import handin_checks
from branches.kinds import kind_by_code
from branches.models import ReportingPeriod
from figures.checks import compared_figures
from handin.checks import check_run
from handin.kinds import attach_row_links
from indicators.models import WorkLogEntry

D = datetime.date


def get(client, user, url="/"):
    client.force_login(user)
    return client.get(url)


def rows_of(client, url):
    """The rows a changelist lists; a refused filter would redirect to «?e=1»."""
    response = client.get(url)
    assert response.status_code == 200, url
    return list(response.context["cl"].queryset)


def test_visits_up_127_percent_link_to_the_work_log_of_that_library_and_half_year(
    client, librarian, library, other_library, period, last_year
):
    ReportingPeriod.objects.create(organization=period.organization, year=2021, half=2)
    WorkLogEntry.objects.create(library=library, date=D(2020, 2, 3), users=5, visits=100)
    WorkLogEntry.objects.create(library=library, date=D(2021, 2, 3), users=5, visits=200)
    WorkLogEntry.objects.create(library=library, date=D(2021, 5, 4), users=5, visits=27)
    WorkLogEntry.objects.create(library=library, date=D(2021, 8, 4), users=5, visits=900)
    response = get(client, librarian, f"/?period={period.pk}")
    (visits,) = [
        r for r in response.context["results"] if r.code == "changed_much" and r.subject == "visits"
    ]
    assert "+127%" in visits.message()
    (link,) = visits.links
    assert link.label == "Дневник работы"
    assert link.list_url == (
        f"/admin/indicators/worklogentry/?library__id__exact={library.pk}&period={period.pk}"
    )
    assert escape(link.list_url) in response.content.decode()
    rows = rows_of(client, link.list_url)
    assert sorted(row.visits for row in rows) == [27, 200]  # not last year's, not H2's


def test_every_result_of_the_overview_links_to_lists_that_open_filtered(
    client, methodologist, flawed_data, library, other_library
):
    response = get(client, methodologist)
    results = [r for row in response.context["rows"] for r in row.results]
    results += response.context["organization_results"]
    assert {r.code for r in results} == {c.code for c in handin_checks()}
    period = flawed_data
    for result in results:
        assert result.links, result.key
        for link in result.links:
            for row in rows_of(client, link.list_url):
                if result.library is not None and hasattr(row, "library"):
                    assert row.library == result.library, (result.key, link.list_url)
                if hasattr(row, "period_id"):
                    assert row.period_id == period.pk, (result.key, link.list_url)
                elif hasattr(row, "date") and "period=" in link.list_url:
                    assert period.start <= row.date <= period.end, (result.key, link.list_url)
    (fell,) = [r for r in results if r.code == "catalogue_fell"]
    assert [len(rows_of(client, link.list_url)) for link in fell.links] == [2]
    (plan,) = [r for r in results if r.code == "digitization_below_plan"]
    assert [link.label for link in plan.links] == ["Планы оцифровки", "Оцифрованные документы"]


def test_the_librarian_gets_links_into_her_own_library_only(
    client, librarian, other_librarian, flawed_data, library, other_library
):
    for user, own in ((librarian, library), (other_librarian, other_library)):
        results = get(client, user).context["results"]
        assert results and all(r.library == own for r in results)
        links = [link for r in results for link in r.links]
        assert links
        for link in links:
            assert f"library__id__exact={own.pk}" in link.list_url
            assert rows_of(client, link.list_url) is not None
    # Another library's list asked for by hand shows none of its rows: the admin's scoping.
    stranger = links[0].list_url.replace(
        f"library__id__exact={other_library.pk}", f"library__id__exact={library.pk}"
    )
    assert stranger != links[0].list_url
    assert rows_of(client, stranger) == []


def test_a_list_the_user_may_not_view_is_not_linked(librarian, methodologist, flawed_data):
    def plan_links(user):
        results = attach_row_links(check_run(period=flawed_data), period=flawed_data, user=user)
        (plan,) = [r for r in results if r.code == "digitization_below_plan"]
        return [link.list_url.split("?")[0] for link in plan.links]

    assert plan_links(methodologist) == [
        "/admin/digitization/digitizationplan/",
        "/admin/digitization/digitizeddocument/",
    ]
    # The plan is the ЦБС's record: a librarian may not open its list.
    assert plan_links(librarian) == ["/admin/digitization/digitizeddocument/"]


def test_every_edit_check_and_compared_figure_names_the_rows_behind_it(db):
    for check in handin_checks():
        assert check.rows, f"{check.code} declares no rows"
        if not callable(check.rows):
            assert all(kind_by_code(code) for code in check.rows)
    for figure in compared_figures():
        assert figure.kinds, f"{figure.key} names no kind"
        assert all(kind_by_code(code) for code in figure.kinds)
