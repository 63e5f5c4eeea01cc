"""Import and export in every data admin (mixed into `entry.admin_base.ScopedAdmin`).

- Import: a file is checked as a whole first (format, size, sheet, columns,
  formulas, merged cells), then the task worker tries every row in a dry run whose
  preview shows each row's outcome; confirming re-runs it and keeps it only if every
  row is still valid (all or nothing). See `entry.admin_jobs` and `dataio.jobs`.
- Export (the button and the "export selected" action): narrowed to the rows
  the user may see at every step, whatever filters or ids the request carries.
- An empty template per kind of data, with the allowed values of list columns.
"""

import io

import tablib
from django import forms
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import HttpResponse
from django.urls import path
from django.utils.http import content_disposition_header
from django.utils.timezone import localdate
from django.utils.translation import gettext as _
from import_export.admin import ExportActionMixin, ImportExportMixin
from import_export.formats import base_formats
from import_export.forms import ExportForm, ImportForm

from branches.scoping import is_librarian, lookups_for, scope_queryset, user_library
from cbs_reports import security_log
from dataio.cells import csv_escape
from dataio.exporting import column_widths, date_columns_of, with_cell_relations, write_sheet
from dataio.files import (
    NOT_A_TABLE,
    TOO_BIG,
    DataFileError,
    max_file_size,
)
from dataio.jobs import imports_cleanup
from dataio.resources import organization_of, resource_for
from dataio.schema import SHEET_BY_MODEL, sheet_for
from dataio.templates_xlsx import template_workbook
from entry.admin_jobs import ImportJobsAdminMixin

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class DataFileFormat(base_formats.Format):
    """XLSX or CSV, told apart by content: the form's one format. The file is read by
    `dataio.jobs` (checked as a whole in the request, its rows by the worker)."""

    sheet = None  # set per admin by `import_format_for`

    def __init__(self, encoding=None):
        self.encoding = encoding

    def get_title(self):
        return "xlsx / csv"

    def is_binary(self):
        return True

    def get_read_mode(self):
        return "rb"

    def get_extension(self):
        return "xlsx"

    def can_import(self):
        return True

    def can_export(self):
        return False


class DataImportForm(ImportForm):
    user = None  # set by `create_import_form`, for the security log

    def clean_import_file(self):
        """Too big a file is refused before it is read into memory."""
        upload = self.cleaned_data["import_file"]
        if upload.size > max_file_size():
            limit = round(max_file_size() / 1024 / 1024, 1)
            raise forms.ValidationError(TOO_BIG % {"name": upload.name, "limit": limit})
        return upload


