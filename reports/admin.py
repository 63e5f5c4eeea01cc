"""The report in admin: its change page *is* the report.

Every section as it will print (the same ReportData the DOCX and XLSX render)
beside the methodologist's narrative for that section, the consistency notes,
buttons to download DOCX/XLSX and to move the report along its statuses. A table
of contents leads to each part, each a collapsible block (`ReportBlock`, a template
of its own); the report is built once per data version (the figures cache).
"""

from types import SimpleNamespace

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from branches.models import Organization, ReportingPeriod, WriteRefused
from branches.scoping import scope_queryset, user_organization
from cbs_reports import security_log
from entry.admin_base import has_profile
from entry.admin_params import TypedParamsAdminMixin
from handin.views import period_remember
from reportkit.data import Paragraph, Section
from reportkit.sections import ANNUAL_SECTIONS, SECTIONS
from reports.models import Report, ReportFile, SectionText
from reports.page import ReportBlock, checks_block, report_language, section_blocks
from reports.renderers import RENDERERS
from reports.report_files import (
    report_file_data,
    report_file_render,
    report_file_start,
    report_is_big,
)
from reports.services import report_reopen_returned, report_set_status
from reports.tasks import report_file_build
from reports.wordings import WORDED_KINDS, worded_items, worded_queryset

LANGUAGES = settings.LANGUAGES

WORDING_SAVED = _("Формулировка сохранена: %(item)s.")
WORDING_CHANGED = "Формулировка в отчёте, со страницы отчёта"


# Each section has a text before its lists and one after them, in both languages.
PLACES = (("", _("до списка")), ("_after", _("после списка")))
ANCHOR_HELP = _(
    "Абзацы разделяются пустой строкой. Абзац, первая строка которого «@часть названия "
    "мероприятия», печатается сразу после этого мероприятия."
)


def _report_data(report: Report, language: str):
    """The report's data, computed once per data version (an approval is a write too)."""
    return report_file_data(report, language=language, year=False)[1]


def _items_without_kazakh(data) -> list[tuple[str, str]]:
    """(what the item is, its admin change page) of each item the Kazakh report prints
    as entered (ReportData.untranslated)."""
    items = []
    for label, pk, text in data.untranslated:
        app_label, model_name = label.split(".")
        items.append((text, reverse(f"admin:{app_label}_{model_name}_change", args=[pk])))
    return items


def _field_name(language: str, code: str, where: str = "") -> str:
    return f"text{where}_{language}__{code}"


def _section_field_names(code: str) -> list[str]:
    return [_field_name(lang, code, where) for where, _p in PLACES for lang, _l in LANGUAGES]


def _narrated_sections(report: Report) -> list:
    """The sections whose narrative a report's form edits: the half-year's, and in a
    second half-year's report the annual report's too (the year's report prints the
    texts of both its halves; its annual sections are written once, with the second)."""
    if report.pk and report.period.half == 2:
        return SECTIONS + ANNUAL_SECTIONS
    return SECTIONS


ANNUAL_ONLY = _("Раздел годового отчёта: печатается в отчёте за год, с его цифрами.")


