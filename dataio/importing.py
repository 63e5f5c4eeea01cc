"""`import_data`: load a whole workbook (one sheet per model) in one transaction.

The fast path for big sheets: rows are streamed from the file, lookups come
from dicts loaded once, every row is checked by the model's own `full_clean()`
(through `dataio.rows`, like the admin import), and rows are inserted with
`bulk_create` in batches, their history copied by the database
(`dataio.history`), so history is kept and memory stays bounded. Any error anywhere rolls the whole file back.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_create_with_history

from branches.facts import WriteRefused, periods_memoized
from branches.models import Organization
from branches.scoping import lookups_for
from datacache.signals import organization_of
from datacache.version import data_changed
from dataio.files import CSV_ONE_SHEET, DataFileError, check_headers, open_data_file, sheet_or_error
from dataio.history import history_created
from dataio.rows import (
    DUPLICATE_ROW,
    ROW,
    FileDuplicates,
    Lookups,
    RowData,
    row_build,
    row_is_duplicate,
    row_validate,
    signature,
    signature_fields,
)
from dataio.schema import MANY, SHEET_BY_MODEL, SHEETS, Sheet

BATCH_SIZE = 2000
MAX_LISTED_ERRORS = 300
# Stored with each history record, as the admin import stores «Импорт из файла …».
CHANGE_REASON = "Загрузка командой import_data"

ONE_ORGANIZATION = _("На листе «%(sheet)s» должна быть ровно одна строка — ЦБС, чьи это данные.")
NO_ORGANIZATION_SHEET = _("В файле нет листа «%(sheet)s»: без него неясно, чьи это данные.")
ROW_ERROR = _("Лист «%(sheet)s», строка %(row)s, столбец «%(column)s»: %(message)s")
ROW_ERROR_WHOLE_ROW = _("Лист «%(sheet)s», строка %(row)s: %(message)s")
MORE_ERRORS = _("… и ещё ошибок: %(count)s.")
WRITE_REFUSED = _("Файл не может быть загружен: %(message)s")
# What became of a row, as `on_row` hears it (the admin preview's words for them).
NEW, UPDATE, SKIP, ERROR = "new", "update", "skip", "error"


@dataclass
class SheetCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportReport:
    counts: dict[str, SheetCounts] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    error_count: int = 0
    organization: Organization | None = None

    def add(self, message) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_LISTED_ERRORS:
            self.errors.append(str(message))

    def add_row(self, sheet_title: str, number: int, data: RowData) -> None:
        for column, messages in data.errors.items():
            for message in messages:
                template = ROW_ERROR if column != ROW else ROW_ERROR_WHOLE_ROW
                self.add(
                    template
                    % {"sheet": sheet_title, "row": number, "column": column, "message": message}
                )

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    def error_lines(self) -> list[str]:
        lines = list(self.errors)
        if self.error_count > len(self.errors):
            lines.append(MORE_ERRORS % {"count": self.error_count - len(self.errors)})
        return lines


def _row_dict(headers, values) -> dict:
    return dict(zip(headers, values, strict=False))


def _set_many(instance, many: dict) -> None:
    for name, items in many.items():
        getattr(instance, name).set(items)


def _told(on_row, number, values, data, outcome) -> None:
    if on_row is not None:
        on_row(number, values, data, outcome)


def _import_reference(
    sheet, sheet_data, lookups, report, counts, deferred=None, *, on_row=None, reason=CHANGE_REASON
) -> list:
    """Organization, libraries, periods, lists: matched by natural key, updated.

    Deferred fields (a status) are collected into `deferred` as (instance, values)
    and applied by `_apply_deferred` once every sheet is in. `on_row(number,
    values, data, outcome)` hears of every row: "new", "update", "skip" or "error".
    """
    saved = []
    for number, values in sheet_data.rows:
        data = row_build(sheet, _row_dict(sheet_data.headers, values), lookups)
        if data.errors:
            report.add_row(sheet.title, number, data)
            _told(on_row, number, values, data, ERROR)
            continue
        new = data.instance
        later = {name: getattr(new, name) for name in sheet.deferred}
        match = {name: getattr(new, name) for name in sheet.key}
        if sheet.model is not Organization and hasattr(new, "organization_id"):
            match["organization"] = lookups.organization
        existing = sheet.model._default_manager.filter(**match).first()
        if existing is not None:
            # A column the file leaves out (an optional one) keeps the stored value.
            for column in sheet.columns:
                if column.name in sheet.optional and column.header not in sheet_data.headers:
                    setattr(new, column.name, getattr(existing, column.name))
        for name in sheet.deferred:
            # Until the end of the import: the stored value, or the default for a new row.
            field = sheet.model._meta.get_field(name)
            setattr(new, name, getattr(existing, name) if existing else field.get_default())
        if existing is not None:
            if signature(sheet, existing) == signature(sheet, new):
                counts.unchanged += 1
                saved.append(existing)
                if later and deferred is not None:
                    deferred.append((existing, later))
                _told(on_row, number, values, data, SKIP)
                continue
            for column in sheet.columns:
                if column.kind != MANY:
                    setattr(existing, column.name, getattr(new, column.name))
            data.instance = existing
        row_validate(sheet, data)
        if data.errors:
            report.add_row(sheet.title, number, data)
            _told(on_row, number, values, data, ERROR)
            continue
        data.instance._change_reason = reason
        data.instance.save()
        if existing is not None:
            counts.updated += 1
        else:
            counts.created += 1
        _told(on_row, number, values, data, UPDATE if existing is not None else NEW)
        saved.append(data.instance)
        if later and deferred is not None:
            deferred.append((data.instance, later))
    return saved


def _apply_deferred(deferred, report: ImportReport) -> None:
    """Deferred fields last. A sheet that applies them itself goes first (a report
    approved in the file is approved through the report's own workflow, which
    freezes its snapshot from the imported data); the others are set and saved."""
    own, others = [], []
    for obj, values in deferred:
        path = SHEET_BY_MODEL[type(obj)].apply_deferred
        if path:
            own.append((import_string(path), obj, values))
        else:
            others.append((obj, values))
    for apply, obj, values in own:
        try:
            apply(obj, values)
        except ValidationError as error:
            report.add("; ".join(error.messages))
    for obj, values in others:
        obj.refresh_from_db()
        changed = {name: value for name, value in values.items() if getattr(obj, name) != value}
        if changed:
            for name, value in changed.items():
                setattr(obj, name, value)
            try:
                obj.clean()  # e.g. an approved period may not be reopened
            except ValidationError as error:
                report.add("; ".join(error.messages))
                continue
            obj._change_reason = CHANGE_REASON
            obj.save(update_fields=list(changed))


def _existing_signatures(sheet: Sheet, organization) -> set:
    _library, organization_lookup = lookups_for(sheet.model)
    rows = sheet.model._default_manager.filter(**{organization_lookup: organization.pk})
    return set(rows.values_list(*signature_fields(sheet)))


def _flush(sheet: Sheet, batch: list[RowData], counts, reason=CHANGE_REASON, user=None) -> None:
    if not batch:
        return
    objs = [data.instance for data in batch]
    if connection.features.can_return_rows_from_bulk_insert:
        instances = sheet.model._default_manager.bulk_create(objs, batch_size=BATCH_SIZE)
        history_created(sheet.model, instances, reason=reason, user=user)
    else:  # no primary keys back from the insert: simple_history finds the rows again
        instances = bulk_create_with_history(
            objs,
            sheet.model,
            batch_size=BATCH_SIZE,
            default_change_reason=reason,
            default_user=user,
        )
    data_changed(organization_of(instances[0]))  # bulk_create sends no post_save
    for column in sheet.columns:
        if column.kind != MANY:
            continue
        through = getattr(sheet.model, column.name).through
        source = f"{sheet.model._meta.model_name}_id"
        target = f"{column.related_model._meta.model_name}_id"
        through.objects.bulk_create(
            [
                through(**{source: instance.pk, target: item.pk})
                for instance, data in zip(instances, batch, strict=True)
                for item in data.many.get(column.name, [])
            ],
            batch_size=BATCH_SIZE,
        )
    counts.created += len(batch)
    batch.clear()


def _import_facts(
    sheet, sheet_data, lookups, report, counts, *, on_row=None, reason=CHANGE_REASON, user=None
) -> None:
    """Facts, checked row by row and inserted in batches; `on_row` as in `_import_reference`
    ("new" or "error"). `user` is the history's author of a bulk insert."""
    in_batches = sheet.in_batches
    existing = _existing_signatures(sheet, lookups.organization) if in_batches else None
    batch: list[RowData] = []
    in_file = FileDuplicates(sheet)
    for number, values in sheet_data.rows:
        data = row_build(sheet, _row_dict(sheet_data.headers, values), lookups)
        if not data.errors:
            row_validate(sheet, data)
        if not data.errors and not in_file.check(data, number):
            duplicate = (
                signature(sheet, data.instance) in existing
                if in_batches
                else row_is_duplicate(sheet, data.instance)
            )
            if duplicate:
                data.add_error(ROW, DUPLICATE_ROW)
        if data.errors:
            report.add_row(sheet.title, number, data)
            _told(on_row, number, values, data, ERROR)
            continue
        _told(on_row, number, values, data, NEW)
        if not report.ok:
            continue  # the file is refused anyway: keep checking, stop writing
        if in_batches:
            batch.append(data)
            if len(batch) >= BATCH_SIZE:
                _flush(sheet, batch, counts, reason, user)
        else:
            data.instance._change_reason = reason
            data.instance.save()
            _set_many(data.instance, data.many)
            counts.created += 1
    if report.ok:
        _flush(sheet, batch, counts, reason, user)


