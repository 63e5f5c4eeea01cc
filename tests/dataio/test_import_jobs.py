"""The admin import as a job run by the task worker: its page while the worker has not
finished (a progress bar that refreshes itself), after a reload, after the worker; the
save that checks everything again; the files that go on cancel, refusal and expiry."""

import datetime
import os
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from branches.handins import HandIn
from dataio.jobs import job_run, progress_write
from dataio.models import ImportJob
from events.models import Event
from tests.dataio.conftest import workbook_bytes
from tests.dataio.test_admin_import import (
    CONFIRM_URL,
    HEADERS,
    IMPORT_URL,
    confirm,
    event_row,
    grant,
    upload,
)

State = ImportJob.State


@pytest.fixture
def librarian_client(client, librarian, period):
    grant(librarian, "add_event", "view_event", "change_event")
    client.force_login(librarian)
    return client


@pytest.fixture(autouse=True)
def folder(settings, tmp_path):
    settings.IMPORT_FILES_DIR = tmp_path / "imports"
    return settings.IMPORT_FILES_DIR


@pytest.fixture
def no_worker(settings):
    """Tasks are queued and wait, as they do until `db_worker` takes them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def events_file(count: int) -> bytes:
    return workbook_bytes(
        {"Мероприятия": [HEADERS, *[event_row(title=f"Викторина {n}") for n in range(count)]]}
    )


def kept(folder) -> list[str]:
    return sorted(os.listdir(folder)) if folder.exists() else []


def test_the_page_shows_progress_until_the_worker_is_done_and_survives_a_reload(
    librarian_client,
    no_worker,
):
    response = upload(librarian_client, events_file(450))
    job = response.context["job"]
    assert job.state == State.CHECKING and job.rows_total == 450
    page = response.content.decode()
    assert re.search(r'<progress class="dataio-progress" value="0" max="450">', page)
    assert '<meta http-equiv="refresh" content="2">' in page
    assert "строк проверено 0 из 450" in page
    assert " style=" not in page  # the Content-Security-Policy allows no inline styles

    progress_write(job, 200)  # as the worker does every 200 rows
    page = librarian_client.get(response.request["PATH_INFO"]).content.decode()
    assert 'value="200" max="450"' in page and "строк проверено 200 из 450" in page

    job_run(job.pk, save=False)  # the worker
    page = librarian_client.get(response.request["PATH_INFO"])
    assert "http-equiv" not in page.content.decode()
    assert "Строк с данными: 450; будет добавлено: 450" in page.content.decode()
    assert page.context["confirm_form"] is not None
    assert not Event.objects.exists()

    saving = librarian_client.post(CONFIRM_URL, {"job": job.pk}, follow=True)
    assert "Файл сохраняется" in saving.content.decode()
    job_run(job.pk, save=True)
    done = librarian_client.get(response.request["PATH_INFO"]).content.decode()
    assert "Файл «events.xlsx» загружен. Добавлено записей: 450." in done
    assert Event.objects.count() == 450


def test_the_job_page_in_kazakh(librarian_client):
    librarian_client.post("/i18n/setlang/", {"language": "kk", "next": "/admin/"})
    page = upload(librarian_client, events_file(2)).content.decode()
    assert "Импорттау" in page or "импорт" in page.lower()
    assert "ошибок нет" not in page  # the summary is in Kazakh
    bad = upload(
        librarian_client, workbook_bytes({"Мероприятия": [HEADERS, event_row(form="Пляски")]})
    )
    [row] = bad.context["result"].invalid_rows
    assert "Пляски" in row.field_specific_errors["Форма"][0]
    assert "нет в списке" not in row.field_specific_errors["Форма"][0]  # the worker spoke Kazakh


def test_the_save_checks_the_hand_in_again(librarian_client, library, period):
    preview = upload(librarian_client, events_file(3))
    assert preview.context["confirm_form"] is not None
    # Meanwhile the librarian hands her half-year in: her rows of it are read-only.
    HandIn.objects.create(library=library, period=period, state=HandIn.State.SUBMITTED)
    page = librarian_client.post(CONFIRM_URL, {"job": preview.context["job"].pk}, follow=True)
    content = page.content.decode()
    assert "Импорт не выполнен" in content
    assert "сданы" in content  # HANDED_IN, naming why
    assert not Event.objects.exists()


def test_a_job_is_found_only_under_its_own_list(client, librarian, period):
    grant(librarian, "add_event", "view_event", "add_receipt", "view_receipt")
    client.force_login(librarian)
    job = upload(client, events_file(1)).context["job"]
    assert client.get(f"/admin/holdings/receipt/import/{job.pk}/").status_code == 404
    assert client.get(f"{IMPORT_URL}{job.pk}/").status_code == 200


def test_cancel_while_the_worker_has_not_finished(librarian_client, no_worker, folder):
    response = upload(librarian_client, events_file(2))
    job = response.context["job"]
    assert kept(folder) == [job.stored_name]
    cancelled = librarian_client.post(CONFIRM_URL, {"job": job.pk, "cancel": "1"}, follow=True)
    assert "Импорт отменён" in cancelled.content.decode()
    assert kept(folder) == []
    job_run(job.pk, save=False)  # the worker comes late: nothing to do
    job.refresh_from_db()
    assert job.state == State.CANCELLED and not Event.objects.exists()


def test_a_confirmed_or_refused_job_keeps_no_file(librarian_client, folder):
    confirm(librarian_client, upload(librarian_client, events_file(2)))
    upload(librarian_client, workbook_bytes({"Мероприятия": [HEADERS, event_row(form="Пляски")]}))
    assert kept(folder) == []
    assert sorted(ImportJob.objects.values_list("state", flat=True)) == [State.REFUSED, State.SAVED]


def _age(job, settings):
    then = timezone.now() - datetime.timedelta(seconds=settings.IMPORT_FILES_MAX_AGE_SECONDS + 60)
    ImportJob.objects.filter(pk=job.pk).update(updated_at=then)


def test_a_preview_left_open_expires_by_the_command(librarian_client, folder, settings):
    preview = upload(librarian_client, events_file(2))
    job = preview.context["job"]
    _age(job, settings)
    call_command("cleanup_imports", stdout=open(os.devnull, "w"))  # noqa: SIM115
    job.refresh_from_db()
    assert job.state == State.EXPIRED and kept(folder) == []
    page = librarian_client.get(preview.request["PATH_INFO"]).content.decode()
    assert "Этот файл уже импортирован или его проверка устарела" in page
    refused = librarian_client.post(CONFIRM_URL, {"job": job.pk}, follow=True)
    assert "Этот файл уже импортирован" in refused.content.decode()
    assert not Event.objects.exists()


def test_a_preview_left_open_expires_when_its_page_is_opened(librarian_client, folder, settings):
    preview = upload(librarian_client, events_file(2))
    _age(preview.context["job"], settings)
    page = librarian_client.get(preview.request["PATH_INFO"])
    assert page.context["job"].state == State.EXPIRED
    assert kept(folder) == []


def test_the_worker_expires_old_previews_after_each_job(
    librarian_client, folder, settings, no_worker
):
    old = upload(librarian_client, events_file(1)).context["job"]
    ImportJob.objects.filter(pk=old.pk).update(state=State.READY)
    new = upload(librarian_client, events_file(1)).context["job"]
    _age(old, settings)
    job_run(new.pk, save=False)
    old.refresh_from_db()
    assert old.state == State.EXPIRED
    assert kept(folder) == [new.stored_name]


def test_a_job_whose_worker_failed_says_so_and_keeps_nothing(
    librarian_client, folder, monkeypatch, no_worker
):
    job = upload(librarian_client, events_file(2)).context["job"]

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("dataio.jobs._import_facts", broken)
    job_run(job.pk, save=False)
    page = librarian_client.get(f"{IMPORT_URL}{job.pk}/").content.decode()
    assert "Импорт прерван из-за сбоя на сервере" in page
    assert kept(folder) == [] and not Event.objects.exists()
