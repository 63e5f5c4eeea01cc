"""Testing a migration that moves data, in a database of its own.

A test of such a migration builds rows at the state before it through the historical
models, migrates forward over it, and reads the rows through the historical models
after it. It does so in a fresh process on a fresh, empty database of the suite's kind
(an SQLite file, or a PostgreSQL database of its own), migrated forward only as far as
the migration under test: not the suite's test database migrated back and forth again,
which re-renders the whole history twice and has to be flushed and reloaded afterwards.

The test module holds a function taking no arguments that does the migrating and
returns what it read (JSON: numbers, text, lists, dicts); `in_a_database_of_its_own`
runs it and the test asserts on what it returned.
"""

import importlib
import json
import os
import subprocess
import sys
import uuid
from urllib.parse import urlsplit, urlunsplit

import django
import psycopg2
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets):
    """Migrate the default database to `targets` ([(app, migration)]) and return the
    historical apps there (for the function run by `in_a_database_of_its_own`)."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _postgresql(name: str, statement: str) -> None:
    database = settings.DATABASES["default"]
    server = psycopg2.connect(
        dbname="postgres", user=database["USER"], password=database["PASSWORD"],
        host=database["HOST"], port=database["PORT"],
    )  # fmt: skip
    try:
        server.autocommit = True
        with server.cursor() as cursor:
            cursor.execute(statement.format(name=f'"{name}"'))
    finally:
        server.close()


def in_a_database_of_its_own(function, tmp_path):
    """What `function` (a module-level function of a test module) returned, run in a
    fresh process on a fresh, empty database of the suite's kind."""
    if connection.vendor == "postgresql":
        name = f"{settings.DATABASES['default']['NAME']}_migrating_{uuid.uuid4().hex[:8]}"
        url = urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}"))
        _postgresql(name, "CREATE DATABASE {name}")
    else:
        name, url = None, f"sqlite:///{tmp_path / 'migrating.sqlite3'}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "cbs_reports.test_settings",
        "PYTHONPATH": str(settings.BASE_DIR),
    }
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tests.migrating", function.__module__, function.__name__],
            capture_output=True, text=True, timeout=300, cwd=settings.BASE_DIR, env=env,
        )  # fmt: skip
    finally:
        if name:
            _postgresql(name, "DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _main(module: str, function: str) -> None:
    django.setup()
    result = getattr(importlib.import_module(module), function)()
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    _main(sys.argv[1], sys.argv[2])
