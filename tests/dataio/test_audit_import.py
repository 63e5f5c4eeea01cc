"""Hand-made requests at the import and template doors (see tests/admin/test_audit_doors.py)."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from events.models import Event
from tests.dataio.conftest import read_workbook, workbook_bytes
from tests.dataio.test_admin_import import CONFIRM_URL, HEADERS, IMPORT_URL, event_row, upload

TEMPLATE_URL = "/admin/events/event/import-template/"


def grant(user, *codenames):
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))


@pytest.fixture
def librarian_client(client, librarian, period):
    grant(librarian, "add_event", "view_event", "change_event")
    client.force_login(librarian)
    return client


def confirm_data(preview, **forged):
    form = preview.context["confirm_form"]
    return {**{k: form.initial[k] for k in form.fields if k in form.initial}, **forged}


def test_a_confirm_naming_another_users_job_is_a_404_and_saves_nothing(
    librarian_client, django_user_model, organization, library
):
    """The confirm form's hidden job id is the user's to edit: only her own jobs are found,
    not even a colleague's of the same library."""
    from django.test import Client

    from branches.scoping import LIBRARIAN
    from tests.conftest import make_user

    preview = upload(librarian_client, workbook_bytes({"Мероприятия": [HEADERS, event_row()]}))
    colleague = make_user(django_user_model, "lib-cgb-2", LIBRARIAN, organization, library)
    grant(colleague, "add_event", "view_event")
    client = Client()
    client.force_login(colleague)
    data = confirm_data(preview)
    assert client.post(CONFIRM_URL, data).status_code == 404
    assert client.post(CONFIRM_URL, {**data, "cancel": "1"}).status_code == 404
    assert client.get(preview.request["PATH_INFO"]).status_code == 404
    assert not Event.objects.exists()


def test_confirming_twice_says_so_in_russian_instead_of_failing(librarian_client):
    preview = upload(librarian_client, workbook_bytes({"Мероприятия": [HEADERS, event_row()]}))
    data = confirm_data(preview)
    assert librarian_client.post(CONFIRM_URL, data).status_code == 302
    again = librarian_client.post(CONFIRM_URL, data, follow=True)
    assert again.status_code == 200
    assert "Этот файл уже импортирован" in again.content.decode()
    assert Event.objects.count() == 1


@pytest.mark.parametrize("forged", [{"job": "x"}, {"job": ""}, {"job": "../../etc/passwd"}, {}])
def test_a_forged_job_id_is_refused_not_a_500(librarian_client, forged):
    preview = upload(librarian_client, workbook_bytes({"Мероприятия": [HEADERS, event_row()]}))
    data = {**confirm_data(preview), **forged}
    if not forged:
        data = {}
    response = librarian_client.post(CONFIRM_URL, data, follow=True)
    assert response.status_code == 200
    assert "Ничего не сохранено; загрузите файл снова" in response.content.decode()
    assert not Event.objects.exists()


def test_an_unknown_job_id_is_a_404(librarian_client):
    import uuid

    response = librarian_client.post(CONFIRM_URL, {"job": str(uuid.uuid4())})
    assert response.status_code == 404
    assert librarian_client.get(f"{IMPORT_URL}{uuid.uuid4()}/").status_code == 404


def test_an_outsider_cannot_import_into_a_library_of_another_organization(
    client, outsider, library, period
):
    grant(outsider, "add_event", "view_event")
    client.force_login(outsider)
    preview = upload(client, workbook_bytes({"Мероприятия": [HEADERS, event_row(library="cgb")]}))
    assert preview.context.get("confirm_form") is None
    [row] = preview.context["result"].invalid_rows
    assert "Библиотека" in row.field_specific_errors
    assert not Event.objects.exists()


@pytest.mark.parametrize("who", ["director", "no_profile"])
def test_who_may_not_import_gets_no_import_page_and_no_template(
    request, client, django_user_model, who
):
    if who == "no_profile":
        user = django_user_model.objects.create_user("nobody", password="pw", is_staff=True)
        grant(user, "add_event", "view_event")
    else:
        user = request.getfixturevalue(who)
    client.force_login(user)
    assert client.get(IMPORT_URL).status_code == 403
    assert client.get(TEMPLATE_URL).status_code == 403
    upload_response = client.post(
        IMPORT_URL,
        {"resource": "0", "format": "0", "import_file": SimpleUploadedFile("e.xlsx", b"x")},
        follow=True,
    )
    assert upload_response.status_code == 403


def test_the_outsiders_template_offers_only_their_own_libraries(
    client, outsider, library, other_library, other_organization
):
    from branches.models import Library

    Library.objects.create(
        organization=other_organization, code="far", kind="branch", short_name="Ф", name_ru="Ф"
    )
    grant(outsider, "add_event", "view_event")
    client.force_login(outsider)
    book = read_workbook(client.get(TEMPLATE_URL).content)
    cells = {str(v) for rows in book.values() for row in rows for v in row if v is not None}
    assert "far" in cells
    assert not {"cgb", "f4"} & cells
