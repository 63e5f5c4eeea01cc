"""`make test` runs the suite in several pytest processes (pytest-xdist): what one of them
writes stays in places of its own, so that no test sees another process's rows or files."""

from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection


def test_uploads_and_media_go_to_folders_of_this_process(tmp_path_factory):
    own = tmp_path_factory.getbasetemp()  # one per xdist worker
    assert Path(settings.IMPORT_FILES_DIR).is_relative_to(own)
    assert Path(settings.MEDIA_ROOT).is_relative_to(own)


def test_each_worker_has_a_test_database_of_its_own(request, db):
    worker = getattr(request.config, "workerinput", {}).get("workerid")
    if worker is None:
        pytest.skip("one pytest process (-n0): nothing to share")
    if connection.vendor == "postgresql":
        assert connection.settings_dict["NAME"].endswith(f"_{worker}")
    else:
        assert connection.is_in_memory_db()  # each process has its own memory
