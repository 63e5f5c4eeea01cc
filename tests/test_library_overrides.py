"""Every place the project replaces or leans on a library's undocumented behaviour (a
private method overridden or called, a hook whose arguments are not promised, a
library's internals written to), with the version it was written against.

When one of these fails after an upgrade, the message names the override to re-check:
read the library's changelog and source for that method, adjust the override, then the
version here (and the pin in requirements*.txt, which must agree with it).
"""

import importlib.metadata
import inspect
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def pins() -> dict[str, str]:
    """Every requirement of requirements.txt and requirements-dev.txt -> its pinned version."""
    pinned = {}
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if not line or line.startswith("-r "):
                continue
            match = re.fullmatch(r"([A-Za-z0-9_.\-]+)(\[[A-Za-z0-9_,\-]+\])?==([^=\s;]+)", line)
            assert match, f"{name}: «{line}» is not pinned exactly (name==version)"
            pinned[match[1].lower().replace("_", "-")] = match[3]
    return pinned


def written_against(distribution: str, version: str, override: str) -> None:
    """The installed `distribution` is the `version` `override` was written against, and
    requirements*.txt pins that version."""
    installed = importlib.metadata.version(distribution)
    assert installed == version, (
        f"{override} was written against {distribution} {version}, {installed} is installed: "
        "re-check the override against the new version, then update the version here"
    )
    assert pins().get(distribution.lower()) == version, (
        f"requirements*.txt pins {distribution} {pins().get(distribution.lower())}, "
        f"the override {override} was checked against {version}"
    )


def signature(function) -> str:
    return str(inspect.signature(function))


def test_every_requirement_is_pinned_exactly():
    pinned = pins()
    # Each installed distribution is the pinned one (a venv built from other pins
    # would test other code than production runs).
    for name, version in pinned.items():
        assert importlib.metadata.version(name) == version, name
    assert {"django", "python-docx", "django-import-export", "django-simple-history"} <= set(pinned)


# entry/admin_base.py ChosenRelatedOnlyFilter: overrides Django's `has_output` so that a
# filter chosen in the address still applies when the list offers one choice only. It
# relies on `used_parameters` holding the address's choice and on the change list
# dropping a filter whose `has_output()` is false.
def test_chosen_related_only_filter():
    from django.contrib.admin import RelatedOnlyFieldListFilter
    from django.contrib.admin.filters import FieldListFilter
    from django.contrib.admin.views.main import ChangeList

    from entry.admin_base import ChosenRelatedOnlyFilter

    written_against("Django", "5.2.19", "entry.admin_base.ChosenRelatedOnlyFilter.has_output")
    assert issubclass(ChosenRelatedOnlyFilter, RelatedOnlyFieldListFilter)
    assert signature(RelatedOnlyFieldListFilter.has_output) == "(self)"
    assert "self.used_parameters" in inspect.getsource(FieldListFilter.__init__)
    assert "spec.has_output()" in inspect.getsource(ChangeList.get_filters)


# entry/admin_base.py FieldErrorsForm._post_clean: Django's private `_post_clean` runs
# the model's validation (its constraints among it) and files a constraint's message
# under NON_FIELD_ERRORS in `self._errors`; the override moves it to its field.
def test_field_errors_form_post_clean():
    from django.db.models import BaseConstraint, Model
    from django.forms.models import BaseModelForm

    from entry.admin_base import FieldErrorsForm

    written_against("Django", "5.2.19", "entry.admin_base.FieldErrorsForm._post_clean")
    assert issubclass(FieldErrorsForm, BaseModelForm)
    assert signature(BaseModelForm._post_clean) == "(self)"
    source = inspect.getsource(BaseModelForm._post_clean)
    assert "self.validate_unique()" in source and "self._update_errors(" in source
    assert "validate_constraints" in inspect.getsource(Model.full_clean)
    assert signature(BaseConstraint.get_violation_error_message) == "(self)"


