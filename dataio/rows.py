"""One row of a data file into a model instance, and its validation.

The admin import and the `import_data` command both go through
`row_build` and `row_validate`, so a row is accepted or refused by the same
rules whichever way it comes in, and those rules are the model's own
(`full_clean`: field checks, `clean()`, constraints).
"""

import datetime
import difflib
import functools
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from branches.models import Library, ReportingPeriod
from dataio.cells import READERS, CellError
from dataio.schema import (
    LIBRARY,
    LIST,
    MANY,
    PERIOD,
    RELATIONS,
    REPORT,
    SHEETS,
    Sheet,
    has_organization,
)

REQUIRED = _("Заполните этот столбец.")
UNKNOWN_LIST_VALUE = _("«%(value)s» нет в списке «%(list)s». Допустимо: %(allowed)s.")
UNKNOWN_LIST_VALUE_HINT = _(
    "«%(value)s» нет в списке «%(list)s» — может быть, «%(hint)s»? Допустимо: %(allowed)s."
)
UNKNOWN_LIBRARY = _("Библиотеки «%(value)s» нет в этой ЦБС. Коды библиотек: %(allowed)s.")
OTHER_LIBRARY = _(
    "Вы можете загружать данные только своей библиотеки (%(library)s), а в строке указана «%(value)s»."
)
OWN_LIBRARY_REQUIRED = _("Укажите свою библиотеку (%(library)s).")
UNKNOWN_REPORT = _("Отчёта за период «%(value)s» нет: сначала лист «Отчёты».")
UNKNOWN_PERIOD = _(
    "Периода «%(value)s» нет в этой ЦБС. Период пишется как 2021-H1 (год и полугодие); есть: %(allowed)s."
)
DUPLICATE_ROW = _("Такая запись уже есть в базе: строка повторяет внесённую ранее.")
DUPLICATE_IN_FILE = _(
    "Строка повторяет строку %(row)s этого же файла: одна и та же запись внесена дважды."
)
ROW = ""  # the key of errors that concern the whole row, not one column


# The models of the sheets keyed by period (the reports), in the registry's order.
BY_PERIOD_MODELS = tuple(sheet.model for sheet in SHEETS if sheet.is_by_period)


def _key(text) -> str:
    return str(text).strip().casefold()


def _allowed(names, limit=15) -> str:
    names = list(names)
    shown = ", ".join(f"«{n}»" for n in names[:limit])
    return shown + (" …" if len(names) > limit else "")


def _closest(value, names) -> str | None:
    """The list value a typo most likely meant («Мастеркласс» → «Мастер-класс»)."""
    by_key = {_key(name): name for name in names}
    found = difflib.get_close_matches(_key(value), list(by_key), n=1, cutoff=0.8)
    return by_key[found[0]] if found else None


