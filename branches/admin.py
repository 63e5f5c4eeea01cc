from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from branches.admin_base import (
    LIBRARY_FILTER,
    ListItemAdmin,
    ScopedAdmin,
    ScopedTabularInline,
    SharedChoicesFormSet,
)
from branches.lockout import NOTHING_TO_UNLOCK, UNLOCKED, unlock, with_lock_status
from branches.models import (
    Library,
    Organization,
    Platform,
    ReportingPeriod,
    SocialPage,
    StaffProfile,
)
from branches.scoping import staff_profile


@admin.register(Platform)
class PlatformAdmin(ListItemAdmin):
    pass


class SocialPageInlineForm(forms.ModelForm):
    url = forms.URLField(label=_("ссылка"), max_length=500, assume_scheme="https")

    class Meta:
        model = SocialPage
        fields = ["platform", "url"]

    def _get_validation_exclusions(self):
        # The organization is not on the inline form but is set from the library
        # before validation, so the "page already entered" constraint is checked.
        exclude = super()._get_validation_exclusions()
        exclude.discard("organization")
        return exclude


class SocialPageInlineFormSet(SharedChoicesFormSet):
    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.organization_id = self.instance.organization_id
        return form


class SocialPageInline(ScopedTabularInline):
    model = SocialPage
    form = SocialPageInlineForm
    formset = SocialPageInlineFormSet
    fields = ["platform", "url"]
    verbose_name_plural = _("страницы библиотеки в соцсетях")

    def get_queryset(self, request):
        # Each row is named by its __str__ (library, platform; a page of the whole
        # ЦБС by its organization): load them with the rows.
        return super().get_queryset(request).select_related("library", "platform", "organization")


@admin.register(Library)
class LibraryAdmin(ScopedAdmin):
    list_display = ["short_name", "name_ru", "kind", "number", "code", "order"]
    list_filter = ["kind"]
    search_fields = ["short_name", "name_ru", "name_kk", "code"]
    ordering = ["order", "code"]
    inlines = [SocialPageInline]
    fieldsets = [
        (None, {"fields": ["organization", "kind", "number", "code", "order"]}),
        (_("Названия"), {"fields": ["name_ru", "name_kk", "short_name", "short_name_kk"]}),
    ]


class LibraryInline(ScopedTabularInline):
    model = Library
    fields = ["short_name", "name_ru", "kind", "number", "code", "order"]
    show_change_link = True


class PeriodInline(ScopedTabularInline):
    model = ReportingPeriod
    fields = ["year", "half", "status"]


@admin.register(Organization)
class OrganizationAdmin(ScopedAdmin):
    list_display = ["short_name", "name_ru", "city_ru", "code"]
    search_fields = ["name_ru", "name_kk", "short_name", "code"]
    inlines = [LibraryInline, PeriodInline]


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(ScopedAdmin):
    list_display = ["__str__", "year", "half", "status", "organization"]
    list_filter = ["status", "year", "half"]
    search_fields = ["year"]
    ordering = ["-year", "-half"]

    def has_change_permission(self, request, obj=None):
        # An approved half-year is final (ReportingPeriod.clean says why on any other path).
        if obj is not None and obj.status == ReportingPeriod.Status.APPROVED:
            return False
        return super().has_change_permission(request, obj)


@admin.register(SocialPage)
class SocialPageAdmin(ScopedAdmin):
    list_display = ["url", "platform", "library", "organization"]
    list_filter = [LIBRARY_FILTER, "platform"]
    search_fields = ["url", "library__short_name", "library__name_ru"]
    list_select_related = ["library", "platform", "organization"]
    fields = ["organization", "library", "platform", "url"]


@admin.register(StaffProfile)
class StaffProfileAdmin(ScopedAdmin):
    list_display = ["user", "position", "library", "organization", "login_locked"]
    actions = ["unlock_login"]

    def get_queryset(self, request):
        return with_lock_status(super().get_queryset(request))

    @admin.display(boolean=True, description=_("вход заблокирован"))
    def login_locked(self, profile):
        return getattr(profile, "login_locked", False)

    @admin.action(description=_("Разблокировать вход"), permissions=["change"])
    def unlock_login(self, request, queryset):
        """The methodologist's list holds only her ЦБС's staff: she unlocks only them."""
        names = [p.user.username for p in queryset.select_related("user") if p.login_locked]
        if not unlock(names):
            self.message_user(request, NOTHING_TO_UNLOCK, messages.WARNING)
            return
        self.message_user(request, UNLOCKED % {"names": ", ".join(names)}, messages.SUCCESS)

    list_filter = [LIBRARY_FILTER]
    search_fields = ["user__username", "user__first_name", "user__last_name", "position"]
    list_select_related = ["user", "library", "organization"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "user" and not request.user.is_superuser:
            formfield.queryset = self._users_to_offer(request)
        return formfield

    def _users_to_offer(self, request):
        """Users are not scoped by an organization of their own.

        A new profile is for a user who has none yet (a user has one profile, and
        offering the others only leads to "already exists"); an edited profile may
        also keep its user or move to another user of the organization.
        """
        without_profile = Q(staff_profile__isnull=True)
        match = request.resolver_match
        if match is None or "object_id" not in match.kwargs:
            return get_user_model().objects.filter(without_profile)
        profile = staff_profile(request.user)
        organization_id = profile.organization_id if profile else None
        return get_user_model().objects.filter(
            without_profile | Q(staff_profile__organization_id=organization_id)
        )