# entry/admin.py SocialPageInlineForm._get_validation_exclusions and
# SocialPageInlineFormSet._construct_form: Django's private hooks; the form removes
# "organization" from the returned set, the formset sets it on each form it builds.
def test_social_page_inline_private_hooks():
    from django.forms.models import BaseInlineFormSet, BaseModelForm

    written_against(
        "Django",
        "5.2.19",
        "entry.admin.SocialPageInlineForm._get_validation_exclusions, "
        "SocialPageInlineFormSet._construct_form",
    )
    assert signature(BaseModelForm._get_validation_exclusions) == "(self)"
    source = inspect.getsource(BaseModelForm._get_validation_exclusions)
    assert "exclude = set()" in source and "return exclude" in source  # a set: .discard
    assert signature(BaseInlineFormSet._construct_form) == "(self, i, **kwargs)"
    assert "return form" in inspect.getsource(BaseInlineFormSet._construct_form)


# entry/admin_mixins.py DataIOAdminMixin._do_file_export: import-export's private method
# that makes the export's response; the override re-encodes its Content-Disposition
# (a Cyrillic file name). The other overrides there are its public hooks, whose
# arguments the mixin passes on as they are listed here.
def test_data_io_admin_export_hooks():
    from import_export.admin import ExportMixin, ImportMixin
    from import_export.formats.base_formats import CSV, XLSX
    from import_export.forms import ExportForm

    written_against(
        "django-import-export", "4.4.3", "entry.admin_mixins.DataIOAdminMixin._do_file_export"
    )
    assert signature(ExportMixin._do_file_export) == (
        "(self, file_format, request, queryset, export_form=None)"
    )
    source = inspect.getsource(ExportMixin._do_file_export)
    assert 'response["Content-Disposition"]' in source and "return response" in source
    assert signature(ImportMixin.add_data_read_fail_error_to_form) == "(self, form, e)"
    assert signature(ImportMixin.create_import_form) == "(self, request)"
    assert signature(ExportMixin.get_export_filename) == "(self, request, queryset, file_format)"
    assert signature(XLSX.export_data) == signature(CSV.export_data) == "(self, dataset, **kwargs)"
    assert signature(ExportForm.__init__) == "(self, formats, resources, **kwargs)"


# dataio/upload_storage.py ImportFileStorage._open: import-export's TempFolderStorage
# opens every file through its private `_open(mode)`, from `save` and `read`; the
# override keeps the uploads in the project's own folder.
def test_import_file_storage_open(tmp_path, settings):
    from import_export.tmp_storages import TempFolderStorage

    from dataio.upload_storage import ImportFileStorage

    written_against(
        "django-import-export", "4.4.3", "dataio.upload_storage.ImportFileStorage._open"
    )
    assert signature(TempFolderStorage._open) == "(self, mode='r')"
    settings.IMPORT_FILES_DIR = str(tmp_path)
    storage = ImportFileStorage(read_mode="rb")
    storage.save(b"PK\x03\x04 the upload")
    assert [path.name for path in tmp_path.iterdir()] == [storage.name]
    assert ImportFileStorage(name=storage.name, read_mode="rb").read() == b"PK\x03\x04 the upload"
    storage.remove()
    assert list(tmp_path.iterdir()) == []


