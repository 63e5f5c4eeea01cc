"""Where the admin import keeps an uploaded file while the task worker checks it and
until its confirmation: a folder of its own (IMPORT_FILES_DIR), so that nothing else in
the system's temp folder is touched when files are cleaned up.

A file is deleted when its check refuses it, when the import is confirmed or
cancelled, and, for a check left unconfirmed, once it is older than
IMPORT_FILES_MAX_AGE_SECONDS (`dataio.jobs.imports_cleanup`). The package's own temp
storage (`ImportFileStorage`) is kept in the settings so that nothing of the package's
writes outside the folder either.
"""

import contextlib
import os
import time
import uuid
from pathlib import Path

from django.conf import settings
from import_export.tmp_storages import TempFolderStorage


def import_folder() -> Path:
    folder = Path(settings.IMPORT_FILES_DIR)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


class ImportFileStorage(TempFolderStorage):
    def get_full_path(self) -> str:
        # Only a name inside the folder: the confirmation's hidden field can be edited.
        return str(import_folder() / os.path.basename(self.name or ""))

    def _open(self, mode="r"):
        if not self.name:
            self.name = uuid.uuid4().hex
            mode = "w+b"  # the uploaded bytes, as the package's own temp file takes them
        return open(self.get_full_path(), mode, encoding=self.encoding)  # noqa: SIM115

    def remove(self) -> None:
        if self.name:
            with contextlib.suppress(FileNotFoundError, IsADirectoryError):
                os.remove(self.get_full_path())


def import_files_sweep(max_age: float | None = None) -> int:
    """Delete the uploaded files older than `max_age` seconds; how many were deleted."""
    max_age = settings.IMPORT_FILES_MAX_AGE_SECONDS if max_age is None else max_age
    oldest = time.time() - max_age
    deleted = 0
    for path in import_folder().iterdir():
        with contextlib.suppress(FileNotFoundError):
            if path.is_file() and path.stat().st_mtime < oldest:
                path.unlink()
                deleted += 1
    return deleted
