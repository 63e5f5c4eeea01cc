"""Importing through the admin: preview first, then confirm; all or nothing."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from branches.models import ReportingPeriod
from events.models import Event, EventForm
from tests.dataio.conftest import workbook_bytes

IMPORT_URL = "/admin/events/event/import/"
CONFIRM_URL = "/admin/events/event/process_import/"
HEADERS = [
    "Библиотека", "Дата", "Название", "Форма", "Онлайн", "Выделить в отчёте", "Посвящено",
    "Аудитория", "Гости", "Участников", "Просмотров", "Ссылка", "Примечание", "Платформы",
    "Инициативы, программы",
]  # fmt: skip


def grant(user, *codenames):
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))


def event_row(library="cgb", date="05.03.2021", title="Викторина", form="Викторина", **extra):
    row = dict.fromkeys(HEADERS)
    row.update({"Библиотека": library, "Дата": date, "Название": title, "Форма": form})
    row.update(extra)
    return [row[h] for h in HEADERS]


def upload(client, data, name="events.xlsx"):
    """The upload, followed to its job's page: the tests' tasks run at once, so the
    page shows the finished check."""
    return client.post(
        IMPORT_URL,
        {"resource": "0", "format": "0", "import_file": SimpleUploadedFile(name, data)},
        follow=True,
    )


def confirm(client, response):
    form = response.context["confirm_form"]
    return client.post(CONFIRM_URL, {k: form.initial[k] for k in form.fields if k in form.initial})


@pytest.fixture
def librarian_client(client, librarian, period):
    grant(librarian, "add_event", "view_event", "change_event")
    client.force_login(librarian)
    return client


def test_preview_shows_each_row_as_new_and_saves_nothing_until_confirmed(librarian_client):
    data = workbook_bytes(
        {"Мероприятия": [HEADERS, event_row(), event_row(title="Акция", form="action")]}
    )
    response = upload(librarian_client, data)
    assert response.status_code == 200
    result = response.context["result"]
    assert not result.has_validation_errors()
    assert [row.import_type for row in result.valid_rows()] == ["new", "new"]
    assert response.context["confirm_form"] is not None
    assert not Event.objects.exists()

    done = confirm(librarian_client, response)
    assert done.status_code == 302
    assert sorted(Event.objects.values_list("title", flat=True)) == ["Акция", "Викторина"]


def test_imported_rows_keep_history_with_the_importing_user(librarian_client, librarian):
    data = workbook_bytes({"Мероприятия": [HEADERS, event_row(Платформы="Facebook; Instagram")]})
    confirm(librarian_client, upload(librarian_client, data))
    event = Event.objects.get()
    assert event.history.count() == 1
    assert event.history.first().history_user == librarian
    assert sorted(event.platforms.values_list("code", flat=True)) == ["facebook", "instagram"]


def test_one_bad_row_rejects_the_file_and_every_error_is_listed_by_row_and_column(
    librarian_client,
):
    data = workbook_bytes(
        {
            "Мероприятия": [
                HEADERS,
                event_row(),
                event_row(date="31.02.2021", form="Пляски"),
                event_row(date="05.09.2030", Участников=-3),
            ]
        }
    )
    response = upload(librarian_client, data)
    result = response.context["result"]
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    errors = {row.number: row.field_specific_errors for row in result.invalid_rows}
    assert set(errors) == {3, 4}  # Excel rows: the header is row 1
    assert "не дата" in errors[3]["Дата"][0]
    assert "«Пляски» нет в списке «формы мероприятий»" in errors[3]["Форма"][0]
    assert "не попадает ни в один отчётный период" in errors[4]["Дата"][0]
    assert "Участников" in errors[4]
    content = response.content.decode()
    assert "Пляски" in content and "Форма" in content
    assert not Event.objects.exists()


def test_a_librarian_cannot_import_rows_of_another_library(librarian_client, other_library):
    data = workbook_bytes({"Мероприятия": [HEADERS, event_row(library="f4")]})
    result = upload(librarian_client, data).context["result"]
    [row] = result.invalid_rows
    assert "только своей библиотеки (cgb)" in row.field_specific_errors["Библиотека"][0]
    assert not Event.objects.exists()


def test_a_confirm_that_would_now_fail_changes_nothing(librarian_client, period):
    # Another open half-year keeps the import offered (with every one approved it is
    # not offered at all: tests/admin/test_lock_banner.py).
    ReportingPeriod.objects.create(organization=period.organization, year=2021, half=2)
    data = workbook_bytes({"Мероприятия": [HEADERS, event_row(), event_row(title="Второе")]})
    preview = upload(librarian_client, data)
    assert preview.context["confirm_form"] is not None
    # Meanwhile the methodologist approves the period: its data is closed.
    ReportingPeriod.objects.filter(pk=period.pk).update(status="approved")

    response = confirm(librarian_client, preview)
    assert response.status_code == 302
    assert response["Location"] == preview.request["PATH_INFO"]  # the job's page
    assert not Event.objects.exists()
    page = librarian_client.get(response["Location"])
    assert "Импорт не выполнен" in page.content.decode()
    assert "Период «1 полугодие 2021 года» утверждён" in page.content.decode()  # and why


def test_a_row_identical_to_a_stored_one_is_refused(librarian_client, library):
    Event.objects.create(
        library=library, date=ReportingPeriod.objects.get().start, title="Викторина",
        form=EventForm.objects.get(code="quiz"),
    )  # fmt: skip
    data = workbook_bytes({"Мероприятия": [HEADERS, event_row(date="01.01.2021")]})
    result = upload(librarian_client, data).context["result"]
    [row] = result.invalid_rows
    assert "уже есть в базе" in row.non_field_specific_errors[0]
    assert Event.objects.count() == 1


def test_list_values_are_matched_by_name_or_code_in_any_case(librarian_client):
    data = workbook_bytes(
        {"Мероприятия": [HEADERS, event_row(form="QUIZ"), event_row(form="викторина", title="2")]}
    )
    confirm(librarian_client, upload(librarian_client, data))
    assert set(Event.objects.values_list("form__code", flat=True)) == {"quiz"}


def test_a_librarian_may_not_import_organization_wide_data(client, librarian):
    grant(librarian, "add_acquisitionbudget", "view_acquisitionbudget")
    client.force_login(librarian)
    assert client.get("/admin/holdings/acquisitionbudget/import/").status_code == 403


def test_the_methodologist_imports_for_any_library_of_the_organization(
    client, methodologist, other_library, period
):
    grant(methodologist, "add_event", "view_event")
    client.force_login(methodologist)
    data = workbook_bytes({"Мероприятия": [HEADERS, event_row(library="f4")]})
    confirm(client, upload(client, data))
    assert Event.objects.get().library == other_library


def test_the_methodologist_updates_a_list_by_code_and_adds_a_new_value(client, methodologist):
    client.force_login(methodologist)
    headers = ["Код", "Название (рус.)", "Название (каз.)", "Порядок", "Используется"]
    data = workbook_bytes(
        {
            "Формы мероприятий": [
                headers,
                ["quiz", "Викторина (онлайн)", "Викторина", 90, "да"],
                ["flashmob", "Флешмоб", "Флешмоб", 300, "да"],
            ]
        }
    )
    response = client.post(
        "/admin/events/eventform/import/",
        {"resource": "0", "format": "0", "import_file": SimpleUploadedFile("f.xlsx", data)},
        follow=True,
    )
    result = response.context["result"]
    assert [row.import_type for row in result.valid_rows()] == ["update", "new"]
    client.post("/admin/events/eventform/process_import/", response.context["confirm_form"].initial)
    assert EventForm.objects.get(code="quiz").name_ru == "Викторина (онлайн)"
    assert EventForm.objects.get(code="flashmob").history.count() == 1


def test_a_librarian_may_not_import_lists(client, librarian):
    client.force_login(librarian)
    assert client.get("/admin/events/eventform/import/").status_code == 403