# dataio/resources.py SheetResource: import-export's row hooks, and its private
# `_is_using_transactions(kwargs)` / `_is_dry_run(kwargs)` called from `save_m2m`;
# ExcelNumberedResult renumbers the result's invalid and error rows (`.number`).
def test_sheet_resource_hooks():
    from django.core.exceptions import ValidationError
    from import_export.admin import ExportMixin, ImportMixin
    from import_export.fields import Field
    from import_export.resources import Resource
    from import_export.results import ErrorRow, InvalidRow, Result

    written_against(
        "django-import-export",
        "4.4.3",
        "dataio.resources.SheetResource (save_m2m, row hooks), SheetField.export, "
        "ExcelNumberedResult.renumber",
    )
    assert signature(Resource._is_using_transactions) == "(self, kwargs)"
    assert signature(Resource._is_dry_run) == "(self, kwargs)"
    expected = {
        "save_m2m": "(self, instance, row, **kwargs)",
        "before_import_row": "(self, row, **kwargs)",
        "before_save_instance": "(self, instance, row, **kwargs)",
        "get_or_init_instance": "(self, instance_loader, row)",
        "import_instance": "(self, instance, row, **kwargs)",
        "validate_instance": "(self, instance, import_validation_errors=None, "
        "validate_unique=True)",
        "get_result_class": "()",  # a classmethod, called on the resource
    }
    for name, wanted in expected.items():
        assert signature(getattr(Resource, name)) == wanted, name
    assert "row_number" in inspect.getsource(Resource.import_row)  # before_import_row's
    # before_save_instance's `file_name`: the admin's import passes it to import_data,
    # which hands its keyword arguments down to each row's hooks.
    assert "file_name=file_name" in inspect.getsource(ImportMixin.process_dataset)
    assert "**kwargs" in inspect.getsource(Resource.import_row)
    assert signature(Field.export) == "(self, instance, **kwargs)"
    # SheetField.export reads `force_native_type`: the admin's export passes it (a
    # binary format: native values) through export_data to each field's export.
    assert "force_native_type=" in inspect.getsource(ExportMixin.get_export_data)
    assert "**kwargs" in inspect.getsource(Field.export)
    result = Result()
    result.append_invalid_row(3, {}, ValidationError("x"))
    result.append_error_row(4, {}, [])
    assert isinstance(result.invalid_rows[0], InvalidRow) and result.invalid_rows[0].number == 3
    assert isinstance(result.error_rows[0], ErrorRow) and result.error_rows[0].number == 4


# entry/admin_base.py ScopedAdmin: simple_history's admin hooks `get_history_queryset`
# and `set_history_delta_changes` (undocumented, called from `history_view`) and
# `history_form_view`; and `_change_reason` / `_history_user` set on rows before save
# (dataio/importing.py, dataio/resources.py, indicators/monthsheet.py), which
# simple_history reads from the instance.
def test_simple_history_hooks():
    from simple_history.admin import SimpleHistoryAdmin
    from simple_history.models import HistoricalRecords
    from simple_history.utils import get_change_reason_from_object

    written_against(
        "django-simple-history",
        "3.13.0",
        "entry.admin_base.ScopedAdmin (get_history_queryset, set_history_delta_changes, "
        "history_form_view) and the rows' _change_reason/_history_user",
    )
    parameters = inspect.signature(SimpleHistoryAdmin.get_history_queryset).parameters
    assert list(parameters) == ["self", "request", "history_manager", "pk_name", "object_id"]
    parameters = inspect.signature(SimpleHistoryAdmin.set_history_delta_changes).parameters
    assert list(parameters)[:3] == ["self", "request", "historical_records"]
    source = inspect.getsource(SimpleHistoryAdmin.history_view)
    assert "self.get_history_queryset(" in source and "self.set_history_delta_changes(" in source
    assert signature(SimpleHistoryAdmin.history_form_view) == (
        "(self, request, object_id, version_id, extra_context=None)"
    )

    class Row:
        _change_reason = "Импорт из файла «x.xlsx»"
        _history_user = "methodist"

    assert get_change_reason_from_object(Row()) == "Импорт из файла «x.xlsx»"
    assert HistoricalRecords().get_history_user(Row()) == "methodist"


# branches/lockout.py LockoutBackend.authenticate: axes' backend refuses a call without
# a request (an exception); the override lets such a call go to the next backend.
# `attempts_left` counts as axes does, with its handler and helper.
def test_axes_lockout_overrides():
    from axes.backends import AxesStandaloneBackend
    from axes.exceptions import AxesBackendRequestParameterRequired
    from axes.handlers.proxy import AxesProxyHandler
    from axes.helpers import get_failure_limit

    from branches.lockout import LockoutBackend

    written_against(
        "django-axes", "8.3.1", "branches.lockout.LockoutBackend.authenticate, attempts_left"
    )
    with pytest.raises(AxesBackendRequestParameterRequired):
        AxesStandaloneBackend().authenticate(None, username="methodist", password="x")
    assert LockoutBackend().authenticate(None, username="methodist", password="x") is None
    assert list(inspect.signature(AxesProxyHandler.get_failures).parameters) == [
        "request",
        "credentials",
    ]
    assert list(inspect.signature(get_failure_limit).parameters) == ["request", "credentials"]


