"""Login throttling (django-axes): after repeated wrong passwords for one user from
one address, that pair is locked out for a while; the methodologist unlocks her
ЦБС's users from the staff list, a superuser anybody.
"""

from axes.backends import AxesStandaloneBackend
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _now
from django.utils.translation import gettext_lazy as _

from reportkit.text import count_noun


class LockoutBackend(AxesStandaloneBackend):
    """axes' backend, which refuses a locked-out user before any password check.

    Every login page (the site's, the admin's) passes the request; a call without
    one (the test client's `login()`, a shell) has no address to throttle, so it
    is left to the next backend instead of failing.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def with_lock_status(queryset, user_path: str = "user__username"):
    """Staff rows annotated with `login_locked`: a lockout in force for the user."""
    locked = AccessAttempt.objects.filter(
        username=OuterRef(user_path), failures_since_start__gte=settings.AXES_FAILURE_LIMIT
    )
    return queryset.annotate(login_locked=Exists(locked))


def unlock(usernames) -> int:
    """Forget the failed attempts of these users, from every address."""
    return sum(1 for name in usernames if reset(username=name))


UNLOCKED = _("Вход разблокирован: %(names)s.")
NOTHING_TO_UNLOCK = _("У выбранных сотрудников вход не заблокирован.")


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out user sees (429), in her language, with the wait named."""
    from django.shortcuts import render

    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    return render(
        request,
        "registration/locked_out.html",
        context,
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


LAST_ATTEMPT = _(
    "Неверное имя пользователя или пароль. Осталась одна попытка, затем вход будет "
    "заблокирован на %(duration)s."
)


def cooloff_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def attempts_left(request, username: str) -> int:
    """How many wrong passwords `username` may still try from this request's address
    before the lockout, as axes counts them (its parameters, its cool-off): the same
    for a name with an account and one without, as axes counts both."""
    credentials = {settings.AXES_USERNAME_FORM_FIELD: username}
    failures = AxesProxyHandler.get_failures(request, credentials)
    return get_failure_limit(request, credentials) - failures


class LastAttemptMixin:
    """A login form whose wrong password, when it leaves one attempt before the lockout,
    says so («осталась одна попытка»). The wrong password is counted (axes' handler
    of `user_login_failed`) before the form's `clean()` returns, so the count read
    after it includes this one."""

    last_attempt = False

    def clean(self):
        try:
            return super().clean()
        except ValidationError as error:
            username = self.cleaned_data.get("username")
            if username and self.request is not None and attempts_left(self.request, username) == 1:
                self.last_attempt = True
                duration = count_noun(cooloff_minutes(), _now("минуту|минуты|минут"))
                raise ValidationError(
                    LAST_ATTEMPT % {"duration": duration}, code="last_attempt"
                ) from error
            raise


class LoginForm(LastAttemptMixin, AuthenticationForm):
    """The site's login form (/accounts/login/)."""


class AdminLoginForm(LastAttemptMixin, AdminAuthenticationForm):
    """The admin's login form (/admin/login/)."""
