"""Admin search that ignores case in every alphabet: Russian, Kazakh and Latin.

SQLite's LIKE (so Django's `icontains`) folds only ASCII letters: «наурыз» did not
find «Наурыз». PostgreSQL's ILIKE folds by the database's LC_CTYPE, and a plain «C»
database folds no Cyrillic either. So the search folds both sides itself, in one
code path for both databases: `Folded(field)` is the field's text in lower case
(Python's `str.lower`, registered on each SQLite connection; `LOWER` under the ICU
root collation on PostgreSQL, whatever the database's locale), and the term is
lowered by Python the same way. The list search and every autocomplete (Django's
autocomplete asks the related model's admin `get_search_results`) go through
`FoldedSearchMixin`.
"""

import functools
import operator

from django.contrib.admin.utils import lookup_spawns_duplicates
from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models import F, Func, Q, TextField
from django.db.models.functions import Cast
from django.db.models.lookups import Contains
from django.utils.text import smart_split, unescape_string_literal

SQLITE_FOLD = "cbs_fold"  # the function registered on every SQLite connection


def fold(value: str | None) -> str | None:
    """The lower case both sides are compared in («НАУРЫЗ», «Наурыз» → «наурыз»; Ө → ө)."""
    return value.lower() if isinstance(value, str) else value


class Folded(Func):
    """A field's text in lower case, for every alphabet, on SQLite and PostgreSQL."""

    function = "LOWER"
    output_field = TextField()

    def __init__(self, expression, **extra):
        super().__init__(Cast(expression, TextField()), **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function=SQLITE_FOLD, **extra)

    def as_postgresql(self, compiler, connection, **extra):
        # The ICU root collation lowers Cyrillic and Kazakh letters in any database locale.
        template = '%(function)s((%(expressions)s) COLLATE "und-x-icu")'
        return super().as_sql(compiler, connection, template=template, **extra)


def register_fold(sender=None, connection=None, **kwargs):
    """connection_created: give each new SQLite connection the Python lower case."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FOLD, 1, fold, deterministic=True)


def fold_install() -> None:
    """From EntryConfig.ready(): every SQLite connection from now on, and any already open."""
    connection_created.connect(register_fold, dispatch_uid="entry.search.register_fold")
    for connection in connections.all(initialized_only=True):
        if connection.connection is not None:
            register_fold(connection=connection)


def folded_search(queryset, search_fields, search_term: str):
    """`queryset` narrowed to rows where each word of `search_term` is in one of
    `search_fields` (plain field paths, as ModelAdmin.search_fields), case ignored."""
    conditions = []
    for bit in smart_split(search_term):
        if bit.startswith(('"', "'")) and bit[0] == bit[-1]:
            bit = unescape_string_literal(bit)
        term = fold(bit)
        matches = [Q(Contains(Folded(F(path)), term)) for path in search_fields]
        conditions.append(functools.reduce(operator.or_, matches))
    return queryset.filter(*conditions)


class FoldedSearchMixin:
    """ModelAdmin's search (list and autocomplete), case ignored in every alphabet.

    Search fields here are plain paths; one with Django's prefixes (^ = @) keeps
    Django's own search, which this mixin does not try to imitate."""

    def get_search_results(self, request, queryset, search_term):
        search_fields = [str(field) for field in self.get_search_fields(request)]
        if not search_fields or not search_term:
            return queryset, False
        if any(field[0] in "^=@" for field in search_fields):
            return super().get_search_results(request, queryset, search_term)
        queryset = folded_search(queryset, search_fields, search_term)
        duplicates = any(lookup_spawns_duplicates(self.opts, path) for path in search_fields)
        return queryset, duplicates