class ReportForm(forms.ModelForm):
    """The report plus one pair of narrative fields (ru, kk) per section."""

    class Meta:
        model = Report
        fields = ["organization", "period", "untranslated", "untranslated_items_noted"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "untranslated" in self.fields:
            # A form that does not send the choice keeps the report's current one.
            self.fields["untranslated"].required = False
        texts = {}
        if self.instance.pk:
            texts = {t.section: t for t in self.instance.texts.all()}
        for section in _narrated_sections(self.instance):
            text = texts.get(section.code)
            for where, place in PLACES:
                for language, label in LANGUAGES:
                    self.fields[_field_name(language, section.code, where)] = forms.CharField(
                        label=f"{section.title} ({label}, {place})",
                        required=False,
                        widget=forms.Textarea(attrs={"rows": 5 if not where else 3, "cols": 60}),
                        initial=getattr(text, f"text{where}_{language}", "") if text else "",
                        help_text=ANCHOR_HELP if not where else "",
                    )

    def clean_untranslated(self):
        return self.cleaned_data.get("untranslated") or self.instance.untranslated

    def clean(self):
        cleaned = super().clean()
        organization, period = cleaned.get("organization"), cleaned.get("period")
        if organization and period and period.organization_id != organization.pk:
            raise ValidationError({"period": _("Период относится к другой ЦБС.")})
        return cleaned

    def save_texts(self, report: Report) -> None:
        """Writes the sections whose text changed, only: a save of one section is a few
        queries, not a write (and a data version) per section."""
        changed = set(self.changed_data)
        for section in _narrated_sections(report):
            if not changed.intersection(_section_field_names(section.code)):
                continue
            values = {
                f"text{where}_{lang}": self.cleaned_data.get(
                    _field_name(lang, section.code, where), ""
                ).strip()
                for where, _place in PLACES
                for lang, _label in LANGUAGES
            }
            if any(values.values()):
                SectionText.objects.update_or_create(
                    report=report, section=section.code, defaults=values
                )
            else:
                SectionText.objects.filter(report=report, section=section.code).delete()


# Approval asks first (a page, no script): only the confirming POST approves.
CONFIRMED = "confirmed"
APPROVE_TITLE = _("Утвердить отчёт за %(period)s и зафиксировать полугодие?")
APPROVE_TEXT = _(
    "Отчёт %(organization)s за %(period)s станет окончательным. Данные всех библиотек "
    "%(organization)s за это полугодие будут зафиксированы: их больше нельзя будет менять, "
    "сдавать и возвращать ни библиотекарям, ни методисту, а отчёт — вернуть в черновик."
)


class WordingForm(forms.Form):
    """One item's wording, posted from the report's page (reports/admin/_wordings.html)."""

    kind = forms.ChoiceField(choices=[(kind, kind) for kind in WORDED_KINDS])
    item = forms.IntegerField(min_value=1)
    wording_ru = forms.CharField(required=False)
    wording_kk = forms.CharField(required=False)
    language = forms.ChoiceField(choices=LANGUAGES, required=False)


@admin.register(Report)
class ReportAdmin(TypedParamsAdminMixin, admin.ModelAdmin):
    form = ReportForm
    list_display = ["__str__", "period", "status", "updated_at"]
    list_filter = ["status"]
    change_form_template = "reports/admin/report_change_form.html"

    def get_queryset(self, request):
        qs = super().get_queryset(request).select_related("organization", "period")
        return scope_queryset(qs, request.user)

    def get_readonly_fields(self, request, obj=None):
        return ["organization", "period"] if obj else []

    # Staff without a staff profile see nothing, as in every data admin.
    def has_module_permission(self, request):
        return has_profile(request) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return has_profile(request) and super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return has_profile(request) and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        # An approved report is frozen: its page stays, its texts no longer change.
        if obj is not None and obj.status == Report.Status.APPROVED:
            return False
        return has_profile(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status != Report.Status.DRAFT:
            return False
        return has_profile(request) and super().has_delete_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        organization = user_organization(request.user)
        if db_field.name == "organization" and not request.user.is_superuser:
            kwargs["queryset"] = Organization.objects.filter(pk=getattr(organization, "pk", None))
        if db_field.name == "period":
            periods = ReportingPeriod.objects.filter(report__isnull=True)
            if not request.user.is_superuser:
                periods = periods.filter(organization=organization)
            kwargs["queryset"] = periods
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.save_texts(form.instance)

    # --- the page -------------------------------------------------------------

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            language = report_language(request)
            data = _report_data(obj, language)
            editable = self.has_change_permission(request, obj)
            blocks = [
                checks_block(data),
                *section_blocks(data, obj, self._narrative_fields(context, editable), editable),
                *self._annual_blocks(obj, language, context, editable),
                *self.report_extra_blocks(request, obj, data),
            ]
            context["report_blocks"] = blocks
            context["report_data"] = data
            context["report_language"] = language
            context["report_languages"] = LANGUAGES
            context["report_editable"] = editable
            context["report_transitions"] = self._transitions(request, obj)
            context["report_downloads"] = [
                (fmt.upper(), lang, reverse("admin:reports_report_download", args=[obj.pk, fmt]))
                for fmt in RENDERERS
                for lang, _label in LANGUAGES
            ]
            context["report_year"] = obj.period.year
            context["report_wording_url"] = reverse("admin:reports_report_wording", args=[obj.pk])
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _annual_blocks(self, report: Report, language: str, context, editable: bool):
        """A second half-year's page: the annual sections' narrative boxes, each shown as
        its text prints (the figures come with the year's report)."""
        annual = [s for s in _narrated_sections(report) if s in ANNUAL_SECTIONS]
        if not annual:
            return []
        texts = {t.section: t for t in report.texts.all()}
        sections = []
        for definition in annual:
            text = texts.get(definition.code)
            sections.append(
                Section(
                    code=definition.code,
                    title=str(definition.title),
                    narrative=text.text(language) if text else "",
                    narrative_end=text.text(language, "_after") if text else "",
                    blocks=[Paragraph(str(ANNUAL_ONLY), style="note")],
                )
            )
        data = SimpleNamespace(sections=sections)
        return section_blocks(data, report, self._narrative_fields(context, editable), editable)

    @staticmethod
    def _narrative_fields(context, editable: bool):
        """A section's narrative fields of the page's form (none when it is read-only)."""
        form = context["adminform"].form
        return lambda code: [form[name] for name in _section_field_names(code)] if editable else []

    @staticmethod
    def _wordings_block(report: Report, language: str) -> ReportBlock:
        """Every printed item beside its wordings, each saved by a small form of its own:
        so the block stands after the report's form (forms cannot nest)."""
        items = worded_items(period=report.period, language=language)
        return ReportBlock(
            anchor="wordings",
            title=gettext("Формулировки пунктов отчёта (%(n)s)") % {"n": len(items)},
            template="reports/admin/_wordings.html",
            context={"items": items},
            outside_form=True,
        )

    def report_extra_blocks(self, request, report: Report, data) -> list[ReportBlock]:
        """More collapsible parts of the page after the sections (each a template of its
        own): the place for lists about the report, such as items without Kazakh text."""
        blocks = []
        items = _items_without_kazakh(data)
        if items:
            blocks.append(
                ReportBlock(
                    anchor="items-without-kazakh",
                    title=gettext("Записи без казахского текста: %(n)s") % {"n": len(items)},
                    template="reports/admin/items_without_kazakh.html",
                    context={"items": items},
                )
            )
        return [*blocks, self._wordings_block(report, data.language)]

    def response_change(self, request, obj):
        # «Сохранить» keeps the methodologist on the report (Django would go to the list of
        # reports): a redirect, so a reload does not post the form again.
        response = super().response_change(request, obj)
        if "_continue" not in request.POST and "_addanother" not in request.POST:
            language = request.GET.get("language")
            url = reverse("admin:reports_report_change", args=[obj.pk])
            if language in dict(LANGUAGES):
                url += f"?language={language}"
            return HttpResponseRedirect(url)
        return response

    def _transitions(self, request, report: Report) -> list[tuple[str, str, str]]:
        can_change = super().has_change_permission(request, report)
        can_approve = request.user.has_perm("reports.approve_report")
        options = []
        if report.status == Report.Status.DRAFT and can_change:
            options.append(("submitted", _("Сдать отчёт")))
        if report.status == Report.Status.SUBMITTED:
            if can_approve:
                options.append(("approved", _("Утвердить и зафиксировать")))
            if can_change:
                options.append(("draft", _("Вернуть в черновик")))
        return [
            (target, label, reverse("admin:reports_report_status", args=[report.pk, target]))
            for target, label in options
        ]

    # --- extra URLs: downloads and status changes ------------------------------

    def get_urls(self):
        extra = [
            path(
                "<int:pk>/download/<str:fmt>/",
                self.admin_site.admin_view(self.download_view),
                name="reports_report_download",
            ),
            path(
                "<int:pk>/file/<uuid:file_id>/",
                self.admin_site.admin_view(self.file_view),
                name="reports_report_file",
            ),
            path(
                "<int:pk>/file/<uuid:file_id>/download/",
                self.admin_site.admin_view(self.file_download_view),
                name="reports_report_file_download",
            ),
            path(
                "<int:pk>/status/<str:target>/",
                self.admin_site.admin_view(self.status_view),
                name="reports_report_status",
            ),
            path(
                "<int:pk>/reopen/",
                self.admin_site.admin_view(self.reopen_view),
                name="reports_report_reopen",
            ),
            path(
                "<int:pk>/wording/",
                self.admin_site.admin_view(self.wording_view),
                name="reports_report_wording",
            ),
            path(
                "period/<int:period_pk>/",
                self.admin_site.admin_view(self.period_view),
                name="reports_report_of_period",
            ),
        ]
        return extra + super().get_urls()

    def _report_for(self, request, pk) -> Report:
        """The report if the user may see it: someone else's is a 404, no view right a 403."""
        report = self.get_queryset(request).filter(pk=pk).first()
        if report is None:
            raise Http404
        if not self.has_view_permission(request, report):
            raise PermissionDenied
        return report

    def period_view(self, request, period_pk):
        """The report of a half-year by its period (the hand-in overview links here, as it
        knows periods, not reports): its page, or the add form with the period chosen."""
        report = self.get_queryset(request).filter(period_id=period_pk).first()
        if report is not None:
            return HttpResponseRedirect(reverse("admin:reports_report_change", args=[report.pk]))
        periods = scope_queryset(ReportingPeriod.objects.filter(pk=period_pk), request.user)
        period = periods.first()
        if period is None:
            raise Http404
        if not self.has_add_permission(request):
            raise PermissionDenied
        return HttpResponseRedirect(f"{reverse('admin:reports_report_add')}?period={period.pk}")

    def download_view(self, request, pk, fmt):
        """The file at once, or, for a big organization, queued for the worker: then the
        browser goes to the file's page, which says «готовится» and then offers it."""
        report = self._report_for(request, pk)
        if fmt not in RENDERERS:
            raise Http404
        language = request.GET.get("language", "ru")
        if language not in dict(LANGUAGES):
            language = "ru"
        year = request.GET.get("span") == "year"
        if report_is_big(report, year=year):
            file = report_file_start(
                report, user=request.user, fmt=fmt, language=language, year=year
            )
            report_file_build.enqueue(str(file.pk))
            return HttpResponseRedirect(
                reverse("admin:reports_report_file", args=[report.pk, file.pk])
            )
        filename, content = report_file_render(report, fmt=fmt, language=language, year=year)
        return self._file_response(filename, content, fmt)

    @staticmethod
    def _file_response(filename: str, content: bytes, fmt: str) -> HttpResponse:
        response = HttpResponse(content, content_type=RENDERERS[fmt][1])
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def _file_for(self, request, pk, file_id) -> ReportFile:
        report = self._report_for(request, pk)
        file = ReportFile.objects.filter(pk=file_id, report=report, user=request.user).first()
        if file is None:
            raise Http404
        return file

    def file_view(self, request, pk, file_id):
        file = self._file_for(request, pk, file_id)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Файл отчёта"),
            "opts": self.model._meta,
            "original": file.report,
            "file": file,
            "states": ReportFile.State,
            "download_url": reverse("admin:reports_report_file_download", args=[pk, file.pk]),
            "report_url": reverse("admin:reports_report_change", args=[pk]),
            "refresh_seconds": 2,
        }
        return TemplateResponse(request, "reports/admin/report_file.html", context)

    def file_download_view(self, request, pk, file_id):
        file = self._file_for(request, pk, file_id)
        if file.state != ReportFile.State.READY:
            return HttpResponseRedirect(reverse("admin:reports_report_file", args=[pk, file.pk]))
        return self._file_response(file.filename, bytes(file.content), file.fmt)

    def _approve_question(self, request, report: Report):
        """Approval freezes the half-year for good: ask first, saying what it locks and
        for whom. The page changes nothing; «Отмена» goes back to the report."""
        names = {"organization": report.organization.name(), "period": report.period.label}
        context = {
            **self.admin_site.each_context(request),
            "title": APPROVE_TITLE % names,
            "text": APPROVE_TEXT % names,
            "opts": self.model._meta,
            "original": report,
            "confirmed": CONFIRMED,
            "report_url": reverse("admin:reports_report_change", args=[report.pk]),
        }
        return TemplateResponse(request, "reports/admin/report_confirm_approve.html", context)

    def status_view(self, request, pk, target):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        report = self._report_for(request, pk)
        allowed = {t for t, _label, _url in self._transitions(request, report)}
        if target not in allowed:
            raise PermissionDenied
        if target == Report.Status.APPROVED and request.POST.get(CONFIRMED) != "yes":
            return self._approve_question(request, report)
        # The hand-in overview then shows this half-year, not the one due next.
        period_remember(request, report.period)
        try:
            report_set_status(report=report, status=target)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(
                request,
                _("Статус отчёта: %(status)s.") % {"status": report.get_status_display()},
                messages.SUCCESS,
            )
            security_log.event(
                "report_status",
                user=request.user.get_username(),
                report=str(report.period),
                organization=report.organization.code,
                status=report.status,
            )
        return HttpResponseRedirect(reverse("admin:reports_report_change", args=[report.pk]))

    def reopen_view(self, request, pk):
        """The ЦБС reopens the approved report its region returned (the ЦБС's overview
        posts the reason here); who may is the service's question."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        report = self._report_for(request, pk)
        try:
            report_reopen_returned(
                report=report, user=request.user, reason=request.POST.get("reason", "")
            )
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(
                request,
                gettext("Отчёт открыт для исправления: исправьте, утвердите и сдайте его снова."),
                messages.SUCCESS,
            )
            security_log.event(
                "report_reopened",
                user=request.user.get_username(),
                report=str(report.period),
                organization=report.organization.code,
            )
        return HttpResponseRedirect(reverse("admin:reports_report_change", args=[report.pk]))

    def wording_view(self, request, pk):
        """Save one item's wording from the report's page. The item must be one the report
        prints (its organization's, in its half-year); a closed half-year refuses at the
        data layer (branches.facts), which the page then says."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        report = self._report_for(request, pk)
        if not self.has_change_permission(request, report):
            raise PermissionDenied
        form = WordingForm(request.POST)
        if not form.is_valid():
            raise Http404
        data = form.cleaned_data
        rows = scope_queryset(worded_queryset(data["kind"], period=report.period), request.user)
        item = rows.filter(pk=data["item"]).first()
        if item is None:
            raise Http404
        item.wording_ru = data["wording_ru"].strip()
        item.wording_kk = data["wording_kk"].strip()
        item._change_reason = WORDING_CHANGED
        try:
            item.save(update_fields=["wording_ru", "wording_kk"])
        except WriteRefused as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, WORDING_SAVED % {"item": item}, messages.SUCCESS)
        url = reverse("admin:reports_report_change", args=[report.pk])
        language = data.get("language") or "ru"
        return HttpResponseRedirect(f"{url}?language={language}#wording-{data['kind']}-{item.pk}")
