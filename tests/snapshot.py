"""The rows a command adds to the test database, kept once and written back in milliseconds.

`load_demo` takes seconds (it validates and saves each row through the models, with their
history); two dozen test modules start from the demo. `rows_snapshot` runs the command once,
inside a transaction it rolls back, and keeps the difference it made, table by table, as
the database's own rows; `rows_restore` writes that difference back with one statement per
table. The rows are the same rows, the same ids included, as the command writes.

The difference only applies to the state it was taken from (the migrated, empty test
database): `rows_restore` checks that every table holds what it held then, and says no (returns False) otherwise, so that the caller runs the command itself.
Two kinds of table are looked at more loosely, as what a transactional test leaves behind
(its flush, then the rows its serialized rollback writes back) differs there only:
- a many-to-many link table Django makes (a group's permissions) that the command does not
  change is compared without its ids: the rollback writes the links again under new ids,
  and nothing refers to a link's id;
- a database cache's table (`createcachetable`) is not compared at all: no flush empties it,
  and a cache holds no data a test starts from. The command's entries in it (the data
  versions) are written over the ones found under the same keys.
"""

import json
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction

DATABASE_CACHE = "django.core.cache.backends.db.DatabaseCache"


def _quote(name):
    return connection.ops.quote_name(name)


def _table_rows(cursor, table, columns=None):
    """The rows of one table (only the given columns: all by default) as a set of
    hashable, comparable values."""
    selected = ", ".join(_quote(column) for column in columns) if columns else "*"
    if connection.vendor == "postgresql":
        # As JSON text: it goes back through json_populate_recordset whatever the column
        # types (jsonb, arrays, ranges), where a Python value might not adapt back.
        cursor.execute(
            f"SELECT row_to_json(t)::text FROM (SELECT {selected} FROM {_quote(table)}) AS t"
        )
        return {row[0] for row in cursor.fetchall()}
    cursor.execute(f"SELECT {selected} FROM {_quote(table)}")
    return set(cursor.fetchall())


def _tables_rows(tables):
    with connection.cursor() as cursor:
        return {table: _table_rows(cursor, table) for table in tables}


def _cache_tables() -> set[str]:
    return {
        cache["LOCATION"]
        for cache in settings.CACHES.values()
        if cache["BACKEND"] == DATABASE_CACHE
    }


def _compared(tables, changed) -> dict:
    """The rows `rows_restore` compares (see the module's docstring): every table but the
    caches', a link table the command does not change without its ids."""
    links = {
        model._meta.db_table: [f.column for f in model._meta.local_fields if not f.primary_key]
        for model in apps.get_models(include_auto_created=True)
        if model._meta.auto_created
    }
    caches = _cache_tables()
    with connection.cursor() as cursor:
        return {
            table: _table_rows(cursor, table, None if table in changed else links.get(table))
            for table in tables
            if table not in caches
        }


@dataclass(frozen=True)
class RowsDifference:
    before: dict  # table -> its rows before the command, every table
    added: dict  # table -> rows the command added
    removed: dict  # table -> rows the command removed (or changed: removed, then added)
    compared: dict  # table -> its rows before the command, as rows_restore compares them


def rows_snapshot(run):
    """Run `run()` in a transaction rolled back at its end, and return what it changed.

    Its rollback undoes the command and nothing else (a savepoint's, in a transaction).
    """
    tables = connection.introspection.table_names()
    before = _tables_rows(tables)
    with transaction.atomic():
        run()
        after = _tables_rows(tables)
        transaction.set_rollback(True)
    changed = [table for table in tables if before[table] != after[table]]
    return RowsDifference(
        before=before,
        added={table: after[table] - before[table] for table in changed},
        removed={table: before[table] - after[table] for table in changed},
        compared=_compared(tables, changed),
    )


def rows_restore(difference):
    """Apply the difference to the database; False (and nothing written) when a table
    does not hold the rows it held when the difference was taken."""
    if _compared(difference.before, difference.added) != difference.compared:
        return False
    caches = _cache_tables()
    # One transaction (a savepoint inside a test's): the foreign keys are checked at its
    # end, when every row is in, not statement by statement as autocommit would.
    with transaction.atomic(), connection.cursor() as cursor:
        for table, rows in difference.removed.items():
            _rows_delete(cursor, table, rows)
        for table, rows in difference.added.items():
            if table in caches:
                _cache_entries_delete(cursor, table, rows)
            _rows_insert(cursor, table, rows)
        if connection.vendor == "postgresql":
            _sequences_advance(cursor, list(difference.added))
    return True


def _rows_insert(cursor, table, rows):
    if not rows:
        return
    if connection.vendor == "postgresql":
        cursor.execute(
            f"INSERT INTO {_quote(table)} "
            f"SELECT * FROM json_populate_recordset(NULL::{_quote(table)}, %s::json)",
            ["[" + ",".join(rows) + "]"],
        )
        return
    width = len(next(iter(rows)))
    cursor.executemany(
        f"INSERT INTO {_quote(table)} VALUES ({', '.join(['%s'] * width)})", list(rows)
    )


def _rows_delete(cursor, table, rows):
    if not rows:
        return
    if connection.vendor == "postgresql":
        cursor.execute(
            f"DELETE FROM {_quote(table)} AS t WHERE row_to_json(t)::text = ANY(%s)",
            [list(rows)],
        )
        return
    columns = [
        column.name for column in connection.introspection.get_table_description(cursor, table)
    ]
    where = " AND ".join(f"{_quote(column)} IS %s" for column in columns)
    cursor.executemany(f"DELETE FROM {_quote(table)} WHERE {where}", list(rows))


def _cache_entries_delete(cursor, table, rows):
    """The entries found under the keys of rows (a cache table's key is its first column)."""
    if connection.vendor == "postgresql":
        keys = [json.loads(row)["cache_key"] for row in rows]
    else:
        keys = [row[0] for row in rows]
    if keys:
        marks = ", ".join(["%s"] * len(keys))
        cursor.execute(f"DELETE FROM {_quote(table)} WHERE cache_key IN ({marks})", keys)


def _sequences_advance(cursor, tables):
    """The ids written explicitly leave PostgreSQL's sequences behind them: move each
    sequence past its table's largest id (never back: a sequence is not transactional)."""
    for table in tables:
        for sequence in connection.introspection.get_sequences(cursor, table):
            column = _quote(sequence["column"])
            cursor.execute(
                f"SELECT setval(%s, m) FROM (SELECT max({column}) AS m FROM {_quote(table)}) AS t "
                "WHERE m > COALESCE(pg_sequence_last_value(%s::regclass), 0)",
                [sequence["name"], sequence["name"]],
            )
