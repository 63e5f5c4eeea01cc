"""The work log's «Лист месяца» page: download a month in the paper layout, upload it back."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from branches.models import Library
from branches.scoping import scope_queryset
from dataio.files import max_file_size
from indicators.forms import MonthSheetForm
from indicators.monthsheet import (
    MonthSheetError,
    month_file_name,
    month_sheet_import,
    month_sheet_write,
)

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class MonthSheetAdminMixin:
    import_export_change_list_template = "indicators/worklog_change_list.html"

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        extra = [
            path(
                "month-sheet/",
                self.admin_site.admin_view(self.month_sheet_view),
                name="{}_{}_month_sheet".format(*info),
            )
        ]
        return extra + super().get_urls()

    def _may_upload(self, request) -> bool:
        return self.has_add_permission(request) and self.has_change_permission(request)

    def month_sheet_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        libraries = scope_queryset(Library.objects.all(), request.user)
        form = MonthSheetForm(request.POST or None, request.FILES or None, libraries=libraries)
        problems = []
        if request.method == "POST" and form.is_valid():
            library, year, month = (form.cleaned_data[k] for k in ("library", "year", "month"))
            if "upload" not in request.POST:
                content = month_sheet_write(library=library, year=year, month=month)
                response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
                name = month_file_name(library, year, month)
                response["Content-Disposition"] = content_disposition_header(True, name)
                return response
            if not self._may_upload(request):
                raise PermissionDenied
            upload = form.cleaned_data["file"]
            if upload is None:
                form.add_error("file", _("Выберите файл листа месяца."))
            elif upload.size > max_file_size():
                form.add_error("file", _("Файл слишком большой."))
            else:
                try:
                    result = month_sheet_import(
                        data=upload.read(), name=upload.name, library=library, year=year,
                        month=month, user=request.user,
                    )  # fmt: skip
                except MonthSheetError as error:
                    problems = error.messages
                else:
                    messages.success(
                        request,
                        _(
                            "Лист месяца загружен: добавлено дней — %(added)s, исправлено — %(changed)s."
                        )
                        % {"added": result.added, "changed": result.changed},
                    )
                    return redirect(
                        f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"
                    )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Лист месяца"),
            "form": form,
            "problems": problems,
            "may_upload": self._may_upload(request),
        }
        return TemplateResponse(request, "indicators/month_sheet.html", context)
