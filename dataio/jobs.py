"""An admin import's work, done by the task worker: check the stored file, then save it.

Both passes go the way `import_data` goes (`dataio.importing`: rows built and checked
by `dataio.rows`, facts inserted in batches with their history) for one sheet, in one
transaction: the check is the same run rolled back, so what it promises the save
does, and the save runs every check again (an approved period, a hand-in, another
library's row) under the data layer's locks.

While a pass runs its rows are counted into a small file beside the upload: the
pass is one transaction, which nobody else sees until it ends (and a check's never).
"""

import contextlib
import datetime
import logging
import os
import uuid
from types import SimpleNamespace

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.models import HistoricalRecords

from branches.facts import WriteRefused, periods_memoized
from branches.scoping import is_librarian, user_library
from cbs_reports import security_log
from dataio.cells import shown
from dataio.files import NO_ROWS, DataFileError, check_headers, open_data_file
from dataio.importing import (
    ERROR,
    MAX_LISTED_ERRORS,
    WRITE_REFUSED,
    ImportReport,
    SheetCounts,
    _apply_deferred,
    _import_facts,
    _import_reference,
)
from dataio.models import ImportJob
from dataio.resources import organization_of
from dataio.rows import Lookups
from dataio.schema import sheet_for
from dataio.upload_storage import import_files_sweep, import_folder

logger = logging.getLogger(__name__)

SHOWN_ROWS = 100  # rows of the preview table; every error is listed up to MAX_LISTED_ERRORS
PROGRESS_EVERY = 200  # rows between two writes of the progress file
KEEP_FINISHED_DAYS = 30

FILE_GONE = gettext_lazy(
    "Этот файл уже импортирован или его проверка устарела. Ничего не сохранено; "
    "загрузите файл снова."
)
FAILED = gettext_lazy(
    "Импорт прерван из-за сбоя на сервере. Ничего не сохранено; загрузите файл снова."
)
STALLED = gettext_lazy("Обработка файла не завершилась. Ничего не сохранено; загрузите файл снова.")


# Progress: a file beside the upload, "rows done"


def _progress_path(job: ImportJob):
    return import_folder() / f"{os.path.basename(job.stored_name)}.progress"


def progress_write(job: ImportJob, done: int) -> None:
    path = _progress_path(job)
    part = path.with_suffix(".part")
    part.write_text(str(done))
    os.replace(part, path)


def progress_of(job: ImportJob) -> int:
    """Rows the running pass has done, or all of them when the job is not running."""
    if not job.is_running:
        return job.rows_total
    try:
        return min(int(_progress_path(job).read_text() or 0), job.rows_total)
    except (FileNotFoundError, ValueError):
        return 0


def job_files_remove(job: ImportJob) -> None:
    for path in (job.stored_path(), _progress_path(job)):
        with contextlib.suppress(FileNotFoundError, IsADirectoryError):
            path.unlink()


# What the pass found, kept in the job's `result`


class Outcome:
    def __init__(self, job: ImportJob):
        self.job = job
        self.done = 0
        self.headers: list[str] = []
        self.shown: list[dict] = []  # the first valid rows: {"type", "values"}
        self.invalid: list[dict] = []  # rows with errors: {"number", "values", "errors"}
        self.invalid_count = 0
        self.error_count = 0
        self.file_errors: list[str] = []

    def on_row(self, number, values, data, outcome) -> None:
        self.done += 1
        if outcome == ERROR:
            self.invalid_count += 1
            self.error_count += sum(len(messages) for messages in data.errors.values())
            if len(self.invalid) < MAX_LISTED_ERRORS:
                self.invalid.append(
                    {"number": number, "values": self._shown_cells(values), "errors": data.errors}
                )
        elif len(self.shown) < SHOWN_ROWS:
            self.shown.append({"type": outcome, "values": self._shown_cells(values)})
        if self.done % PROGRESS_EVERY == 0:
            progress_write(self.job, self.done)

    @staticmethod
    def _shown_cells(values) -> list:
        return [str(shown(value)) for value in values]

    def as_result(self, counts: SheetCounts) -> dict:
        return {
            "headers": self.headers,
            "rows": self.done,
            "new": counts.created,
            "update": counts.updated,
            "skip": counts.unchanged,
            "shown": self.shown,
            "invalid": self.invalid,
            "invalid_count": self.invalid_count,
            "error_count": self.error_count,
            "file_errors": self.file_errors,
        }


