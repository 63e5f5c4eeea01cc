"""The example kind of data (tests/kind_example) is counted everywhere the registry is
read: its checks run in their own pytest process with the example's app installed,
together with the registry's own checks (a factory, a sheet, a label)."""

import os
import subprocess
import sys
from pathlib import Path

from tests.migrated_sqlite import migrated_sqlite, sqlite_copy

ROOT = Path(__file__).resolve().parents[1]


def test_the_example_kind_added_by_the_how_to_works_everywhere(tmp_path_factory, tmp_path):
    # An SQLite database of its own (the suite's test database may be in use): a copy of
    # one that `manage.py migrate` migrated with the example's app installed, kept as the
    # test database (--reuse-db) rather than migrated from zero once more.
    migrated = migrated_sqlite(
        tmp_path_factory, "tests.kind_example.settings", on_top_of="cbs_reports.test_settings"
    )
    database = sqlite_copy(migrated, tmp_path / "example.sqlite3")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    result = subprocess.run(
        [
            sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
            "--ds=tests.kind_example.settings_kept", "--reuse-db",
            "tests/kind_example/example_checks.py", "tests/branches/test_kinds.py",
        ],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "skipped" not in result.stdout
