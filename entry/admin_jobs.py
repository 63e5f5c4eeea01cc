"""The admin import's pages: an upload becomes a job run by the task worker.

- The import page checks the file as a file (format, limits, sheet, columns) at once
  and refuses a bad one on the form, as before; a good one is stored, its check is
  queued, and the browser goes to the job's page.
- The job's page (`import/<id>/`) shows the rows checked so far and refreshes itself
  while the worker runs; then the result: every error by row and column, or the
  summary and the preview with «Подтвердить импорт» and «Отменить импорт».
- Confirming queues the save (`process_import/`); the page then shows its progress
  and its outcome. Another user's job, or a job of another list, is a 404.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from dataio.jobs import (
    file_rows_checked,
    imports_cleanup,
    job_cancel,
    job_confirm,
    job_start,
    progress_of,
)
from dataio.models import ImportJob
from dataio.schema import sheet_for
from dataio.tasks import import_check, import_save

REFRESH_SECONDS = 2


class ImportConfirmForm(forms.Form):
    job = forms.UUIDField(widget=forms.HiddenInput)


class JobRow:
    """A row of the result as the page (and the package's template names) read it."""

    def __init__(self, values, number=None, errors=None, import_type=None):
        self.number = number
        self.values = self.diff = values
        self.import_type = import_type
        errors = errors or {}
        self.field_specific_errors = {k: v for k, v in errors.items() if k}
        self.non_field_specific_errors = errors.get("", [])
        # As the package's rows have it: the whole row's errors under "__all__".
        self.error_dict = {(k or NON_FIELD_ERRORS): v for k, v in errors.items()}


class JobResult:
    """What the job's pass found, read back from `ImportJob.result`."""

    def __init__(self, job: ImportJob):
        result = job.result or {}
        self.diff_headers = result.get("headers", [])
        self.total_rows = result.get("rows", job.rows_total)
        self.totals = {key: result.get(key, 0) for key in ("new", "update", "skip")}
        self.invalid_rows = [
            JobRow(row["values"], number=row["number"], errors=row["errors"])
            for row in result.get("invalid", [])
        ]
        self.invalid_count = result.get("invalid_count", len(self.invalid_rows))
        self._valid = [
            JobRow(row["values"], import_type=row["type"]) for row in result.get("shown", [])
        ]
        self.file_errors = result.get("file_errors", [])
        listed = sum(len(m) for row in self.invalid_rows for m in row.error_dict.values())
        self.more_errors = max(result.get("error_count", 0) - listed, 0)

    def valid_rows(self) -> list[JobRow]:
        return self._valid

    @property
    def shown_rows(self) -> int:
        return len(self._valid)

    def has_validation_errors(self) -> bool:
        return bool(self.invalid_rows)

    def has_errors(self) -> bool:
        return bool(self.file_errors)


class ImportJobsAdminMixin:
    """Mixed into `DataIOAdminMixin`: replaces the package's import in the request."""

    import_job_template_name = "entry/import_job.html"

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        extra = [
            path(
                "import/<uuid:job_id>/",
                self.admin_site.admin_view(self.import_job_view),
                name="{}_{}_import_job".format(*info),
            )
        ]
        return extra + super().get_urls()

    def _import_url(self) -> str:
        info = self.model._meta.app_label, self.model._meta.model_name
        return reverse("{}:{}_{}_import".format(self.admin_site.name, *info))

    def _job_url(self, job: ImportJob) -> str:
        info = self.model._meta.app_label, self.model._meta.model_name
        return reverse("{}:{}_{}_import_job".format(self.admin_site.name, *info), args=[job.pk])

    def _job_for(self, request, job_id) -> ImportJob:
        job = ImportJob.objects.filter(
            pk=job_id, user=request.user, model=self.model._meta.label_lower
        ).first()
        if job is None:
            raise Http404
        return job

    # The upload

    def import_upload(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = self.create_import_form(request)
        if form.is_valid():
            upload = form.cleaned_data["import_file"]
            data = b"".join(upload.chunks())
            try:
                rows = file_rows_checked(data, upload.name, sheet_for(self.model))
            except Exception as error:  # a broken file fails in many ways: all refuse it
                self.add_data_read_fail_error_to_form(form, error)
            else:
                job = job_start(
                    user=request.user, model=self.model, name=upload.name, data=data, rows=rows
                )
                import_check.enqueue(str(job.pk))
                return HttpResponseRedirect(self._job_url(job))
        context = self.get_import_context_data()
        context.update(self.admin_site.each_context(request))
        context.update(
            title=_("Import"),
            form=form,
            opts=self.model._meta,
            media=self.media + form.media,
            fields_list=self._columns_list(),
            import_error_display=self.import_error_display,
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, [self.import_template_name], context)

    # The job's page

    def import_job_view(self, request, job_id):
        if not self.has_import_permission(request, made=True):
            raise PermissionDenied
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
        imports_cleanup()
        job = self._job_for(request, job_id)
        context = self.admin_site.each_context(request)
        context.update(
            title=_("Импорт файла «%(name)s»") % {"name": job.file_name},
            opts=self.model._meta,
            job=job,
            states=ImportJob.State,
            done=progress_of(job),
            result=JobResult(job),
            refresh_seconds=REFRESH_SECONDS,
            import_url=self._import_url(),
        )
        if job.state in (ImportJob.State.READY, ImportJob.State.CHECKING):
            context["cancel_form"] = ImportConfirmForm(initial={"job": job.pk})
        if job.state == ImportJob.State.READY:
            context["confirm_form"] = ImportConfirmForm(initial={"job": job.pk})
        request.current_app = self.admin_site.name
        return TemplateResponse(request, [self.import_job_template_name], context)

    # Confirm or cancel

    def process_import(self, request, **kwargs):
        """Confirm (queue the save) or cancel a checked job. A second click (the job is
        taken) or a stale job gets a message and the import page, never a 500."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = ImportConfirmForm(request.POST)
        if not form.is_valid():
            return self._import_refused(request)
        job = self._job_for(request, form.cleaned_data["job"])
        if "cancel" in request.POST:
            if job_cancel(job):
                messages.info(request, _("Импорт отменён: ничего не сохранено, файл удалён."))
                return HttpResponseRedirect(self._import_url())
            return HttpResponseRedirect(self._job_url(job))
        if not job_confirm(job):
            return self._import_refused(request)
        import_save.enqueue(str(job.pk))
        return HttpResponseRedirect(self._job_url(job))

    def _import_refused(self, request):
        messages.error(
            request,
            _(
                "Этот файл уже импортирован или его проверка устарела. Ничего не сохранено; "
                "загрузите файл снова."
            ),
        )
        return HttpResponseRedirect(self._import_url())