@contextlib.contextmanager
def acting_user(user):
    """The job's user as the one making the change, for the history's author and the
    hand-in rule (`branches.facts._acting_librarian`), as a request would be."""
    context = HistoricalRecords.context
    previous = getattr(context, "request", None)
    context.request = SimpleNamespace(user=user)
    try:
        yield
    finally:
        if previous is None:
            with contextlib.suppress(AttributeError):
                del context.request
        else:
            context.request = previous


def _sheet_data(book, sheet, name):
    """The sheet's rows, its headers checked again: the request checked them, but the
    file is read anew here."""
    sheet_data = book.sheet(sheet.title if sheet.title in book.titles else None)
    if sheet_data is None:
        raise DataFileError(_("Файл «%(name)s» пуст.") % {"name": name})
    problems = check_headers(sheet, sheet_data.title or sheet.title, sheet_data.headers)
    if problems:
        raise DataFileError(problems)
    return sheet_data


def _run(job: ImportJob, *, save: bool) -> tuple[bool, dict]:
    sheet = sheet_for(apps.get_model(job.model))
    data = job.stored_path().read_bytes()
    user = job.user
    outcome, report, counts = Outcome(job), ImportReport(), SheetCounts()
    reason = _("Импорт из файла «%(name)s»") % {"name": job.file_name}
    try:
        book = open_data_file(data, job.file_name)
        try:
            sheet_data = _sheet_data(book, sheet, job.file_name)
            outcome.headers = sheet_data.headers
            only = user_library(user) if is_librarian(user) else None
            with transaction.atomic(), periods_memoized():
                lookups = Lookups(organization_of(user), only_library=only)
                try:
                    if sheet.is_reference:
                        deferred: list = []
                        _import_reference(
                            sheet, sheet_data, lookups, report, counts, deferred,
                            on_row=outcome.on_row, reason=reason,
                        )  # fmt: skip
                        if report.ok:
                            _apply_deferred(deferred, report)
                    else:
                        _import_facts(
                            sheet, sheet_data, lookups, report, counts,
                            on_row=outcome.on_row, reason=reason, user=user,
                        )  # fmt: skip
                except WriteRefused as error:
                    outcome.file_errors.append(
                        WRITE_REFUSED % {"message": " ".join(error.messages)}
                    )
                if not save or not report.ok or outcome.file_errors:
                    transaction.set_rollback(True)
        finally:
            book.close()
    except DataFileError as error:
        outcome.file_errors.extend(error.messages)
    if outcome.done == 0 and not outcome.file_errors:
        outcome.file_errors.append(NO_ROWS % {"sheet": sheet.title})
    if not report.ok and not outcome.error_count and not outcome.file_errors:
        outcome.file_errors.extend(report.error_lines())  # e.g. a status the file may not set
    ok = report.ok and not outcome.file_errors
    return ok, outcome.as_result(counts)


def job_run(job_id, *, save: bool) -> None:
    """The task's body: one pass over the job's file; the job says what came of it."""
    job = ImportJob.objects.select_related("user").filter(pk=job_id).first()
    expected = ImportJob.State.SAVING if save else ImportJob.State.CHECKING
    if job is None or job.state != expected:
        return  # cancelled, expired or done meanwhile
    State = ImportJob.State
    try:
        with translation.override(job.language), acting_user(job.user):
            ok, result = _run(job, save=save)
    except FileNotFoundError:
        job.state, job.result = State.EXPIRED, {"file_errors": [str(FILE_GONE)]}
    except Exception:
        logger.exception("import job %s failed", job.pk)
        job.state, job.result = State.FAILED, {"file_errors": [str(FAILED)]}
    else:
        job.result = result
        if save:
            job.state = State.SAVED if ok else State.SAVE_REFUSED
        else:
            job.state = State.READY if ok else State.REFUSED
    # Only if nobody cancelled it meanwhile: a cancelled job stays cancelled.
    kept = ImportJob.objects.filter(pk=job.pk, state=expected).update(
        state=job.state, result=job.result, updated_at=timezone.now()
    )
    if kept and job.state in (State.READY, State.REFUSED, State.SAVED, State.SAVE_REFUSED):
        _log(job, ok=job.state in (State.READY, State.SAVED), save=save)
    if not kept or job.state != State.READY:
        job_files_remove(job)  # refused, saved, failed: never confirmed later
    else:
        with contextlib.suppress(FileNotFoundError):
            _progress_path(job).unlink()
    imports_cleanup()  # the worker sweeps what was left open long ago


