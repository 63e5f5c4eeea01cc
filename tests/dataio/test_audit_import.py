"""Hand-made requests at the import and template doors (see tests/admin/test_audit_doors.py)."""

import os
import tempfile

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from dataio.upload_storage import import_folder
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


def test_a_confirm_naming_a_file_of_another_librarys_rows_saves_nothing(
    librarian_client, other_library
):
    """The confirm form's hidden file name is the user's to edit: whatever file it
    names is checked again as the user's own import."""
    preview = upload(librarian_client, workbook_bytes({"Мероприятия": [HEADERS, event_row()]}))
    # A file in the import folder (dataio/upload_storage.py): nothing outside it is read.
    with tempfile.NamedTemporaryFile(delete=False, suffix=".xlsx", dir=import_folder()) as forged:
        forged.write(workbook_bytes({"Мероприятия": [HEADERS, event_row(library="f4")]}))
    data = confirm_data(preview, import_file_name=os.path.basename(forged.name))
    response = librarian_client.post(CONFIRM_URL, data, follow=True)
    assert response.status_code == 200
    assert "Импорт не выполнен" in response.content.decode()
    assert not Event.objects.exists()


def test_confirming_twice_says_so_in_russian_instead_of_failing(librarian_client):
    preview = upload(librarian_client, workbook_bytes({"Мероприятия": [HEADERS, event_row()]}))
    data = confirm_data(preview)
    assert librarian_client.post(CONFIRM_URL, data).status_code == 302
    again = librarian_client.post(CONFIRM_URL, data, follow=True)
    assert again.status_code == 200
    assert "Этот файл уже импортирован" in again.content.decode()
    assert Event.objects.count() == 1


def test_a_forged_file_that_is_no_table_is_refused_not_a_500(librarian_client):
    preview = upload(librarian_client, workbook_bytes({"Мероприятия": [HEADERS, event_row()]}))
    with tempfile.NamedTemporaryFile(delete=False, suffix=".txt") as forged:
        forged.write(b"not a table")
    data = confirm_data(preview, import_file_name=os.path.basename(forged.name))
    response = librarian_client.post(CONFIRM_URL, data, follow=True)
    os.remove(forged.name)
    assert "Ничего не сохранено; загрузите файл снова" in response.content.decode()
    assert not Event.objects.exists()


@pytest.mark.parametrize("forged", [{"format": "7"}, {"format": "x"}, {"resource": "5"}])
def test_a_forged_format_or_resource_is_refused_not_a_500(librarian_client, forged):
    preview = upload(librarian_client, workbook_bytes({"Мероприятия": [HEADERS, event_row()]}))
    response = librarian_client.post(CONFIRM_URL, confirm_data(preview, **forged), follow=True)
    assert response.status_code == 200
    assert "Ничего не сохранено; загрузите файл снова" in response.content.decode()
    assert not Event.objects.exists()


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
