"""Migrated SQLite files, each made once per pytest run and copied by the tests that
need a database of their own in a file (a race of two connections, a pytest process of
its own).

Migrating an empty database from zero takes some twenty seconds of CPU (Django renders
the models' state again after each operation of each migration); a copy takes
milliseconds. The first test of the run that asks for a file migrates it; the others (of
every xdist worker) copy it, so that none writes to the file another one reads. For
the suite's own settings the file is the process's test database as the test runner
migrated it (`keep_test_database`, from tests/conftest.py), so nothing migrates twice.
"""

import fcntl
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUITE = "cbs_reports.test_settings"  # the suite's own settings
_MIGRATED: dict[str, Path] = {}


def keep_test_database(tmp_path_factory) -> None:
    """The suite's own test database, as the test runner has just migrated it (before any
    test wrote to it), kept as this process's migrated file for the suite's settings: a
    copy instead of a migrate of its own. SQLite only (a PostgreSQL run needs no file)."""
    from django.db import connection

    if connection.vendor != "sqlite" or SUITE in _MIGRATED:
        return
    path = tmp_path_factory.mktemp("migrated") / "db.sqlite3"
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as copy:
        connection.connection.backup(copy)
    _MIGRATED[SUITE] = path


def migrated_sqlite(
    tmp_path_factory, settings_module: str = SUITE, *, on_top_of: str | None = None
) -> Path:
    """An SQLite file that `manage.py migrate` with `settings_module` migrated (in a
    process of its own, as a deployment's migrate does); never written to again: copy it
    with `sqlite_copy` to write to it.

    From zero, or, with `on_top_of` (a settings module), from a copy of that one's
    migrated file: an installation that adds an app (a new kind) to one already migrated,
    which migrates only the new app's migrations rather than the whole history again.

    Made once per run: the xdist workers of one run share it (the first to ask migrates,
    under a lock; the others wait for it rather than migrate a second time beside it)."""
    if settings_module not in _MIGRATED:
        base = migrated_sqlite(tmp_path_factory, on_top_of) if on_top_of else None
        folder = _run_folder(tmp_path_factory)
        path = folder / f"{settings_module}.sqlite3"
        with open(folder / f"{settings_module}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not path.exists():
                partial = path.with_suffix(".partial")
                partial.unlink(missing_ok=True)
                if base is not None:
                    sqlite_copy(base, partial)
                _migrate(partial, settings_module).rename(path)
        _MIGRATED[settings_module] = path
    return _MIGRATED[settings_module]


def _run_folder(tmp_path_factory) -> Path:
    """A folder of this pytest run: shared by its xdist workers (their temporary folders'
    parent, named by the run's id), this process's own without xdist."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if not run:
        return tmp_path_factory.mktemp("migrated")
    folder = tmp_path_factory.getbasetemp().parent / f"migrated-{run}"
    folder.mkdir(exist_ok=True)
    return folder


def _migrate(path: Path, settings_module: str) -> Path:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DATABASE_URL": f"sqlite:///{path}",
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return path


def sqlite_copy(source: Path, target: Path) -> Path:
    """`source` copied to `target` through SQLite's backup (whole, whatever its journal)."""
    with closing(sqlite3.connect(source)) as original, closing(sqlite3.connect(target)) as copy:
        original.backup(copy)
    return target
