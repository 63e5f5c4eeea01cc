"""Entering the work log, plans and network states in admin, as a librarian and the methodologist."""

from indicators.models import IndicatorPlan, StaffState, WorkLogEntry
from tests.admin.posting import admin_url, form_errors, post_add


def day_row(library, **figures):
    data = {"library": library.pk, "date": "15.03.2021", "span": "day"}
    data.update({name: 0 for name in ("users", "users_children", "users_youth")})
    data.update(
        {
            name: 0
            for name in (
                "users_remote",
                "visits",
                "visits_events",
                "visits_remote",
                "loans",
                "loans_kk",
                "loans_books",
                "loans_periodicals",
                "loans_electronic",
                "references",
            )
        }  # fmt: skip
    )
    data.update(figures)
    return data


def test_a_librarian_logs_a_day(client, librarian, library, period):
    client.force_login(librarian)
    response = post_add(client, WorkLogEntry, day_row(library, users=3, visits=40, loans=77))
    assert response.status_code == 302
    row = WorkLogEntry.objects.get()
    assert (row.library, row.users, row.visits, row.loans) == (library, 3, 40, 77)
    assert row.history.get().history_user == librarian


def test_children_and_youth_above_users_get_a_russian_message_next_to_the_field_and_save_nothing(
    client, librarian, library, period
):
    client.force_login(librarian)
    response = post_add(
        client, WorkLogEntry, day_row(library, users=3, users_children=2, users_youth=2)
    )
    form = response.context["adminform"].form
    assert form.errors["users_children"] == [
        "Детей до 14 лет и молодёжи 15–30 лет вместе не может быть больше, "
        "чем всего записано пользователей."
    ]
    assert not WorkLogEntry.objects.exists()


def test_a_kazakh_librarian_reads_the_message_in_kazakh(client, librarian, library, period):
    client.force_login(librarian)
    client.post("/i18n/setlang/", {"language": "kk", "next": "/admin/"})
    errors = form_errors(
        post_add(client, WorkLogEntry, day_row(library, visits=1, visits_events=2))
    )
    assert errors == ["Іс-шараларға келу саны барлық келу санынан көп бола алмайды."]
    assert not WorkLogEntry.objects.exists()


def test_a_librarian_cannot_log_another_librarys_day(
    client, librarian, library, other_library, period
):
    client.force_login(librarian)
    errors = form_errors(post_add(client, WorkLogEntry, day_row(other_library, visits=1)))
    assert any("Выберите корректный вариант" in e for e in errors)
    assert not WorkLogEntry.objects.exists()


def test_a_librarian_reads_their_plan_but_sets_none(client, librarian, library, other_library):
    mine = IndicatorPlan.objects.create(library=library, year=2021, visits=1000)
    IndicatorPlan.objects.create(library=other_library, year=2021, visits=555)
    client.force_login(librarian)
    listing = client.get(admin_url(IndicatorPlan, "changelist"))
    assert list(listing.context["cl"].result_list) == [mine]
    assert client.get(admin_url(IndicatorPlan, "add")).status_code == 403


def test_the_methodologist_sets_a_plan(client, methodologist, library):
    client.force_login(methodologist)
    data = {"library": library.pk, "year": 2021, "half": "", "users": 100, "visits": 1000,
            "loans": 2000}  # fmt: skip
    assert post_add(client, IndicatorPlan, data).status_code == 302
    errors = form_errors(post_add(client, IndicatorPlan, data))
    assert "Годовой план этой библиотеки на этот год уже внесён: измените ту запись." in errors
    assert IndicatorPlan.objects.count() == 1


def test_staff_posts_typed_with_a_comma_in_quarters(client, librarian, library):
    client.force_login(librarian)
    data = {"library": library.pk, "date": "01.01.2021", "persons": 3, "posts": "2,75"}
    data.update(
        {
            name: 0
            for name in (
                "higher_education",
                "secondary_education",
                "age_under_30",
                "age_30_55",
                "age_over_55",
                "service_under_3",
                "service_3_10",
                "service_over_10",
            )
        }  # fmt: skip
    )
    assert post_add(client, StaffState, data).status_code == 302
    errors = form_errors(
        post_add(client, StaffState, {**data, "date": "02.01.2021", "posts": "2,3"})
    )
    assert errors == ["Штатные единицы вносятся четвертями ставки: 0,25; 0,5; 0,75; 1; 1,25…"]
    assert StaffState.objects.count() == 1
