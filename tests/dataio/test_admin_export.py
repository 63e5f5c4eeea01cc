"""Exports give exactly the rows the user may see, whatever the request carries."""

import codecs
import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission

from events.models import Event
from tests.dataio.conftest import read_workbook

EXPORT_URL = "/admin/events/event/export/"
CHANGELIST_URL = "/admin/events/event/"


def grant(user, *codenames):
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))


def exported_libraries(response) -> list[str]:
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    [rows] = read_workbook(response.content).values()
    assert rows[0][0] == "Библиотека"
    return [row[0] for row in rows[1:]]


@pytest.fixture
def librarian_client(client, librarian, sample_data):
    grant(librarian, "view_event", "add_event", "change_event")
    client.force_login(librarian)
    return client


def test_a_librarian_exports_only_their_library(librarian_client):
    response = librarian_client.post(EXPORT_URL, {"format": "0", "resource": "0"})
    assert exported_libraries(response) == ["cgb"]


def test_a_filter_naming_another_library_does_not_leak_it(librarian_client, other_library):
    url = f"{EXPORT_URL}?library__id__exact={other_library.pk}"
    response = librarian_client.post(url, {"format": "0", "resource": "0"})
    assert "f4" not in exported_libraries(response)


def test_a_filter_on_a_field_path_does_not_leak_either(librarian_client, other_library):
    url = f"{EXPORT_URL}?library__code=f4"
    response = librarian_client.post(url, {"format": "0", "resource": "0"})
    # Not a filter of this admin: Django refuses the lookup outright.
    assert response.status_code == 400


def test_forged_ids_in_the_export_selected_form_export_nothing_of_another_library(
    librarian_client, other_library
):
    foreign = list(Event.objects.filter(library=other_library).values_list("pk", flat=True))
    own = list(Event.objects.exclude(library=other_library).values_list("pk", flat=True))
    response = librarian_client.post(
        EXPORT_URL,
        {"format": "0", "resource": "0", "export_items": [str(pk) for pk in foreign + own]},
    )
    # The ids are checked against the user's own rows: the form is refused, no file.
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "export_items" in response.context["form"].errors


def test_only_forged_ids_export_no_foreign_row(librarian_client, other_library):
    foreign = list(Event.objects.filter(library=other_library).values_list("pk", flat=True))
    response = librarian_client.post(
        EXPORT_URL, {"format": "0", "resource": "0", "export_items": [str(p) for p in foreign]}
    )
    assert response["Content-Type"].startswith("text/html")
    assert "export_items" in response.context["form"].errors


def test_the_export_selected_action_ignores_selected_ids_of_another_library(
    librarian_client, other_library
):
    foreign = list(Event.objects.filter(library=other_library).values_list("pk", flat=True))
    response = librarian_client.post(
        CHANGELIST_URL,
        {"action": "export_admin_action", "_selected_action": [str(p) for p in foreign]},
    )
    # The action selects from the scoped changelist: the export form it renders
    # carries none of the foreign ids.
    assert response.status_code == 200
    assert response.context["form"].initial["export_items"] == []
    for pk in foreign:
        assert f'value="{pk}"' not in response.content.decode()


def test_the_export_selected_action_exports_the_own_rows(librarian_client, library):
    own = list(Event.objects.filter(library=library).values_list("pk", flat=True))
    page = librarian_client.post(
        CHANGELIST_URL, {"action": "export_admin_action", "_selected_action": own}
    )
    assert page.status_code == 200
    response = librarian_client.post(
        EXPORT_URL, {"format": "0", "resource": "0", "export_items": [str(p) for p in own]}
    )
    assert exported_libraries(response) == ["cgb"]


def test_the_methodologist_exports_every_library(client, methodologist, sample_data):
    grant(methodologist, "view_event")
    client.force_login(methodologist)
    response = client.post(EXPORT_URL, {"format": "0", "resource": "0"})
    assert sorted(exported_libraries(response)) == ["cgb", "f4"]