class Lookups:
    """Natural keys of one organization resolved to objects, loaded once per import.

    `only_library` is a librarian's library: rows naming any other are refused.
    """

    def __init__(self, organization, only_library: Library | None = None):
        self.organization = organization
        self.only_library = only_library
        self.reload()

    def reload(self) -> None:
        """Re-read libraries, periods and lists (after their sheets were imported)."""
        self._libraries: dict[str, Library] = {}
        self._library_codes: list[str] = []
        self._periods: dict[str, ReportingPeriod] = {}
        self._lists: dict[type, dict[str, object]] = {}
        self._by_period: dict[type, dict[str, object]] = {}
        self._many: dict[tuple, list] = {}
        if self.organization is None or self.organization.pk is None:
            return
        for library in Library.objects.filter(organization=self.organization):
            library.organization = self.organization  # clean() reads it: no query per row
            self._libraries.setdefault(_key(library.short_name), library)
            self._libraries[_key(library.code)] = library
            self._library_codes.append(library.code)
        for period in ReportingPeriod.objects.filter(organization=self.organization):
            period.organization = self.organization
            self._periods[_key(period.code)] = period
        for model in BY_PERIOD_MODELS:
            self._by_period[model] = {
                _key(row.period.code): row
                for row in model.objects.filter(organization=self.organization).select_related(
                    "period"
                )
            }

    def library(self, value) -> Library:
        library = self._libraries.get(_key(value))
        if library is None:
            raise CellError(UNKNOWN_LIBRARY, value=value, allowed=_allowed(self._library_codes))
        if self.only_library is not None and library.pk != self.only_library.pk:
            raise CellError(OTHER_LIBRARY, library=self.only_library.code, value=value)
        return library

    def period(self, value) -> ReportingPeriod:
        period = self._periods.get(_key(value))
        if period is None:
            raise CellError(
                UNKNOWN_PERIOD,
                value=value,
                allowed=_allowed(p.code for p in self._periods.values()),
            )
        return period

    def by_period(self, model, value):
        """The row of a sheet keyed by period (a report), named by its period's code."""
        row = self._by_period.get(model, {}).get(_key(value))
        if row is None:
            raise CellError(UNKNOWN_REPORT, value=value)
        return row

    def list_item(self, model, value):
        items = self._lists.get(model)
        if items is None:
            items = {}
            for item in model.objects.all():
                items.setdefault(_key(item.name_ru), item)
                items[_key(item.code)] = item
            self._lists[model] = items
        item = items.get(_key(value))
        if item is None:
            names = list(model.objects.filter(is_active=True).values_list("name_ru", flat=True))
            hint = _closest(value, names)
            raise CellError(
                UNKNOWN_LIST_VALUE_HINT if hint else UNKNOWN_LIST_VALUE,
                value=value,
                list=str(model._meta.verbose_name_plural),
                allowed=_allowed(names),
                hint=hint,
            )
        return item

    def many(self, model, value) -> list:
        # The same few combinations ("Facebook; Instagram") repeat on every row.
        key = (model, str(value))
        items = self._many.get(key)
        if items is None:
            items = self._many[key] = self._many_parse(model, value)
        return list(items)

    def _many_parse(self, model, value) -> list:
        text = str(value)
        parts = [p.strip() for p in text.split(";") if p.strip()]
        items = []
        for part in parts:
            try:
                items.append(self.list_item(model, part))
            except CellError:
                # Allow "Facebook, Instagram": split on commas only when needed,
                # since a list name may itself contain a comma.
                if "," not in part:
                    raise
                items.extend(self.list_item(model, p.strip()) for p in part.split(",") if p.strip())
        return items


@dataclass
class RowData:
    instance: object
    many: dict[str, list] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)

    def add_error(self, header: str, message) -> None:
        self.errors.setdefault(header, []).append(str(message))


def _reader(column) -> Callable[[Lookups, object], object]:
    """How a filled cell of `column` becomes a value (a CellError if it cannot)."""
    kind, model = column.kind, column.related_model
    if kind == LIBRARY:
        return lambda lookups, raw: lookups.library(raw)
    if kind == PERIOD:
        return lambda lookups, raw: lookups.period(raw)
    if kind == REPORT:
        return lambda lookups, raw: lookups.by_period(model, raw)
    if kind == LIST:
        return lambda lookups, raw: lookups.list_item(model, raw)
    if kind == MANY:
        return lambda lookups, raw: lookups.many(model, raw)
    read = READERS[kind]
    return lambda lookups, raw: read(column, raw)


# What a blank cell of a column holds: a fixed value, one made afresh each row, or
# nothing (the column must be filled).
FIXED, MADE, REQUIRED_CELL = "fixed", "made", "required"
_IMMUTABLE = (str, int, float, bool, type(None), Decimal, datetime.date)


def _blank(column) -> tuple[str, object]:
    f = column.field
    if column.kind == MANY:
        return MADE, list
    if f.has_default():
        if callable(f.default) or not isinstance(f.default, _IMMUTABLE):
            return MADE, f.get_default
        return FIXED, f.get_default()
    if f.null:
        return FIXED, None
    if f.blank:
        return FIXED, ""
    return REQUIRED_CELL, None


