"""django-import-export resources, one per data model, generated from `dataio.schema`.

A resource reads and validates rows through `dataio.rows` (the same code as
`import_data`), so its errors are keyed by the file's Russian column names,
and only ever sees the rows its user may see.
"""

from functools import cache

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _
from import_export import resources
from import_export.fields import Field
from import_export.results import Result

from branches.models import Organization
from branches.scoping import is_librarian, scope_queryset, user_library, user_organization
from dataio.cells import DATE_FORMAT
from dataio.exporting import EXPORT_CHUNK_ROWS, cell_value, sheet_queryset
from dataio.rows import (
    DUPLICATE_ROW,
    ROW,
    FileDuplicates,
    Lookups,
    RowData,
    row_build,
    row_is_duplicate,
    row_validate,
)
from dataio.schema import DATE, MANY, RELATIONS, Sheet, sheet_for


class SheetField(Field):
    """A column of the sheet: its value is written by `dataio.exporting.cell_value`."""

    def __init__(self, column):
        super().__init__(attribute=column.name, column_name=column.header)
        self.column = column

    def export(self, instance, **kwargs):
        column = self.column
        native = kwargs.get("force_native_type", False)
        if column.kind in RELATIONS and getattr(instance, f"{column.name}_id") is None:
            return "" if not native else None
        if column.kind == MANY and instance.pk is None:
            pending = getattr(instance, "_dataio_row", None)
            items = pending.many.get(column.name, []) if pending else []
            return "; ".join(item.name_ru for item in items)
        value = cell_value(column, instance, native)
        if value is None:
            return None if native else ""
        if column.kind == DATE and not native:
            return value if isinstance(value, str) else value.strftime(DATE_FORMAT)
        return value


class ExcelNumberedResult(Result):
    """Row numbers as the user sees them in Excel: the header is row 1, and a
    blank row skipped by the reader still counts (`renumber`)."""

    def renumber(self, numbers: list[int] | None) -> None:
        """`numbers`: the Excel row of each dataset row, from the file reader."""
        for row in [*self.invalid_rows, *self.error_rows]:
            index = row.number - 1  # the package counts dataset rows from 1
            row.number = numbers[index] if numbers and index < len(numbers) else row.number + 1


def organization_of(user) -> Organization | None:
    organization = user_organization(user)
    if organization is None and user.is_superuser:
        only = list(Organization.objects.all()[:2])
        if len(only) == 1:
            organization = only[0]
    return organization


class SheetResource(resources.ModelResource):
    sheet: Sheet

    def __init__(self, user=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user
        self._lookups = None

    @classmethod
    def get_display_name(cls):
        return cls.sheet.title

    def get_result_class(self):
        return ExcelNumberedResult

    @property
    def lookups(self) -> Lookups:
        if self._lookups is None:
            only = user_library(self.user) if is_librarian(self.user) else None
            self._lookups = Lookups(organization_of(self.user), only_library=only)
        return self._lookups

    # Export: only what the user may see, whatever queryset comes in.

    def get_queryset(self):
        return scope_queryset(sheet_queryset(self.sheet, None), self.user)

    def filter_export(self, queryset, **kwargs):
        return scope_queryset(super().filter_export(queryset, **kwargs), self.user)

    # Import: rows through dataio.rows.

    def import_data(self, dataset, *args, **kwargs):
        self._excel_rows = getattr(dataset, "row_numbers", None) or []
        self._in_file = FileDuplicates(self.sheet)
        result = super().import_data(dataset, *args, **kwargs)
        result.renumber(getattr(dataset, "row_numbers", None))
        return result

    def before_import_row(self, row, **kwargs):
        index = kwargs.get("row_number") or 0  # the package counts rows from 1
        rows = getattr(self, "_excel_rows", [])
        self._excel_row = rows[index - 1] if 0 < index <= len(rows) else index + 1
        return super().before_import_row(row, **kwargs)

    def before_save_instance(self, instance, row, **kwargs):
        # The row's history says where it came from.
        name = kwargs.get("file_name") or ""
        instance._change_reason = _("Импорт из файла «%(name)s»") % {"name": name}

    def get_or_init_instance(self, instance_loader, row):
        if self.sheet.is_reference:
            probe = row_build(self.sheet, row, self.lookups)
            key = {name: getattr(probe.instance, name, None) for name in self.sheet.key}
            if not any(c.header in probe.errors for c in self.sheet.columns if c.name in key):
                existing = scope_queryset(self.sheet.model._default_manager.all(), self.user)
                if hasattr(probe.instance, "organization_id"):
                    existing = existing.filter(organization=self.lookups.organization)
                found = existing.filter(**key).first()
                if found is not None:
                    return found, False
        return self.sheet.model(), True

    def import_instance(self, instance, row, **kwargs):
        data = row_build(self.sheet, row, self.lookups, instance)
        instance._dataio_row = data
        if data.errors:
            raise ValidationError(_as_error_dict(data))

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        data: RowData = instance._dataio_row
        row_validate(self.sheet, data)
        in_file = getattr(self, "_in_file", None)
        repeated = not data.errors and in_file is not None and in_file.check(data, self._excel_row)
        if not data.errors and not repeated and row_is_duplicate(self.sheet, instance):
            data.add_error(ROW, DUPLICATE_ROW)
        if data.errors:
            raise ValidationError(_as_error_dict(data))

    def save_m2m(self, instance, row, **kwargs):
        if not self._is_using_transactions(kwargs) and self._is_dry_run(kwargs):
            return
        for name, items in instance._dataio_row.many.items():
            getattr(instance, name).set(items)


def _as_error_dict(data: RowData) -> dict:
    return {(NON_FIELD_ERRORS if k == ROW else k): v for k, v in data.errors.items()}


@cache
def resource_for(model) -> type[SheetResource]:
    sheet = sheet_for(model)
    attrs = {column.name: SheetField(column) for column in sheet.columns}
    attrs["sheet"] = sheet
    names = tuple(column.name for column in sheet.columns)
    attrs["Meta"] = type(
        "Meta",
        (),
        {
            "model": model,
            "fields": names,
            "import_order": names,
            "export_order": names,
            "clean_model_instances": True,
            "skip_unchanged": False,
            "use_bulk": False,  # bulk skips save(), signals and history
            # The package's default reads 100 rows at a time, each read with one
            # query per many-to-many column: read as many as export_data does.
            "chunk_size": EXPORT_CHUNK_ROWS,
        },
    )
    return type(f"{model.__name__}Resource", (SheetResource,), attrs)