def _log(job: ImportJob, *, ok: bool, save: bool) -> None:
    sheet = sheet_for(apps.get_model(job.model)).title
    user = job.user.get_username()
    if not ok:
        errors = job.result.get("error_count", 0) or len(job.result.get("file_errors", []))
        security_log.event("import_refused", user=user, sheet=sheet, file=job.file_name,
                           errors=errors)  # fmt: skip
    elif save:
        security_log.event(
            "import", user=user, sheet=sheet, file=job.file_name,
            created=job.result["new"], updated=job.result["update"],
        )  # fmt: skip


def file_rows_checked(data: bytes, name: str, sheet) -> int:
    """The whole file checked as a file (format, limits, sheet, columns, formulas, merged
    cells), before a job is made of it: its rows, counted. Refused: DataFileError."""
    book = open_data_file(data, name)
    try:
        sheet_data = _sheet_data(book, sheet, name)
        count = sum(1 for _row in sheet_data.rows)
        if not count:
            raise DataFileError(NO_ROWS % {"sheet": sheet_data.title or sheet.title})
        return count
    finally:
        book.close()


def job_start(*, user, model, name: str, data: bytes, rows: int) -> ImportJob:
    """Store the upload and make its job; the caller queues its check
    (`dataio.tasks.import_check`)."""
    stored = uuid.uuid4().hex
    (import_folder() / stored).write_bytes(data)
    job = ImportJob.objects.create(
        user=user, model=model._meta.label_lower, file_name=name[:255], stored_name=stored,
        language=translation.get_language() or settings.LANGUAGE_CODE,
        state=ImportJob.State.CHECKING, rows_total=rows,
    )  # fmt: skip
    return job


def job_confirm(job: ImportJob) -> bool:
    """Take a checked file for its save, once: a second click finds it taken. The caller
    queues the save (`dataio.tasks.import_save`) of a job taken."""
    if not job.stored_path().is_file():
        return False
    State = ImportJob.State
    taken = ImportJob.objects.filter(pk=job.pk, state=State.READY).update(
        state=State.SAVING, updated_at=timezone.now()
    )
    return bool(taken)


def job_cancel(job: ImportJob) -> bool:
    """Cancel a job being checked or waiting for confirmation; its files go at once."""
    State = ImportJob.State
    cancelled = ImportJob.objects.filter(pk=job.pk, state__in=[State.CHECKING, State.READY]).update(
        state=State.CANCELLED, updated_at=timezone.now()
    )
    if cancelled:
        job_files_remove(job)
    return bool(cancelled)


def imports_cleanup(max_age: float | None = None) -> int:
    """Expire what waited too long (a preview left open, a pass whose worker died), delete
    their files and old finished jobs; how many jobs were expired."""
    max_age = settings.IMPORT_FILES_MAX_AGE_SECONDS if max_age is None else max_age
    oldest = timezone.now() - datetime.timedelta(seconds=max_age)
    State = ImportJob.State
    stale = list(
        ImportJob.objects.filter(
            state__in=[State.READY, State.CHECKING, State.SAVING], updated_at__lt=oldest
        )
    )
    for job in stale:
        with translation.override(job.language):
            message = str(FILE_GONE if job.state == State.READY else STALLED)
        job.result = {**job.result, "file_errors": [message]}
        job.state = State.EXPIRED if job.state == State.READY else State.FAILED
        job.save(update_fields=["state", "result", "updated_at"])
        job_files_remove(job)
    ImportJob.objects.filter(
        updated_at__lt=timezone.now() - datetime.timedelta(days=KEEP_FINISHED_DAYS)
    ).exclude(state__in=ImportJob.RUNNING).delete()
    import_files_sweep(max_age)
    return len(stale)