@dataclass(frozen=True)
class _Cell:
    """A column as `row_build` reads it, worked out once per sheet."""

    header: str
    name: str
    many: bool
    relation: bool  # a foreign key: set by its descriptor, which caches the object
    read: Callable[[Lookups, object], object]
    blank: str
    blank_value: object
    index: int | None  # the field's place among the model's concrete fields


@functools.cache  # a sheet's columns, read for every row of an import
def _cells(sheet: Sheet) -> tuple[_Cell, ...]:
    place = {f.name: i for i, f in enumerate(sheet.model._meta.concrete_fields)}
    return tuple(
        _Cell(
            column.header,
            column.name,
            column.kind == MANY,
            column.kind in RELATIONS,
            _reader(column),
            *_blank(column),
            place.get(column.name),
        )  # fmt: skip
        for column in sheet.columns
    )


@dataclass(frozen=True)
class _Blank:
    """A new instance's field values before its row is read, as `Model()` sets them:
    the fixed ones copied, the others (a callable default) made for each row."""

    fixed: list
    made: tuple[tuple[int, Callable[[], object]], ...]
    organization: bool


@functools.cache
def _blank_instance(sheet: Sheet) -> _Blank:
    fixed, made = [], []
    for index, f in enumerate(sheet.model._meta.concrete_fields):
        if f.has_default() and (callable(f.default) or not isinstance(f.default, _IMMUTABLE)):
            made.append((index, f.get_default))
            fixed.append(None)
        else:
            fixed.append(f.get_default())
    return _Blank(fixed, tuple(made), has_organization(sheet.model))


def _new_instance(sheet: Sheet, read: list, organization):
    """`sheet.model()` with the row's values: built positionally, as Django builds a
    row read from the database (one pass over the fields, not two)."""
    blank = _blank_instance(sheet)
    args = blank.fixed.copy()
    for index, make in blank.made:
        args[index] = make()
    related = []
    for cell, value in read:
        if cell.relation:
            if value is not None:
                related.append((cell.name, value))
        else:
            args[cell.index] = value
    instance = sheet.model(*args)
    if blank.organization:
        instance.organization = organization
    for name, value in related:
        setattr(instance, name, value)
    return instance


def row_build(sheet: Sheet, values: dict, lookups: Lookups, instance=None) -> RowData:
    """Fill `instance` (a new one if None) from a row {header: cell value}."""
    data = RowData(instance)
    read = []
    for cell in _cells(sheet):
        raw = values.get(cell.header)
        try:
            if raw is None or (isinstance(raw, str) and not raw.strip()):  # cells.is_blank
                if cell.blank == FIXED:
                    value = cell.blank_value
                elif cell.blank == MADE:
                    value = cell.blank_value()
                else:
                    raise CellError(REQUIRED)
            else:
                value = cell.read(lookups, raw)
        except CellError as error:
            data.add_error(cell.header, error)
            continue
        if cell.many:
            data.many[cell.name] = value
        else:
            read.append((cell, value))
    if instance is None:
        instance = data.instance = _new_instance(sheet, read, lookups.organization)
    else:
        if has_organization(sheet.model):
            instance.organization = lookups.organization
        for cell, value in read:
            setattr(instance, cell.name, value)
    only = lookups.only_library
    library_column = _library_column(sheet)
    if only is not None and library_column and library_column.header not in data.errors:
        if getattr(instance, f"{library_column.name}_id") is None:
            data.add_error(library_column.header, OWN_LIBRARY_REQUIRED % {"library": only.code})
    return data


@functools.cache  # asked for every row of an import
def _library_column(sheet: Sheet):
    return next((c for c in sheet.columns if c.kind == LIBRARY), None)


def _header_of(sheet: Sheet, name: str) -> str:
    for column in sheet.columns:
        if column.name == name:
            return column.header
    return ROW