# cbs_reports/health.py HealthView: django-health-check's view, its `checks` by dotted
# path, its async `get` asked for plain text through `?format=text`.
def test_health_view_overrides():
    from health_check.views import HealthCheckView

    written_against("django-health-check", "4.8.0", "cbs_reports.health.HealthView.get")
    assert inspect.iscoroutinefunction(HealthCheckView.get)
    assert signature(HealthCheckView.get) == "(self, request, *args, **kwargs)"
    source = inspect.getsource(HealthCheckView)
    assert 'request.GET.get("format")' in source and 'case "text":' in source
    assert "health_check.checks.Database" in source


# reports/renderers/docx_xml.py: the one module past python-docx's API. It uses
# `Document._body`, `Paragraph._p`, `Table._tbl` and the oxml elements' generated
# accessors; tests/reports/test_docx_xml.py checks what it writes, read back.
def test_python_docx_internals_used_by_docx_xml():
    from docx import Document
    from docx.oxml.table import CT_Tbl
    from docx.oxml.text.paragraph import CT_P
    from docx.oxml.text.parfmt import CT_PPr

    written_against("python-docx", "1.2.0", "reports.renderers.docx_xml")
    document = Document()
    paragraph = document.add_paragraph("x")
    table = document.add_table(rows=0, cols=1)
    assert document._body._element is document.element.body
    assert isinstance(paragraph._p, CT_P) and isinstance(table._tbl, CT_Tbl)
    assert document.element.body.sectPr is not None
    assert isinstance(CT_P.style, property) and isinstance(CT_Tbl.tblStyle_val, property)
    assert callable(CT_PPr.get_or_add_keepNext) and callable(CT_P.get_or_add_pPr)


# branches/accounts.py SilentPasswordResetForm.send_mail: a copy of Django's
# PasswordResetForm.send_mail (the letter built the same way), which logs a refused
# letter and tells ADMINS instead of only logging it.
def test_password_reset_send_mail_copy():
    from django.contrib.auth.forms import PasswordResetForm

    from branches.accounts import SilentPasswordResetForm

    written_against("Django", "5.2.19", "branches.accounts.SilentPasswordResetForm.send_mail")
    assert signature(SilentPasswordResetForm.send_mail) == signature(PasswordResetForm.send_mail)
    source = inspect.getsource(PasswordResetForm.send_mail)
    for step in (
        "loader.render_to_string(subject_template_name, context)",
        'subject = "".join(subject.splitlines())',
        "EmailMultiAlternatives(subject, body, from_email, [to_email])",
        'attach_alternative(html_email, "text/html")',
        "email_message.send()",
    ):
        assert step in source, step


# entry/admin_names.py delete_selected: Django's delete action, its deletion branch
# copied (to name the rows in Russian and Kazakh plural forms): the same calls in the
# same order as Django's.
def test_delete_selected_copy():
    from django.contrib.admin.actions import delete_selected

    written_against("Django", "5.2.19", "entry.admin_names.delete_selected")
    source = inspect.getsource(delete_selected)
    steps = [
        "modeladmin.get_deleted_objects(queryset, request)",
        'request.POST.get("post") and not protected',
        "raise PermissionDenied",
        "modeladmin.log_deletions(request, queryset)",
        "modeladmin.delete_queryset(request, queryset)",
        "modeladmin.message_user(",
        "return None",
    ]
    at = 0
    for step in steps:  # each after the one before
        at = source.find(step, at)
        assert at != -1, step


# entry/admin_params.py TypedParamsChangeListMixin: the change list's
# `get_filters_params(params)` and `get_filters(request)`, refusing a number no column
# holds with a 404 before Django's query.
def test_typed_params_change_list_hooks():
    from django.contrib.admin.views.main import ChangeList

    written_against("Django", "5.2.19", "entry.admin_params.TypedParamsChangeListMixin")
    assert signature(ChangeList.get_filters_params) == "(self, params=None)"
    assert signature(ChangeList.get_filters) == "(self, request)"
    assert "self.get_filters_params()" in inspect.getsource(ChangeList.get_filters)
