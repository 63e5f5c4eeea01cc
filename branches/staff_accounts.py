"""Accounts of the ЦБС's staff: the methodologist creates a librarian's account in
one form and resets its password; only a superuser creates methodologists and
directors. A methodologist sees and manages only the users of her ЦБС.
"""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from branches.models import Library, Organization, StaffProfile
from branches.scoping import DIRECTOR, LIBRARIAN, METHODOLOGIST, ensure_groups

LOGIN_TAKEN = _("Такой логин уже занят.")
LIBRARY_REQUIRED = _("Библиотекарю нужна библиотека.")
LIBRARY_ONLY_FOR_LIBRARIAN = _("Библиотека указывается только для библиотекаря.")
ROLE_ONLY_SUPERUSER = _("Методиста и директора создаёт только администратор.")
LIBRARY_OTHER_ORGANIZATION = _("Библиотека относится к другой ЦБС.")
PASSWORDS_DIFFER = _("Пароли не совпадают.")

ROLE_CHOICES = [
    (LIBRARIAN, _("Библиотекарь")),
    (METHODOLOGIST, _("Методист")),
    (DIRECTOR, _("Директор")),
]


class AccountCreateForm(forms.ModelForm):
    """A staff profile together with its new user: login, name, email, role, password."""

    username = forms.CharField(label=_("логин"), max_length=150)
    first_name = forms.CharField(label=_("имя"), max_length=150)
    last_name = forms.CharField(label=_("фамилия"), max_length=150, required=False)
    email = forms.EmailField(label=_("эл. почта"), required=False)
    role = forms.ChoiceField(label=_("роль"), choices=ROLE_CHOICES, initial=LIBRARIAN)
    password1 = forms.CharField(label=_("пароль"), widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label=_("пароль ещё раз"), widget=forms.PasswordInput, strip=False)

    # Set by the admin: who is creating the account.
    request_user = None

    class Meta:
        model = StaffProfile
        fields = ["organization", "library", "position", "language"]

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise ValidationError(LOGIN_TAKEN)
        return username

    def clean(self):
        data = super().clean()
        role, library = data.get("role"), data.get("library")
        organization = data.get("organization")
        user = self.request_user
        if role in (METHODOLOGIST, DIRECTOR) and not (user and user.is_superuser):
            self.add_error("role", ROLE_ONLY_SUPERUSER)
        if role == LIBRARIAN and library is None:
            self.add_error("library", LIBRARY_REQUIRED)
        if role != LIBRARIAN and library is not None:
            self.add_error("library", LIBRARY_ONLY_FOR_LIBRARIAN)
        if library is not None and organization is not None:
            if library.organization_id != organization.pk:
                self.add_error("library", LIBRARY_OTHER_ORGANIZATION)
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", PASSWORDS_DIFFER)
        elif first:
            probe = get_user_model()(
                username=data.get("username", ""),
                first_name=data.get("first_name", ""),
                email=data.get("email", ""),
            )
            try:
                password_validation.validate_password(first, probe)
            except ValidationError as error:
                self.add_error("password1", error)
        return data


@transaction.atomic
def account_create(
    *,
    username: str,
    password: str,
    role: str,
    organization: Organization,
    library: Library | None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    position: str = "",
    language: str = "ru",
) -> StaffProfile:
    """A staff user with a role group and a profile in `organization`."""
    user = get_user_model().objects.create_user(
        username=username,
        password=password,
        first_name=first_name,
        last_name=last_name,
        email=email,
        is_staff=True,
    )
    user.groups.set([ensure_groups()[role]])
    profile = StaffProfile(
        user=user,
        organization=organization,
        library=library,
        position=position,
        language=language,
    )
    profile.full_clean()
    profile.save()
    return profile


class PasswordResetForm(forms.Form):
    password1 = forms.CharField(label=_("новый пароль"), widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(
        label=_("новый пароль ещё раз"), widget=forms.PasswordInput, strip=False
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", PASSWORDS_DIFFER)
        elif first:
            try:
                password_validation.validate_password(first, self.user)
            except ValidationError as error:
                self.add_error("password1", error)
        return data

    def save(self):
        self.user.set_password(self.cleaned_data["password1"])
        self.user.save(update_fields=["password"])
        return self.user
