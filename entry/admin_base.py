"""The base of every data admin: rows narrowed to what the user may see.

Every rule of who sees what comes from `branches.scoping`; this module only
applies it at each door the admin has: the changelist and its filters and
actions, change/delete/history pages by id, foreign-key and many-to-many
choices (so autocompletes and hand-made POSTs too) and saving.

Owned by the data-entry work (issue 3); import/export adds its mixin here.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminDateWidget
from django.core.exceptions import (
    NON_FIELD_ERRORS,
    FieldDoesNotExist,
    PermissionDenied,
    ValidationError,
)
from django.db import models, transaction
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from branches.facts import WriteRefused, in_approved_period, periods_memoized
from branches.models import Library, Organization, ReportingPeriod
from branches.scoping import is_librarian, may_touch, scope_queryset, staff_profile
from branches.shared_lists import SHARED_VALUE_LOCKED, locked_for
from entry.admin_mixins import DataIOAdminMixin
from entry.admin_params import TypedParamsAdminMixin
from entry.lock_banner import list_banner, row_banner
from entry.search import FoldedSearchMixin


def has_profile(request) -> bool:
    """Staff without a staff profile see nothing: no organization, no library."""
    return request.user.is_superuser or staff_profile(request.user) is not None


class ScopingMixin:
    """Shared by ScopedAdmin and the scoped inlines."""

    # Librarians type links without a scheme ("balkhashlib.kz"): read them as
    # https, as Django 6 will (and Django 5.2 warns about until told).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return scope_queryset(super().get_queryset(request), request.user)

    def get_field_queryset(self, db, db_field, request):
        """Foreign-key and many-to-many choices: only rows the user may see.

        A forged POST with another library's id then fails the field's
        validation ("Выберите корректный вариант") and nothing is saved.
        """
        queryset = super().get_field_queryset(db, db_field, request)
        if queryset is None:
            queryset = db_field.remote_field.model._default_manager.using(db).all()
        return scope_queryset(queryset, request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if formfield is None or request.user.is_superuser:
            return formfield
        related = db_field.remote_field.model
        profile = staff_profile(request.user)
        if related is Library and is_librarian(request.user):
            # A librarian's library: the only choice, pre-selected and required
            # (a librarian never enters an organization-wide row).
            formfield.empty_label = None
            formfield.required = True
            formfield.initial = profile.library_id
        elif related is Organization and profile is not None:
            formfield.empty_label = None
            formfield.initial = profile.organization_id
        return formfield

    def _may_touch(self, request, obj) -> bool:
        return obj is None or may_touch(request.user, obj)

    def has_view_permission(self, request, obj=None):
        return (
            has_profile(request)
            and super().has_view_permission(request, obj)
            and self._may_touch(request, obj)
        )

    def has_add_permission(self, request, *args):
        return has_profile(request) and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return (
            has_profile(request)
            and super().has_change_permission(request, obj)
            and self._may_touch(request, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return (
            has_profile(request)
            and super().has_delete_permission(request, obj)
            and self._may_touch(request, obj)
        )


# The "as in the report" preview of a row not yet saved: say when it appears.
DESCRIPTION_AFTER_SAVE = _("Появится после сохранения.")

# What a date field shows while empty: the one format users type.
DATE_PLACEHOLDER = _("дд.мм.гггг")


class FieldErrorsForm(forms.ModelForm):
    """Puts a constraint's message next to the field the user has to correct.

    Django reports a model's constraints (a second count for the same day, more
    Kazakh copies than copies) above the form, away from the field. A model lists
    in `constraint_error_fields` which field each constraint's message belongs to;
    the model itself is untouched, so imports keep reporting them per row.
    """

    def _post_clean(self):
        super()._post_clean()
        if NON_FIELD_ERRORS not in self._errors:
            return
        targets = self._constraint_targets()
        kept = []
        for error in self._errors[NON_FIELD_ERRORS].as_data():
            field = targets.get(" ".join(str(m) for m in error.messages))
            if field is None:
                kept.append(error)
            else:
                self._errors.setdefault(field, self.error_class()).extend(error.messages)
        if kept:
            self._errors[NON_FIELD_ERRORS] = self.error_class(kept, error_class="nonfield")
        else:
            del self._errors[NON_FIELD_ERRORS]

    def _constraint_targets(self) -> dict[str, str]:
        """The message of each mapped constraint -> the field it belongs to."""
        mapping = getattr(self._meta.model, "constraint_error_fields", {})
        targets = {}
        for constraint in self._meta.model._meta.constraints:
            field = mapping.get(constraint.name)
            if field in self.fields:
                targets[str(constraint.get_violation_error_message())] = field
        return targets


class ScopedAdmin(
    FoldedSearchMixin, TypedParamsAdminMixin, DataIOAdminMixin, ScopingMixin, SimpleHistoryAdmin
):
    list_per_page = 50
    save_on_top = True
    form = FieldErrorsForm

    def has_module_permission(self, request):
        return has_profile(request) and super().has_module_permission(request)

    # Rows of an approved period are read-only for everybody but a superuser:
    # the approved report keeps saying what it said. ("Delete selected" asks
    # has_delete_permission per row too, so it refuses them as well.)
    def has_change_permission(self, request, obj=None):
        if obj is not None and not request.user.is_superuser and self._frozen(request, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not request.user.is_superuser and self._frozen(request, obj):
            return False
        return super().has_delete_permission(request, obj)

    @staticmethod
    def _frozen(request, obj) -> bool:
        """Whether `obj` belongs to a closed period: asked once per row on a page opened
        (GET). Django asks the change and delete rights some seven times per change page,
        and each answer reads the row's periods and its library's hand-in. A POST asks
        anew each time: its form may have moved the row (a new date) in between."""
        if request.method not in ("GET", "HEAD") or obj.pk is None:
            return in_approved_period(obj)
        memo = request.__dict__.setdefault("_frozen_rows", {})
        key = (type(obj), obj.pk)
        if key not in memo:
            memo[key] = in_approved_period(obj)
        return memo[key]

    # No «Добавить» where every period a row could go to is locked for the user
    # (the same rule the banner words): the form is not offered only to be refused.
    # A POST still reaches the data layer, which refuses it with its reason on the
    # form or the import's page (a form opened, or an import previewed, before the
    # hand-in or the approval), rather than a bare 403.
    def has_add_permission(self, request, *args):
        if request.method in ("GET", "HEAD") and list_banner(request, self.model) is not None:
            return False
        return super().has_add_permission(request, *args)

    def may_add_ignoring_lock(self, request) -> bool:
        """The add permission without the lock: the page of an import already made says
        what the data layer did with it (e.g. refused it after a hand-in), never a 403."""
        return super().has_add_permission(request)

    # A write the data layer refuses after the form's own checks passed (a row of
    # another form took the fund below zero meanwhile, the period was approved,
    # a list action, a delete) is a message and a page to go back to, never a 500.
    # Everything the view did is rolled back (its log entries too).
    # Inside the view's transaction each half-year's period is read once (Django asks a
    # row's rights several times, the form's and the model's checks ask its period again):
    # the write itself still reads the period anew under its lock (`periods_memoized`).

    def _refusal_shown(self, request, view, *args, **kwargs):
        try:
            with transaction.atomic(), periods_memoized():
                return view(request, *args, **kwargs)
        except WriteRefused as error:
            self.message_user(request, " ".join(error.messages), level=messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and object_id is not None:
            newer = self._newer_version(request, object_id)
            if newer is not None:
                self.message_user(request, _lost_update_message(newer), level=messages.ERROR)
                return HttpResponseRedirect(request.get_full_path())
        return self._refusal_shown(
            request, super().changeform_view, object_id, form_url, extra_context
        )

    # No lost updates: the change form carries the version of the row it was
    # opened on; saving it after someone else saved the row is refused, naming
    # who and when, and the form opens again with the row as it is now.

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if change and obj is not None and obj.pk is not None and _has_history(self.model):
            latest = _versions(self.model, obj.pk).values_list("history_id", flat=True).first()
            context["version_token"] = latest or ""
        context["lock_banner"] = (
            row_banner(request, obj) if change else list_banner(request, self.model)
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _newer_version(self, request, object_id):
        """The latest version of the row, if it is newer than the one the form was opened on."""
        opened = request.POST.get("_version")
        if not opened or not _has_history(
            self.model
        ):  # a form without the token (a script): nothing to compare with
            return None
        pk = unquote(object_id)
        try:
            # Locked: nobody saves the row between this check and this save.
            if not self.get_queryset(request).select_for_update(of=("self",)).filter(pk=pk):
                return None
            latest = _versions(self.model, pk).select_related("history_user").first()
        except (ValueError, ValidationError):
            return None
        if latest is None or str(latest.history_id) == opened:
            return None
        return latest

    def delete_view(self, request, *args, **kwargs):
        return self._refusal_shown(request, super().delete_view, *args, **kwargs)

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "lock_banner": list_banner(request, self.model)}
        return self._refusal_shown(request, super().changelist_view, extra_context)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Decimals as Russian and Kazakh write them: "2770,4", as the seed does.
        # Unlocalized, Django's form refuses the comma with "Введите число.".
        if isinstance(db_field, models.DecimalField):
            kwargs.setdefault("localize", True)
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, models.DateField) and isinstance(
            getattr(formfield, "widget", None), AdminDateWidget
        ):
            formfield.widget.attrs.setdefault("placeholder", DATE_PLACEHOLDER)
        return formfield

    def get_object(self, request, object_id, from_field=None):
        """Another library's row by id is a 404, as if it did not exist."""
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404(_("Запись не найдена."))
        return obj

    # History: the same doors as the change page. simple_history looks rows and
    # versions up without the admin's queryset, answers 403 for another
    # library's row (telling that it exists), judges the revert form by the old
    # version only and lets anyone who may *view* the row POST it, which saves:
    # a director, a librarian on a pick list, anybody on an approved period.

    def _history_row(self, request, object_id):
        """The row as it is now, if the user may see it; a deleted row as last recorded.

        Else a 404, as the change page answers (simple_history then checks the rights).
        """
        pk = unquote(object_id)
        try:
            row = self.get_queryset(request).filter(pk=pk).first()
            exists = row is not None or self.model._default_manager.filter(pk=pk).exists()
            last = None if exists else _versions(self.model, pk).first()
        except (ValueError, ValidationError):
            raise Http404(_("Запись не найдена.")) from None
        if row is None and last is not None and may_touch(request.user, last.instance):
            row = last.instance
        if row is None:
            raise Http404(_("Запись не найдена."))
        return row

    def history_view(self, request, object_id, extra_context=None):
        self._history_row(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        # simple_history selects the user with each version, then the tracked
        # foreign keys; for a model without any (a pick list) that is a bare
        # select_related(), which drops the user: one query per version.
        versions = super().get_history_queryset(request, history_manager, pk_name, object_id)
        return versions.select_related("history_user")

    def set_history_delta_changes(self, request, historical_records, **kwargs):
        # The only hook given the page's versions. Each is named by the row as it
        # was, whose __str__ follows foreign keys (a receipt names its library
        # and source): name it with the related rows fetched with the version.
        for record in historical_records:
            record.history_object = _version_as_row(record)
        super().set_history_delta_changes(request, historical_records, **kwargs)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        row = self._history_row(request, object_id)
        try:
            version = _versions(self.model, row.pk).filter(history_id=version_id).first()
        except (ValueError, ValidationError):
            version = None
        if version is None or not may_touch(request.user, version.instance):
            raise Http404(_("Запись не найдена."))
        may_revert = self.has_change_permission(request, row) and self.has_change_permission(
            request, version.instance
        )
        if request.method == "POST" and not may_revert:
            raise PermissionDenied
        extra_context = {**(extra_context or {}), "revert_disabled": not may_revert}
        return self._refusal_shown(
            request, super().history_form_view, object_id, version_id, extra_context
        )

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        profile = staff_profile(request.user)
        if profile is not None:
            field_names = {f.name for f in self.model._meta.fields}
            if "library" in field_names and profile.library_id:
                initial.setdefault("library", profile.library_id)
            if "organization" in field_names:
                initial.setdefault("organization", profile.organization_id)
        return initial

    def get_list_display(self, request):
        """A librarian's lists hold only their library: its column says nothing."""
        columns = super().get_list_display(request)
        if is_librarian(request.user):
            columns = [c for c in columns if c != "library"]
        return columns

    def get_list_filter(self, request):
        """A librarian has one library: the library filter would only add noise."""
        filters = super().get_list_filter(request)
        if is_librarian(request.user):
            filters = [f for f in filters if not _is_library_filter(f)]
        return filters

    def save_model(self, request, obj, form, change):
        # The form's choices are already narrowed; this is the last line of defence.
        if not may_touch(request.user, obj):
            raise PermissionDenied
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for instance in instances:
            if not may_touch(request.user, instance):
                raise PermissionDenied
        for obj in formset.deleted_objects:
            if not may_touch(request.user, obj):
                raise PermissionDenied
        super().save_formset(request, form, formset, change)


LOST_UPDATE = _(
    "Пока форма была открыта, запись изменил(а) %(user)s %(when)s. Ваши изменения не "
    "сохранены, чтобы не затереть чужие: ниже — запись как она есть сейчас; внесите их заново."
)


def _lost_update_message(version) -> str:
    user = version.history_user
    name = (user.get_full_name() or user.get_username()) if user else _("кто-то")
    when = timezone.localtime(version.history_date).strftime("%d.%m.%Y %H:%M")
    return LOST_UPDATE % {"user": name, "when": when}


def _has_history(model) -> bool:
    return hasattr(model._meta, "simple_history_manager_attribute")


def _versions(model, pk):
    """The recorded versions of row `pk`, newest first."""
    history = getattr(model, model._meta.simple_history_manager_attribute)
    return history.filter(**{model._meta.pk.attname: pk}).order_by("-history_date", "-history_id")


def _version_as_row(record):
    """The row as version `record` recorded it, with the related rows loaded with it."""
    row = record.history_object
    for field in row._meta.concrete_fields:
        if not field.many_to_one and not field.one_to_one:
            continue
        try:
            recorded = record._meta.get_field(field.name)
        except FieldDoesNotExist:  # a field the history does not keep
            continue
        if recorded.is_cached(record):
            field.set_cached_value(row, recorded.get_cached_value(record))
    return row


def _is_library_filter(list_filter) -> bool:
    name = list_filter[0] if isinstance(list_filter, tuple | list) else list_filter
    return name == "library"


class SharedChoicesFormSet(BaseInlineFormSet):
    """Every row of an inline offers the same choices: read them once, not per row.

    (A form that narrowed a field's choices per row would need its own formset.)
    """

    def add_fields(self, form, index):
        # The form's own fields only: the ones the formset adds (the row's id, a
        # hidden choice among every row) are never listed.
        cache = self.__dict__.setdefault("_shared_choices", {})
        for name, formfield in form.fields.items():
            if isinstance(formfield, forms.ModelChoiceField):
                if name not in cache:  # iter(): list() would count the rows first
                    cache[name] = list(iter(formfield.choices))
                formfield.choices = cache[name]
        super().add_fields(form, index)


class ScopedTabularInline(ScopingMixin, admin.TabularInline):
    extra = 0
    formset = SharedChoicesFormSet


class ListItemForm(FieldErrorsForm):
    class Meta:
        # Django's own says "Форма мероприятия с таким Код уже существует."
        error_messages = {
            "code": {"unique": _("Такой код уже есть в этом списке: придумайте другой.")}
        }
        help_texts = {
            "code": _(
                "Латиницей, без пробелов; заполняется сам по названию. "
                "По нему значение узнаётся в файлах импорта."
            )
        }


class ListItemAdmin(ScopedAdmin):
    """The pick lists: the methodologist edits them (by permission), others read."""

    form = ListItemForm
    # A methodologist adding "Квест" gets the code "kvest" typed for them.
    prepopulated_fields = {"code": ["name_ru"]}
    list_display = ["name_ru", "name_kk", "code", "order", "is_active"]
    list_editable = ["order", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name_ru", "name_kk", "code"]
    ordering = ["order", "name_ru"]

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj is not None else super().get_prepopulated_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        """A value another ЦБС's rows use is read-only for a methodologist."""
        if locked_for(request.user, obj):
            return [f.name for f in self.model._meta.fields if f.editable and not f.primary_key]
        return super().get_readonly_fields(request, obj)

    def get_changelist_formset(self, request, **kwargs):
        """The list's own checkboxes and order fields: the same lock, row by row."""
        formset = super().get_changelist_formset(request, **kwargs)
        user = request.user

        class LockedRows(formset):
            def clean(self):
                super().clean()
                for form in self.forms:
                    if form.has_changed() and locked_for(user, form.instance):
                        message = SHARED_VALUE_LOCKED % {"name": form.instance}
                        for name in form.changed_data:
                            form.add_error(name, message)

        return LockedRows

    def save_model(self, request, obj, form, change):
        if change and locked_for(request.user, obj) and form.has_changed():
            raise PermissionDenied  # the form showed no field to change
        super().save_model(request, obj, form, change)

    def get_deleted_objects(self, objs, request):
        """A value any row uses is not deleted, and the rows are not named.

        The lists are shared by every ЦБС: Django would list the protecting rows
        (another ЦБС's receipts among them) and silently drop the many-to-many
        links (an event's platforms, approved periods too) on deletion.
        """
        to_delete, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        in_use = [(obj, _uses(obj)) for obj in objs]
        refusals = [LIST_VALUE_IN_USE % {"name": obj, "count": n} for obj, n in in_use if n]
        if refusals:  # the reason, not which rows one may not delete
            return to_delete, counts, set(), refusals
        return to_delete, counts, perms_needed, protected


LIST_VALUE_IN_USE = _(
    "Значение «%(name)s» уже есть в данных (записей: %(count)s), удалить его нельзя. "
    "Если оно больше не нужно, снимите отметку «используется»."
)


def _uses(item) -> int:
    """How many rows, of any ЦБС, point to the list value `item`."""
    total = 0
    for relation in item._meta.related_objects:
        manager = relation.related_model._default_manager
        total += manager.filter(**{relation.field.name: item}).count()
    return total


class ChosenRelatedOnlyFilter(admin.RelatedOnlyFieldListFilter):
    """The related rows in use, as Django's; but a choice the address asks for filters
    even when the list offers one choice only. Django drops a filter with nothing to
    offer, and with it the choice already taken from the address: «ЦГБ's write-offs»
    then listed ф№4's, the only library with any (a check's link asks for the library)."""

    def has_output(self):
        return bool(self.used_parameters) or super().has_output()


# The column and the filters every library fact shares.
LIBRARY_FILTER = ("library", ChosenRelatedOnlyFilter)
PERIOD_FILTER = ("period", ChosenRelatedOnlyFilter)


class DatePeriodFilter(admin.SimpleListFilter):
    """Dated facts by reporting period: the periods of the user's organization."""

    title = _("отчётный период")
    parameter_name = "period"

    def lookups(self, request, model_admin):
        periods = scope_queryset(ReportingPeriod.objects.all(), request.user)
        # "1 полугодие 2021", not the code "2021-H1" that only imports use.
        return [
            (str(p.pk), f"{p.get_half_display()} {p.year}")
            for p in periods.order_by("-year", "-half")
        ]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        periods = scope_queryset(ReportingPeriod.objects.all(), request.user)
        period = periods.filter(pk=self.value()).first() if self.value().isdigit() else None
        if period is None:
            return queryset.none()
        return queryset.filter(date__gte=period.start, date__lte=period.end)
