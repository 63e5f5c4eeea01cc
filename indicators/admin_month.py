"""The work log's «Лист месяца» page: download a month in the paper layout, upload it back."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import content_disposition_header, urlencode
from django.utils.translation import gettext as _

from branches.models import Library
from branches.scoping import scope_queryset, staff_profile
from dataio.files import max_file_size
from indicators.forms import MonthSheetForm
from indicators.monthsheet import (
    MonthSheetError,
    days_label,
    month_file_name,
    month_label,
    month_sheet_import,
    month_sheet_write,
)

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def month_taken_from_file(year: int, month: int, asked) -> str:
    return _("Месяц взят из файла: %(file)s (в форме выбран %(asked)s).") % {
        "file": month_label(year, month),
        "asked": month_label(*asked),
    }


def uploaded_message(result) -> str:
    """«Лист месяца за март 2021 загружен. Добавлены: 3, 4, 5 марта; изменены: 10 марта.»"""
    parts = []
    if result.added_days:
        parts.append(_("добавлены: %(days)s") % {"days": days_label(result.added_days)})
    if result.changed_days:
        parts.append(_("изменены: %(days)s") % {"days": days_label(result.changed_days)})
    what = "; ".join(parts) if parts else _("ничего не изменилось")
    what = what[:1].upper() + what[1:]
    month = month_label(result.year, result.month)
    return _("Лист месяца за %(month)s загружен. %(what)s.") % {"month": month, "what": what}


def grid_url(library, result) -> str:
    """The month grid with the uploaded days marked (`?added=3,4&changed=10`)."""
    url = reverse(
        "indicators:month_grid", args=[library.code, f"{result.year:04d}-{result.month:02d}"]
    )
    query = {
        key: ",".join(str(day.day) for day in days)
        for key, days in (("added", result.added_days), ("changed", result.changed_days))
        if days
    }
    return f"{url}?{urlencode(query)}" if query else url


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
        problems, month_note = [], ""
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
                    if error.year and (error.year, error.month) != (year, month):
                        month_note = month_taken_from_file(error.year, error.month, (year, month))
                else:
                    if result.asked:
                        messages.info(
                            request, month_taken_from_file(result.year, result.month, result.asked)
                        )
                    messages.success(request, uploaded_message(result))
                    if staff_profile(request.user) is not None:
                        return redirect(grid_url(library, result))
                    return redirect(
                        f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"
                    )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Лист месяца"),
            "form": form,
            "problems": problems,
            "month_note": month_note,
            "may_upload": self._may_upload(request),
        }
        return TemplateResponse(request, "indicators/month_sheet.html", context)