class DataExportForm(ExportForm):
    """XLSX is chosen already: "Submit" right away gives the Excel file."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.fields["format"].initial = "0"


class DataXLSX(base_formats.XLSX):
    """The admin's XLSX export, written like `export_data`'s sheets: the sheet
    named as in the full export, dates as dd.mm.yyyy, texts never as formulas,
    columns wide enough to read."""

    sheet = None  # set per admin by `export_formats_for`

    def get_title(self):
        return _("Excel (xlsx)")

    def export_data(self, dataset, **kwargs):
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        write_sheet(
            book,
            self.sheet.title,
            dataset.headers,
            dataset,
            date_columns_of(self.sheet),
            column_widths(self.sheet),
        )
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()


class DataCSV(base_formats.CSV):
    """CSV as Russian Excel opens it on a double click: columns separated by «;»
    (its list separator) and a UTF-8 byte-order mark (`to_encoding`; without it
    Excel reads the text as cp1251). The import reads it back as it is."""

    def get_title(self):
        return _("CSV (для Excel, через «;»)")

    def export_data(self, dataset, **kwargs):
        safe = tablib.Dataset(headers=dataset.headers)
        for row in dataset:
            safe.append([csv_escape(value) for value in row])
        return safe.export("csv", delimiter=";")


def import_format_for(model):
    return type("DataFileFormat", (DataFileFormat,), {"sheet": sheet_for(model)})


class DataIOAdminMixin(ImportJobsAdminMixin, ImportExportMixin, ExportActionMixin):
    import_template_name = "entry/import.html"
    import_form_class = DataImportForm
    # All columns, always: a file that reads back needs every one of them.
    export_form_class = DataExportForm
    to_encoding = "utf-8-sig"  # see DataCSV

    # Resources and formats

    @property
    def _in_files(self) -> bool:
        """Models that are no data (staff profiles) get no import or export."""
        sheet = SHEET_BY_MODEL.get(self.model)
        return sheet is not None and sheet.in_admin

    def get_resource_classes(self, request):
        if not self._in_files:
            return super().get_resource_classes(request)
        return [resource_for(self.model)]

    def get_import_resource_kwargs(self, request, **kwargs):
        return {"user": request.user}

    def get_export_resource_kwargs(self, request, **kwargs):
        return {"user": request.user}

    def get_import_formats(self):
        if not self._in_files:
            return super().get_import_formats()
        return [import_format_for(self.model)]

    def get_export_formats(self):
        if not self._in_files:
            return super().get_export_formats()
        xlsx = type("DataXLSX", (DataXLSX,), {"sheet": sheet_for(self.model)})
        return [xlsx, DataCSV]

    def create_import_form(self, request):
        form = super().create_import_form(request)
        form.user = request.user
        return form

    def add_data_read_fail_error_to_form(self, form, e):
        name = getattr(form.cleaned_data.get("import_file"), "name", "")
        security_log.event(
            "import_refused",
            user=form.user.get_username() if getattr(form, "user", None) else "",
            sheet=sheet_for(self.model).title if self._in_files else "",
            file=name,
            reason=str(e)[:300],
        )
        if isinstance(e, DataFileError):
            for message in e.messages:
                form.add_error("import_file", message)
        else:
            name = getattr(form.cleaned_data.get("import_file"), "name", "")
            form.add_error("import_file", NOT_A_TABLE % {"name": name})

    def import_action(self, request, **kwargs):
        """The form's page; an upload becomes a job (`entry.admin_jobs`). The package
        lists the columns only when the file was read; a refused file (a misspelled
        column) is exactly when the user needs the list."""
        imports_cleanup()  # previews left open long ago
        if request.method == "POST":
            return self.import_upload(request)
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None)
        if context is not None and self._in_files:
            context["fields_list"] = self._columns_list()
        return response

    def init_request_context_data(self, request, form):
        context = super().init_request_context_data(request, form)
        if self._in_files:
            context["fields_list"] = self._columns_list()
        return context

    def _columns_list(self):
        """The file's columns for the page's "fields" line, each in «»: the package
        joins them with commas, and «Инициативы, программы» is one column."""
        sheet = sheet_for(self.model)
        return [(sheet.title, [f"«{header}»" for header in sheet.headers])]

    # Permissions: a librarian imports only data that belongs to a library.

    def has_import_permission(self, request, *, made: bool = False):
        """`made`: for the page of an import already uploaded, whose answer must show
        even once the half-year got locked meanwhile (the data layer refused the save)."""
        may_add = getattr(self, "may_add_ignoring_lock", None) if made else None
        if not self._in_files or not (may_add or self.has_add_permission)(request):
            return False
        library_lookup, _org = lookups_for(self.model)
        return not (is_librarian(request.user) and library_lookup is None)

    def has_export_permission(self, request):
        return self._in_files and self.has_view_permission(request)

    # Import confirmation: all or nothing, and say so.

    # Export: narrowed at every step.

    def get_export_queryset(self, request):
        # The list's queryset loads what its columns show; the file's cells read
        # more (an event's platforms and initiatives): load those with it too.
        try:
            queryset = super().get_export_queryset(request)
        except IncorrectLookupParameters as error:  # a filter the list does not have
            raise BadRequest(_("В адресе выгрузки есть фильтр, которого нет у списка.")) from error
        queryset = scope_queryset(queryset, request.user)
        return with_cell_relations(queryset, sheet_for(self.model))

    def get_valid_export_item_pks(self, request):
        # Ids posted with the "export selected" form are checked against these.
        query = scope_queryset(self.model._default_manager.all(), request.user)
        return list(query.values_list("pk", flat=True))

    def get_export_data(self, file_format, request, queryset, **kwargs):
        """As the package's, but native values (dates, numbers) for any binary format."""
        if not self.has_export_permission(request):
            raise PermissionDenied
        data = self.get_data_for_export(
            request, queryset, force_native_type=file_format.is_binary(), **kwargs
        )
        content = file_format.export_data(data)
        encoding = kwargs.get("encoding")
        if not file_format.is_binary() and encoding:
            content = content.encode(encoding)
        return content

    def get_data_for_export(self, request, queryset, **kwargs):
        queryset = scope_queryset(queryset, request.user)
        return super().get_data_for_export(request, queryset, **kwargs)

    def export_admin_action(self, request, queryset):
        return super().export_admin_action(request, scope_queryset(queryset, request.user))

    def get_export_filename(self, request, queryset, file_format):
        """Named like the sheet inside: «Мероприятия 2021-07-05.xlsx», not "Event-…"."""
        if not self._in_files:
            return super().get_export_filename(request, queryset, file_format)
        title = sheet_for(self.model).title
        return f"{title} {localdate():%Y-%m-%d}.{file_format.get_extension()}"

    def _do_file_export(self, file_format, request, queryset, export_form=None):
        response = super()._do_file_export(file_format, request, queryset, export_form)
        # A Cyrillic name needs RFC 6266 encoding to reach the browser intact.
        name = self.get_export_filename(request, queryset, file_format)
        response["Content-Disposition"] = content_disposition_header(True, name)
        return response

    # The empty template

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        extra = [
            path(
                "import-template/",
                self.admin_site.admin_view(self.import_template_view),
                name="{}_{}_import_template".format(*info),
            )
        ]
        return extra + super().get_urls()

    def import_template_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        sheet = SHEET_BY_MODEL[self.model]
        only = user_library(request.user) if is_librarian(request.user) else None
        content = template_workbook(
            sheet, organization=organization_of(request.user), only_library=only
        )
        response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
        filename = _("%(sheet)s — шаблон.xlsx") % {"sheet": sheet.title}
        response["Content-Disposition"] = content_disposition_header(True, filename)
        return response