def workbook_import(data: bytes, name: str, *, dry_run: bool = False) -> ImportReport:
    """Load a workbook written by `export_data` (or filled from the templates).

    Returns the report; nothing is kept unless the whole file is valid and
    `dry_run` is off. A file refused as a whole raises DataFileError.
    """
    book = open_data_file(data, name)
    try:
        if book.is_csv:
            raise DataFileError(CSV_ONE_SHEET)
        sheets = [sheet_or_error(title) for title in book.titles]
        first = SHEETS[0]
        if first not in sheets:
            raise DataFileError(NO_ORGANIZATION_SHEET % {"sheet": first.title})
        report = ImportReport()
        deferred: list = []
        with transaction.atomic(), periods_memoized():
            try:
                _import_sheets(book, sheets, report, deferred)
            except WriteRefused as error:
                # Refused at the write itself (a closed period, a fund below zero across
                # rows): the whole file is rolled back.
                report.add(WRITE_REFUSED % {"message": " ".join(error.messages)})
            if dry_run or not report.ok:
                transaction.set_rollback(True)
        return report
    finally:
        book.close()


def _import_sheets(book, sheets, report: ImportReport, deferred: list) -> None:
    """Every sheet of the file in the schema's order; statuses last."""
    first = SHEETS[0]
    lookups = None
    for sheet in SHEETS:
        if sheet not in sheets:
            continue
        sheet_data = book.sheet(sheet.title)
        if sheet_data is None:
            continue
        problems = check_headers(sheet, sheet.title, sheet_data.headers)
        if problems:
            for problem in problems:
                report.add(problem)
            continue
        counts = report.counts.setdefault(sheet.title, SheetCounts())
        if sheet is first:
            saved = _import_reference(sheet, sheet_data, Lookups(None), report, counts)
            if len(saved) != 1:
                if report.ok:
                    report.add(ONE_ORGANIZATION % {"sheet": sheet.title})
                break
            report.organization = saved[0]
            lookups = Lookups(saved[0])
        elif sheet.is_reference:
            _import_reference(sheet, sheet_data, lookups, report, counts, deferred)
            lookups.reload()
        else:
            _import_facts(sheet, sheet_data, lookups, report, counts)
    if report.ok:
        _apply_deferred(deferred, report)
