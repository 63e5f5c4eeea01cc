"""The password reset gives one answer for every address, and the session's idle timeout.

The reset page never tells which addresses have accounts: a known address, an
unknown one, and one whose letter the mail server refused all go on to «done».
A refused letter is no secret kept from the people who can fix it: it goes to the
security log and to ADMINS, and a failure to tell ADMINS breaks nothing either.
"""

import logging
import time

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.views import PasswordResetView
from django.core.mail import EmailMultiAlternatives, mail_admins
from django.template import loader

logger = logging.getLogger("cbs_reports.security")

# To ADMINS, in the project's language: they run the server, not the reset page.
MAIL_FAILED_SUBJECT = "Письмо для сброса пароля не отправлено"
MAIL_FAILED_BODY = (
    "Почтовый сервер не принял письмо для сброса пароля пользователя id={user} "
    "({error}). Проверьте настройки почты (EMAIL_URL)."
)


class SilentPasswordResetForm(PasswordResetForm):
    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        # Django's own, except that a refused letter is logged and told to ADMINS.
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        message = EmailMultiAlternatives(subject, body, from_email, [to_email])
        if html_email_template_name is not None:
            html = loader.render_to_string(html_email_template_name, context)
            message.attach_alternative(html, "text/html")
        try:
            message.send()
        except Exception as error:
            user = context["user"].pk
            logger.exception("event=password_reset_mail_failed user=%s", user)
            _tell_admins(user, error)


def _tell_admins(user, error) -> None:
    """The same mail server most likely refuses this letter too: that is logged, never
    raised, so the page's answer stays the same."""
    try:
        mail_admins(
            MAIL_FAILED_SUBJECT,
            MAIL_FAILED_BODY.format(user=user, error=type(error).__name__),
            fail_silently=True,
        )
    except Exception:
        logger.exception("event=password_reset_admins_not_told user=%s", user)


class SilentPasswordResetView(PasswordResetView):
    """Django's reset view, whose form never reveals a failed letter (see the module)."""

    form_class = SilentPasswordResetForm


# The idle timeout: a session ends SESSION_COOKIE_AGE after its last request.
LAST_SEEN = "_last_seen"


class IdleTimeoutMiddleware:
    """Each request of a signed-in user pushes the session's end SESSION_COOKIE_AGE
    ahead, as SESSION_SAVE_EVERY_REQUEST would, but writes the session at most once
    every SESSION_IDLE_REFRESH_SECONDS (a minute) instead of on every request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get("_auth_user_id"):
            now = int(time.time())
            if now - session.get(LAST_SEEN, 0) >= settings.SESSION_IDLE_REFRESH_SECONDS:
                session[LAST_SEEN] = now  # modified: saved with a new expiry
        return self.get_response(request)


def seen_at_login(sender, request, user, **kwargs):
    """Signing in starts the idle time (and spares the first request a write)."""
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN] = int(time.time())
