"""The rows a command adds to the test database, kept once and written back in milliseconds.

`load_demo` takes seconds (it validates and saves each row through the models, with their
history); two dozen test modules start from the demo. `rows_snapshot` runs the command once,
inside a transaction it rolls back, and keeps the difference it made, table by table, as
the database's own rows; `rows_restore` writes that difference back with one statement per
table. The rows are the same rows, the same ids included, as the command writes.

The difference only applies to the state it was taken from (the migrated, empty test
database): `rows_restore` checks that every table holds what it held then, and says no (returns False) otherwise, so that the caller runs the command itself.
"""

from dataclasses import dataclass

from django.db import connection, transaction


def _quote(name):
    return connection.ops.quote_name(name)


def _table_rows(cursor, table):
    """The rows of one table as a set of hashable, comparable values."""
    if connection.vendor == "postgresql":
        # As JSON text: it goes back through json_populate_recordset whatever the column
        # types (jsonb, arrays, ranges), where a Python value might not adapt back.
        cursor.execute(f"SELECT row_to_json(t)::text FROM {_quote(table)} AS t")
        return {row[0] for row in cursor.fetchall()}
    cursor.execute(f"SELECT * FROM {_quote(table)}")
    return set(cursor.fetchall())


def _tables_rows(tables):
    with connection.cursor() as cursor:
        return {table: _table_rows(cursor, table) for table in tables}


@dataclass(frozen=True)
class RowsDifference:
    before: dict  # table -> its rows before the command, every table
    added: dict  # table -> rows the command added
    removed: dict  # table -> rows the command removed (or changed: removed, then added)


def rows_snapshot(run):
    """Run `run()` in a transaction rolled back at its end, and return what it changed.

    Call it with no transaction open: its rollback must undo the command and nothing else.
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
    )


def rows_restore(difference):
    """Apply the difference to the database; False (and nothing written) when a table
    does not hold the rows it held when the difference was taken."""
    if _tables_rows(difference.before) != difference.before:
        return False
    # One transaction (a savepoint inside a test's): the foreign keys are checked at its
    # end, when every row is in, not statement by statement as autocommit would.
    with transaction.atomic(), connection.cursor() as cursor:
        for table, rows in difference.removed.items():
            _rows_delete(cursor, table, rows)
        for table, rows in difference.added.items():
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
