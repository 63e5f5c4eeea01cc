"""The base of every data admin: rows narrowed to what the user may see.

Every rule of who sees what comes from `branches.scoping`; this module only
applies it at each door the admin has: the changelist and its filters and
actions, change/delete/history pages by id, foreign-key and many-to-many
choices (so autocompletes and hand-made POSTs too) and saving.

Owned by the data-entry work (issue 3); import/export adds its mixin here.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from branches.facts import in_approved_period
from branches.models import Library, Organization, ReportingPeriod
from branches.scoping import is_librarian, may_touch, scope_queryset, staff_profile
from dataio.admin_mixins import DataIOAdminMixin


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


class ScopedAdmin(DataIOAdminMixin, ScopingMixin, SimpleHistoryAdmin):
    list_per_page = 50
    save_on_top = True

    def has_module_permission(self, request):
        return has_profile(request) and super().has_module_permission(request)

    # Rows of an approved period are read-only for everybody but a superuser:
    # the approved report keeps saying what it said. ("Delete selected" asks
    # has_delete_permission per row too, so it refuses them as well.)
    def has_change_permission(self, request, obj=None):
        if obj is not None and not request.user.is_superuser and in_approved_period(obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not request.user.is_superuser and in_approved_period(obj):
            return False
        return super().has_delete_permission(request, obj)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Decimals as Russian and Kazakh write them: "2770,4", as the seed does.
        # Unlocalized, Django's form refuses the comma with "Введите число.".
        if isinstance(db_field, models.DecimalField):
            kwargs.setdefault("localize", True)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_object(self, request, object_id, from_field=None):
        """Another library's row by id is a 404, as if it did not exist."""
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404(_("Запись не найдена."))
        return obj

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


def _is_library_filter(list_filter) -> bool:
    name = list_filter[0] if isinstance(list_filter, tuple | list) else list_filter
    return name == "library"


class ScopedTabularInline(ScopingMixin, admin.TabularInline):
    extra = 0


class ScopedStackedInline(ScopingMixin, admin.StackedInline):
    extra = 0


class ListItemAdmin(ScopedAdmin):
    """The pick lists: the methodologist edits them (by permission), others read."""

    list_display = ["name_ru", "name_kk", "code", "order", "is_active"]
    list_editable = ["order", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name_ru", "name_kk", "code"]
    ordering = ["order", "name_ru"]


# The column and the filters every library fact shares.
LIBRARY_FILTER = ("library", admin.RelatedOnlyFieldListFilter)
PERIOD_FILTER = ("period", admin.RelatedOnlyFieldListFilter)


class DatePeriodFilter(admin.SimpleListFilter):
    """Dated facts by reporting period: the periods of the user's organization."""

    title = _("отчётный период")
    parameter_name = "period"

    def lookups(self, request, model_admin):
        periods = scope_queryset(ReportingPeriod.objects.all(), request.user)
        return [(str(p.pk), p.code) for p in periods.order_by("-year", "-half")]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        periods = scope_queryset(ReportingPeriod.objects.all(), request.user)
        period = periods.filter(pk=self.value()).first() if self.value().isdigit() else None
        if period is None:
            return queryset.none()
        return queryset.filter(date__gte=period.start, date__lte=period.end)
