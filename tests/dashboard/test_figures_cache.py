"""The dashboard's and the report's figures are computed once per data version:
a second look reads no data, and any write to the organization's data (a row, a
deletion, a list, a many-to-many link, an import) shows at the next look."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from dashboard import views
from holdings.models import FundingSource, Receipt

DATA_TABLES = ("holdings_", "events_", "catalogue_", "digitization_", "publications_")


def data_reads(queries) -> list[str]:
    return [q["sql"] for q in queries if any(f'"{t}' in q["sql"] for t in DATA_TABLES)]


def card(response, key):
    return next(c for c in response.context["cards"] if c.key == key)


def look(client, user, url="/dashboard/?period=2021-H1"):
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, queries


def test_a_second_look_at_the_dashboard_reads_no_data(client, director, half_year):
    first, first_queries = look(client, director)
    assert len(data_reads(first_queries)) > 10  # (2020-H1, the base, has no data: not read)
    second, second_queries = look(client, director)
    assert data_reads(second_queries) == []
    assert card(first, "received").value == 500
    # The body comes whole from the cache: the same page, figures and all.
    assert main(second) == main(first)
    assert "cards" not in second.context  # nothing was computed for it


def main(response) -> str:
    text = response.content.decode()
    return text[text.index("<main") : text.index("</main>")]


def test_the_warm_page_reads_only_who_is_asking_and_the_cache(client, director, half_year):
    look(client, director)
    _second, queries = look(client, director)
    tables = [q["sql"].rsplit(" FROM ", 1)[1].split()[0] for q in queries if " FROM " in q["sql"]]
    assert tables == [
        '"django_session"', '"auth_user"', '"branches_staffprofile"',
        '"cbs_cache"',  # the data version and the page's body, in one read
    ]  # fmt: skip


def receive_25(library) -> Receipt:
    """A gift of 25 copies (5 in Kazakh) in April 2021: «received» goes from 500 to 525."""
    return Receipt.objects.create(
        library=library, date=datetime.date(2021, 4, 1),
        source=FundingSource.objects.get(code="gift"), copies=25, copies_kk=5,
    )  # fmt: skip


def test_a_new_receipt_shows_at_the_next_look(client, director, half_year, library):
    look(client, director)
    receive_25(library)
    response, queries = look(client, director)
    assert card(response, "received").value == 525
    assert data_reads(queries)


def test_a_receipt_deleted_through_a_queryset_shows_at_the_next_look(
    client, director, half_year, library
):
    look(client, director)
    Receipt.objects.filter(library=library, date__year=2021).delete()
    response, _queries = look(client, director)
    assert card(response, "received").value == 200


def test_the_library_page_and_each_language_are_cached_apart(client, director, half_year):
    organization_page, _q = look(client, director)
    library_page, _q = look(client, director, "/dashboard/library/f4/?period=2021-H1")
    assert card(organization_page, "received").value == 500
    assert card(library_page, "received").value == 200
    client.cookies["django_language"] = "kk"
    kazakh, _q = look(client, director)
    assert kazakh.context["span_label"] != organization_page.context["span_label"]


def test_while_another_request_computes_after_a_write_the_page_of_a_moment_before_shows(
    client, director, half_year, library
):
    """Right after a write every open dashboard asks at once: one request computes, the
    others get the page as it was (saying so, and reloading itself) instead of waiting;
    once nobody is computing, the next look computes and shows the write."""
    from unittest import mock

    from django.core.cache import cache

    before, _queries = look(client, director)
    receive_25(library)
    real_add = cache.add
    busy = []

    def another_request_computes(key, *args, **kwargs):
        if key.endswith(":computing"):
            busy.append(key)
            return False  # the lock of the new version is taken by somebody else
        return real_add(key, *args, **kwargs)

    with mock.patch.object(cache, "add", side_effect=another_request_computes):
        stale, queries = look(client, director)
    assert busy, "the page looked for the computing lock"
    assert data_reads(queries) == []
    text = stale.content.decode()
    assert "Данные только что изменились" in text
    assert '<meta http-equiv="refresh" content="3">' in text
    assert "cards" not in stale.context  # nothing computed: the previous body
    notice = main(stale).index('<p class="updating"')
    assert main(stale)[:notice] + main(stale)[main(stale).index("</p>", notice) + 4 :] == main(
        before
    )  # the page as it was before the write, figures and all

    fresh, queries = look(client, director)
    assert card(fresh, "received").value == 525
    assert "Данные только что изменились" not in fresh.content.decode()
    assert "http-equiv" not in fresh.content.decode()


def test_the_updating_notice_speaks_kazakh(client, director, half_year, library):
    from unittest import mock

    from django.core.cache import cache

    look(client, director)
    receive_25(library)
    client.cookies["django_language"] = "kk"
    look(client, director)  # the Kazakh page, computed once
    Receipt.objects.filter(copies=25).delete()
    with mock.patch.object(cache, "add", return_value=False):
        response = client.get("/dashboard/?period=2021-H1")
    assert "Деректер жаңа ғана өзгерді" in response.content.decode()


def test_a_deploy_that_changes_the_templates_renders_the_page_anew(
    client, director, half_year, monkeypatch
):
    """The cached body is keyed by the templates' digest: after a deploy that changes
    how the page looks, the next look renders it with the new templates."""
    look(client, director)
    _warm, _queries = look(client, director)
    assert "cards" not in _warm.context  # served whole from the cache
    monkeypatch.setattr(views, "TEMPLATES_VERSION", "another-release")
    fresh, _queries = look(client, director)
    assert "cards" in fresh.context  # rendered again, not the old layout
    assert card(fresh, "received").value == 500
