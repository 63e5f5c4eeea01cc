"""Login throttling (django-axes): after repeated wrong passwords for one user from
one address, that pair is locked out for a while; the methodologist unlocks her
ЦБС's users from the staff list, a superuser anybody.
"""

from axes.backends import AxesStandaloneBackend
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _


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