def test_an_outsider_exports_nothing_of_another_organization(client, outsider, sample_data):
    grant(outsider, "view_event")
    client.force_login(outsider)
    response = client.post(EXPORT_URL, {"format": "0", "resource": "0"})
    assert exported_libraries(response) == []


def test_export_writes_dates_and_numbers_as_values(client, methodologist, sample_data):
    grant(methodologist, "view_event")
    client.force_login(methodologist)
    response = client.post(EXPORT_URL, {"format": "0", "resource": "0"})
    [rows] = read_workbook(response.content).values()
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Дата"].strftime("%d.%m.%Y") == "12.06.2021"
    assert row["Участников"] == 25


def test_csv_export_opens_in_russian_excel_with_dates_as_dd_mm_yyyy(
    client, methodologist, sample_data
):
    grant(methodologist, "view_event")
    client.force_login(methodologist)
    response = client.post(EXPORT_URL, {"format": "1", "resource": "0"})
    # Russian Excel splits on «;» and needs the byte-order mark to read UTF-8.
    assert response.content.startswith(codecs.BOM_UTF8)
    text = response.content.decode("utf-8-sig")
    assert "12.06.2021" in text
    assert io.StringIO(text).readline().startswith("Библиотека;Дата;Название")


def test_a_text_starting_with_equals_is_exported_as_text_never_as_a_formula(
    client, methodologist, sample_data
):
    Event.objects.filter(library__code="cgb").update(title='=HYPERLINK("http://x")')
    grant(methodologist, "view_event")
    client.force_login(methodologist)
    response = client.post(EXPORT_URL, {"format": "0", "resource": "0"})
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    cells = [
        c for row in book.active.iter_rows() for c in row if c.value == '=HYPERLINK("http://x")'
    ]
    assert cells and all(c.data_type == "s" for c in cells)


def test_an_admin_export_imports_back_into_an_emptied_table(client, methodologist, sample_data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    grant(methodologist, "view_event", "add_event", "delete_event")
    client.force_login(methodologist)
    exported = client.post(EXPORT_URL, {"format": "0", "resource": "0"}).content
    before = read_workbook(exported)
    Event.objects.all().delete()
    preview = client.post(
        "/admin/events/event/import/",
        {"resource": "0", "format": "0", "import_file": SimpleUploadedFile("e.xlsx", exported)},
        follow=True,
    )
    client.post("/admin/events/event/process_import/", preview.context["confirm_form"].initial)
    again = client.post(EXPORT_URL, {"format": "0", "resource": "0"}).content
    assert read_workbook(again) == before
    assert list(read_workbook(again)) == ["Мероприятия"]


def test_a_csv_export_never_hands_excel_a_formula_and_reads_back_the_same(
    client, methodologist, sample_data
):
    """CSV injection: Excel runs a cell starting with =, +, - or @ when it opens a CSV."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    title = '=HYPERLINK("http://x")'
    Event.objects.filter(library__code="cgb").update(title=title)
    grant(methodologist, "view_event", "add_event", "delete_event")
    client.force_login(methodologist)
    exported = client.post(EXPORT_URL, {"format": "1", "resource": "0"}).content
    text = exported.decode("utf-8-sig")
    assert ';"\'=HYPERLINK(""http://x"")";' in text or ";'=HYPERLINK" in text
    assert ";=HYPERLINK" not in text

    Event.objects.all().delete()
    preview = client.post(
        "/admin/events/event/import/",
        {"resource": "0", "format": "0", "import_file": SimpleUploadedFile("e.csv", exported)},
        follow=True,
    )
    assert preview.context.get("confirm_form"), preview.content.decode()[-3000:]
    done = client.post(
        "/admin/events/event/process_import/", preview.context["confirm_form"].initial, follow=True
    )
    assert Event.objects.filter(title=title).exists(), [str(m) for m in done.context["messages"]]