@functools.cache  # asked for every row of an import
def signature_fields(sheet: Sheet) -> tuple[str, ...]:
    names = [c.field.attname for c in sheet.columns if c.kind != MANY]
    if has_organization(sheet.model):
        names.append("organization_id")
    return tuple(names)


@functools.cache
def _signature_of(sheet: Sheet) -> Callable[[object], tuple]:
    names = signature_fields(sheet)
    if len(names) == 1:
        return lambda instance: (getattr(instance, names[0]),)
    return operator.attrgetter(*names)  # a tuple, read in C


def signature(sheet: Sheet, instance) -> tuple:
    return _signature_of(sheet)(instance)


@dataclass(frozen=True)
class _Rules:
    looked_up: list[str]  # foreign keys: `Lookups` took the object from the database
    unique: bool  # what validate_unique checks beyond the primary key, which no file sets
    constraints: bool

    def checks(self, instance) -> list:
        """The model's checks across rows that it has (the others would find nothing)."""
        return [
            check
            for check, has in (
                (instance.validate_unique, self.unique),
                (instance.validate_constraints, self.constraints),
            )
            if has
        ]


@functools.cache
def _rules_of(sheet: Sheet) -> _Rules:
    model = sheet.model
    classes = [model, *model._meta.get_parent_list()]
    unique = any(
        cls._meta.unique_together or cls._meta.total_unique_constraints for cls in classes
    ) or any(
        (f.unique and not f.primary_key) or f.unique_for_date or f.unique_for_year
        or f.unique_for_month
        for f in model._meta.fields
    )  # fmt: skip
    return _Rules(
        [c.name for c in sheet.columns if c.kind in RELATIONS],
        unique,
        any(cls._meta.constraints for cls in classes),
    )


def row_validate(sheet: Sheet, data: RowData, *, validate_unique: bool = True) -> None:
    """Run the model's own checks on the row; errors go to `data.errors` by column.

    This is `Model.full_clean()` step by step, with one difference: a foreign
    key's "does it exist" query is skipped, since `Lookups` took the object
    from the database in this very transaction. (`validate_unique` and
    `validate_constraints` run only for a model that declares something for them
    to check: for any other they find nothing, slowly, on each of 100,000 rows.)
    """
    instance = data.instance
    excluded = [c.name for c in sheet.columns if c.header in data.errors] if data.errors else []
    rules = _rules_of(sheet)
    errors: dict = {}
    try:
        instance.clean_fields(exclude=excluded + rules.looked_up)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    try:
        instance.clean()
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if validate_unique:
        passed = excluded + [name for name in errors if name != NON_FIELD_ERRORS]
        for check in rules.checks(instance):
            try:
                check(exclude=passed)
            except ValidationError as error:
                errors = error.update_error_dict(errors)
    for name, messages in ValidationError(errors).message_dict.items() if errors else ():
        header = ROW if name == NON_FIELD_ERRORS else _header_of(sheet, name)
        for message in messages:
            data.add_error(header, message)


def row_is_duplicate(sheet: Sheet, instance) -> bool:
    """A fact identical in every column to a stored one (the same file loaded twice)."""
    if sheet.is_reference:
        return False
    lookup = dict(zip(signature_fields(sheet), signature(sheet, instance), strict=True))
    query = sheet.model.objects.filter(**lookup)
    if instance.pk:
        query = query.exclude(pk=instance.pk)
    return query.exists()


class FileDuplicates:
    """The facts read so far from one sheet of a file, by signature: a row that
    repeats an earlier row of the same file is told so (and by which row), not
    that it is "already in the database"."""

    def __init__(self, sheet: Sheet):
        self.sheet = sheet
        self.first_row: dict[tuple, int] = {}

    def check(self, data: "RowData", number: int) -> bool:
        """Add the error and return True if the row repeats an earlier one."""
        if self.sheet.is_reference:
            return False
        first = self.first_row.setdefault(signature(self.sheet, data.instance), number)
        if first == number:
            return False
        data.add_error(ROW, DUPLICATE_IN_FILE % {"row": first})
        return True
