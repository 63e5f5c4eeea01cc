"""Which models travel in a data file, under which sheet and column names.

One description serves the admin resources, the empty templates and the
`export_data` / `import_data` commands, so a file exported by one is read by
the others. Headers and sheet names are Russian and never translated: they
are the file format, and a file must read back whatever the user's language.
"""

from dataclasses import dataclass
from functools import cache

from django.db import models
from django.utils import translation

from branches.kinds import KINDS, kind_for
from branches.lists import ListItem
from branches.models import Library, Organization, Region, ReportingPeriod

TEXT, INT, DECIMAL, DATE, BOOL, CHOICE = "text", "int", "decimal", "date", "bool", "choice"
LIST, LIBRARY, PERIOD, MANY = "list", "library", "period", "many"
# A row of a sheet keyed by its period (a report): other sheets name it by the period's code.
REPORT = "report"
RELATIONS = (LIST, LIBRARY, PERIOD, REPORT)
BY_PERIOD = ("period",)


@dataclass(frozen=True)
class Column:
    name: str  # the model field
    header: str
    kind: str
    field: models.Field

    @property
    def related_model(self):
        return self.field.related_model

    @property
    def choices(self) -> list[tuple[object, str]]:
        with translation.override("ru"):
            return [(value, str(label)) for value, label in self.field.choices or []]

    @property
    def allowed_values(self) -> list[str] | None:
        """What a user may type in this column, for templates and messages."""
        if self.kind == CHOICE:
            return [label for _value, label in self.choices]
        if self.kind == BOOL:
            return ["да", "нет"]
        if self.kind in (LIST, MANY):
            return list(
                self.related_model.objects.filter(is_active=True).values_list("name_ru", flat=True)
            )
        return None


@dataclass(frozen=True)
class Sheet:
    model: type[models.Model]
    title: str  # Excel allows 31 characters
    # Reference data (the organization, libraries, periods, lists) is matched by
    # these fields and updated; facts have no natural key and are only added.
    key: tuple[str, ...] = ()
    # Fields applied only after every sheet is in: a period or report closed in
    # the file must not refuse the facts that come after it.
    deferred: tuple[str, ...] = ()
    # Offered in the admin's import/export (the reports' sheets are whole-file only).
    in_admin: bool = True
    # Columns a file may leave out (branches.kinds.Sheet.optional).
    optional: tuple[str, ...] = ()
    # Saved one at a time (branches.kinds.Sheet.row_by_row).
    row_by_row: bool = False
    # Applies the deferred fields itself (branches.kinds.Sheet.apply_deferred).
    apply_deferred: str = ""

    @property
    def columns(self) -> tuple[Column, ...]:
        return columns_of(self.model)

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    @property
    def is_reference(self) -> bool:
        return bool(self.key)

    @property
    def is_by_period(self) -> bool:
        return self.key == BY_PERIOD

    @property
    def in_batches(self) -> bool:
        """Facts with no rule across rows are validated row by row and inserted in batches.

        A unique constraint or a write-off's fund check looks at rows stored
        before it, so those are saved one at a time (they are few).
        """
        meta = self.model._meta
        return (
            not self.is_reference
            and not self.row_by_row
            and not meta.unique_together
            and not any(isinstance(c, models.UniqueConstraint) for c in meta.constraints)
        )

    @property
    def label(self) -> str:
        with translation.override("ru"):
            return str(self.model._meta.verbose_name_plural)


def _by_period(model) -> bool:
    kind = kind_for(model)
    return kind is not None and kind.sheet is not None and kind.sheet.key == BY_PERIOD


def _kind(field: models.Field) -> str:
    if isinstance(field, models.ManyToManyField):
        return MANY
    if isinstance(field, models.ForeignKey):
        if field.related_model is Library:
            return LIBRARY
        if field.related_model is ReportingPeriod:
            return PERIOD
        if _by_period(field.related_model):
            return REPORT
        if issubclass(field.related_model, ListItem):
            return LIST
        raise ValueError(f"no file kind for {field}")
    if field.choices:
        return CHOICE
    if isinstance(field, models.BooleanField):
        return BOOL
    if isinstance(field, models.DateField):
        return DATE
    if isinstance(field, models.DecimalField):
        return DECIMAL
    if isinstance(field, models.IntegerField):
        return INT
    return TEXT


@cache
def columns_of(model) -> tuple[Column, ...]:
    """Every editable field but the primary key, the organization and the region.

    The organization is never a column: a file belongs to one organization,
    the importing user's (admin) or the one on the file's first sheet (command).
    Nor is a ЦБС's region: the installation's superuser sets it, no file moves it.
    """
    columns = []
    with translation.override("ru"):
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
            if field.primary_key or not field.editable:
                continue
            if field.is_relation and field.related_model in (Organization, Region):
                continue
            header = str(field.verbose_name)
            columns.append(Column(field.name, header[:1].upper() + header[1:], _kind(field), field))
    return tuple(columns)


# One sheet per kind of data that has one, in the registry's order: reference
# data first, snapshots and receipts before write-offs (a write-off is checked
# against the fund they make up), the reports last.
SHEETS: tuple[Sheet, ...] = tuple(
    Sheet(
        kind.model_class,
        kind.sheet.title,
        key=kind.sheet.key,
        deferred=kind.sheet.deferred,
        in_admin=kind.sheet.in_admin,
        optional=kind.sheet.optional,
        row_by_row=kind.sheet.row_by_row,
        apply_deferred=kind.sheet.apply_deferred,
    )
    for kind in KINDS
    if kind.sheet is not None
)

SHEET_BY_MODEL = {sheet.model: sheet for sheet in SHEETS}
SHEET_BY_TITLE = {sheet.title: sheet for sheet in SHEETS}


def sheet_for(model) -> Sheet:
    return SHEET_BY_MODEL[model]


@cache  # asked for every row of an import
def has_organization(model) -> bool:
    return any(
        f.is_relation and f.related_model is Organization for f in model._meta.concrete_fields
    )
