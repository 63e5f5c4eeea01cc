"""History records of rows an import has just inserted, copied by the database.

django-simple-history's `bulk_history_create` builds one historical instance per
row in Python and inserts it field by field: for an import of 100,000 events
that costs more than inserting the events themselves. The records it would write
are a copy of each row's tracked columns plus who, when, why and "+"; one
`INSERT … SELECT` per chunk of primary keys has the database make the same copy.

Written against django-simple-history 3.13.0 (the historical model's
`tracked_fields` and its `history_*` fields); a historical model with anything
else (a UUID history id, extra fields) falls back to `bulk_history_create`, and
`tests/dataio/test_history_copy.py` compares the two record by record.
"""

import functools
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models
from django.utils import timezone
from simple_history.utils import get_history_manager_for_model

CREATED = "+"
# The historical model's own fields, each written from the statement's parameters.
HISTORY_FIELDS = ("history_date", "history_change_reason", "history_type", "history_user")


@dataclass(frozen=True)
class _Copy:
    statement: str  # with "{ids}" where the chunk's placeholders go
    date_field: models.Field


@functools.cache
def _copy_of(model) -> _Copy | None:
    """The INSERT … SELECT that copies `model`'s rows into its history, or None when
    the historical model is not the plain shape this copy knows."""
    history = get_history_manager_for_model(model).model
    pk = history._meta.pk
    if not isinstance(pk, models.AutoField | models.BigAutoField) or pk.name != "history_id":
        return None
    tracked = {field.attname: field for field in history.tracked_fields}
    quote = connection.ops.quote_name
    targets, sources = [], []
    for field in history._meta.concrete_fields:
        if field is pk or field.name in HISTORY_FIELDS:
            continue
        source = tracked.get(field.attname)
        if source is None or source.model._meta.concrete_model is not model._meta.concrete_model:
            return None  # a field the copy would not know how to fill
        targets.append(quote(field.column))
        sources.append(quote(source.column))
    if len(targets) != len(tracked):
        return None
    for name in HISTORY_FIELDS:
        try:
            targets.append(quote(history._meta.get_field(name).column))
        except FieldDoesNotExist:
            return None
    statement = (
        f"INSERT INTO {quote(history._meta.db_table)} ({', '.join(targets)}) "
        f"SELECT {', '.join(sources)}, %s, %s, %s, %s FROM {quote(model._meta.db_table)} "
        f"WHERE {quote(model._meta.pk.column)} IN ({{ids}}) ORDER BY {quote(model._meta.pk.column)}"
    )
    return _Copy(statement, history._meta.get_field("history_date"))


def history_created(model, instances, *, reason: str, user=None, batch_size=None) -> None:
    """Record "+" history for `instances`, rows of `model` just inserted with their
    primary keys set: what `bulk_history_create(instances, default_user=user,
    default_change_reason=reason)` records, the one date of this call for all."""
    if not instances or not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return
    manager = get_history_manager_for_model(model)
    copy = _copy_of(model)
    if copy is None:
        manager.bulk_history_create(
            instances, batch_size=batch_size, default_user=user, default_change_reason=reason
        )
        return
    user = user or manager.model.get_default_history_user(instances[0])
    date = copy.date_field.get_db_prep_save(timezone.now(), connection)
    fixed = [date, reason, CREATED, user.pk if user is not None else None]
    pks = [instance.pk for instance in instances]
    # SQLite takes at most 999 parameters a statement; PostgreSQL has no such limit.
    chunk = (connection.features.max_query_params or len(pks) + len(fixed)) - len(fixed)
    with connection.cursor() as cursor:
        for start in range(0, len(pks), chunk):
            part = pks[start : start + chunk]
            statement = copy.statement.format(ids=", ".join(["%s"] * len(part)))
            cursor.execute(statement, [*fixed, *part])
