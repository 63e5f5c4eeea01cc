"""The catalogue's checks (the registry: `branches.checks`), registered from
CatalogueConfig.ready(): a library's records fell (the hand-in's), a database's records
fell (the report's note in section VI)."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from branches.checks import WARNING, Check, register_check
from reportkit import sections as S
from reportkit.data import Note


def _catalogue_fell(check, ctx):
    for lib in ctx.libraries:
        figures = ctx.now[lib.pk]
        if figures.catalogue.now < figures.catalogue.before:
            yield check.result(
                lib,
                "catalogue",
                _(
                    "%(library)s: записей в электронном каталоге стало меньше – %(start)s "
                    "было %(before)s, %(end)s стало %(now)s."
                ),
                start=ctx.span.start_label,
                end=ctx.span.end_label,
                before=figures.catalogue.before,
                now=figures.catalogue.now,
            )


def _database_fell(check, ctx):
    for row in ctx.catalogue.rows:
        if row.fell:
            yield check.result(
                None,
                f"database:{row.code}",
                _("%(database)s: записей стало меньше – было %(before)s, стало %(now)s."),
                data=row,
                before=row.before,
                now=row.now,
            )


def _database_note(result) -> Note:
    """A database's name in the report's language (a list value, not a lazy string)."""
    params = {**result.params, "database": result.data.name((get_language() or "ru")[:2])}
    return Note(result.severity, str(result.text) % params, S.BIBLIOGRAPHY)


def register() -> None:
    for check in (
        # The report says it per database (below): its hand-in notes repeat a library's
        # result only with the explanation given.
        Check(
            "catalogue_fell",
            WARNING,
            _("Каталог уменьшился"),
            _catalogue_fell,
            rows=("catalogue",),
            note=lambda result: None,
        ),
        Check(
            "catalogue_database_fell",
            WARNING,
            _("База каталога уменьшилась"),
            _database_fell,
            rows=("catalogue",),
            handin=False,
            note=_database_note,
        ),
    ):
        register_check(check)
