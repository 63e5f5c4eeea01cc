"""The admin of `branches`' own models: organizations, libraries, periods, the pick list
of platforms, social pages and staff profiles (with their accounts and lockouts)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from branches.lockout import NOTHING_TO_UNLOCK, UNLOCKED, unlock, with_lock_status
from branches.models import (
    Library,
    Organization,
    Platform,
    Region,
    ReportingPeriod,
    Republic,
    SocialPage,
    StaffProfile,
)
from branches.scoping import scope_queryset, staff_profile
from branches.staff_accounts import AccountCreateForm, PasswordResetForm, account_create
from entry.admin_base import (
    LIBRARY_FILTER,
    ListItemAdmin,
    ScopedAdmin,
    ScopedTabularInline,
    SharedChoicesFormSet,
)
from entry.admin_names import NamedAdminMixin


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
    list_display = ["short_name", "name_ru", "city_ru", "code", "region"]
    search_fields = ["name_ru", "name_kk", "short_name", "short_name_kk", "code"]
    inlines = [LibraryInline, PeriodInline]

    def get_readonly_fields(self, request, obj=None):
        # The superuser puts a ЦБС in its region; its methodologist never moves it.
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields.append("region")
        return fields


@admin.register(Republic)
class RepublicAdmin(NamedAdminMixin, admin.ModelAdmin):
    """The levels above the ЦБС are the installation's superuser's to keep; the
    region's staff read them (their own region only)."""

    list_display = ["name_ru", "code"]


@admin.register(Region)
class RegionAdmin(NamedAdminMixin, admin.ModelAdmin):
    list_display = ["name_ru", "kind", "code", "republic"]
    search_fields = ["name_ru", "name_kk", "code"]

    def get_queryset(self, request):
        return scope_queryset(super().get_queryset(request), request.user)


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
    """Staff of the ЦБС. «Добавить» creates the account and its profile in one form;
    «Сменить пароль» on a librarian's page resets the password."""

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
    change_form_template = "admin/branches/staffprofile/change_form.html"

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = AccountCreateForm
            kwargs["fields"] = None
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None:
            form = type(form.__name__, (form,), {"request_user": request.user})
        return form

    def get_fieldsets(self, request, obj=None):
        if obj is not None:
            return super().get_fieldsets(request, obj)
        return [
            (None, {"fields": ["username", "first_name", "last_name", "email"]}),
            (None, {"fields": ["role", "organization", "library", "position", "language"]}),
            (None, {"fields": ["password1", "password2"]}),
        ]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        data = form.cleaned_data
        profile = account_create(
            username=data["username"],
            password=data["password1"],
            role=data["role"],
            organization=data["organization"],
            library=data.get("library"),
            first_name=data["first_name"],
            last_name=data.get("last_name", ""),
            email=data.get("email", ""),
            position=data.get("position", ""),
            language=data.get("language") or "ru",
        )
        obj.pk, obj.user = profile.pk, profile.user
        obj._state.adding = False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "user" and not request.user.is_superuser:
            # Only the users of her own ЦБС: a user without a profile is nobody's
            # to take (a new one is created with «Добавить»).
            profile = staff_profile(request.user)
            organization_id = profile.organization_id if profile else None
            formfield.queryset = get_user_model().objects.filter(
                staff_profile__organization_id=organization_id
            )
        return formfield

    def get_urls(self):
        urls = [
            path(
                "<path:object_id>/password/",
                self.admin_site.admin_view(self.password_view),
                name="branches_staffprofile_password",
            )
        ]
        return urls + super().get_urls()

    def may_reset_password(self, request, profile) -> bool:
        """A superuser resets anyone's; a methodologist her ЦБС's librarians'."""
        if request.user.is_superuser:
            return True
        return profile.library_id is not None and self.has_change_permission(request, profile)

    def password_view(self, request, object_id):
        profile = self.get_object(request, unquote(object_id))
        if not self.may_reset_password(request, profile):
            raise PermissionDenied
        form = PasswordResetForm(profile.user, request.POST or None)
        if request.method == "POST" and form.is_valid():
            form.save()
            self.message_user(request, _("Пароль изменён."))
            return redirect(reverse("admin:branches_staffprofile_change", args=[profile.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Новый пароль: %(user)s") % {"user": profile.user.get_username()},
            "form": form,
            "profile": profile,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/branches/staffprofile/password.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        profile = self.get_object(request, unquote(object_id))
        extra_context = {
            **(extra_context or {}),
            "may_reset_password": self.may_reset_password(request, profile),
        }
        return super().change_view(request, object_id, form_url, extra_context)
