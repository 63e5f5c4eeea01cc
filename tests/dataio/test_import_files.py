"""The admin import keeps an uploaded file only while its confirmation is possible:
a refused preview, a confirmation and a cancel delete it at once, a preview left
open is deleted once it is older than IMPORT_FILES_MAX_AGE_SECONDS, and nothing
outside the import folder is ever read or deleted."""

import os
import time

import pytest

from dataio.upload_storage import ImportFileStorage, import_files_sweep
from events.models import Event
from tests.dataio.conftest import workbook_bytes
from tests.dataio.test_admin_import import (
    CONFIRM_URL,
    HEADERS,
    IMPORT_URL,
    confirm,
    event_row,
    librarian_client,  # noqa: F401 (a fixture)
    upload,
)


@pytest.fixture(autouse=True)
def folder(settings, tmp_path):
    settings.IMPORT_FILES_DIR = tmp_path / "imports"
    return settings.IMPORT_FILES_DIR


def kept(folder) -> list[str]:
    return sorted(os.listdir(folder)) if folder.exists() else []


def good_file() -> bytes:
    return workbook_bytes({"Мероприятия": [HEADERS, event_row()]})


def test_a_preview_keeps_its_file_until_the_confirmation_deletes_it(librarian_client, folder):  # noqa: F811
    preview = upload(librarian_client, good_file())
    assert kept(folder) == [preview.context["job"].stored_name]
    assert confirm(librarian_client, preview).status_code == 302
    assert Event.objects.count() == 1
    assert kept(folder) == []


def test_a_refused_preview_keeps_no_file(librarian_client, folder):  # noqa: F811
    waiting = upload(librarian_client, good_file()).context["job"]
    bad = workbook_bytes({"Мероприятия": [HEADERS, event_row(date="31.02.2021")]})
    response = upload(librarian_client, bad)
    assert response.context["result"].has_validation_errors()
    assert "confirm_form" not in response.context
    assert kept(folder) == [waiting.stored_name]  # only the other preview's


def test_cancel_deletes_the_file_and_saves_nothing(librarian_client, folder):  # noqa: F811
    preview = upload(librarian_client, good_file())
    form = preview.context["confirm_form"]
    fields = {k: form.initial[k] for k in form.fields if k in form.initial}
    response = librarian_client.post(CONFIRM_URL, {**fields, "cancel": "1"}, follow=True)
    assert response.redirect_chain[-1][0] == IMPORT_URL
    assert "Импорт отменён: ничего не сохранено, файл удалён." in response.content.decode()
    assert kept(folder) == [] and not Event.objects.exists()
    librarian_client.cookies["django_language"] = "kk"
    assert "Импорттан бас тарту" in upload(librarian_client, good_file()).content.decode()


def test_a_preview_left_open_is_deleted_when_it_expires(librarian_client, folder, settings):  # noqa: F811
    upload(librarian_client, good_file())
    (left,) = kept(folder)
    hours_ago = time.time() - settings.IMPORT_FILES_MAX_AGE_SECONDS - 60
    os.utime(folder / left, (hours_ago, hours_ago))
    fresh = upload(librarian_client, good_file())  # any visit to an import page sweeps
    assert kept(folder) == [fresh.context["job"].stored_name]
    assert import_files_sweep(max_age=0) == 1


def test_a_forged_file_name_never_leaves_the_import_folder(tmp_path, folder):
    outside = tmp_path / "secret.txt"
    outside.write_text("не трогать")
    storage = ImportFileStorage(name="../secret.txt")
    assert os.path.dirname(storage.get_full_path()) == str(folder)
    storage.remove()
    assert outside.exists()
