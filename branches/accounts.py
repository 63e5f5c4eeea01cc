"""The password reset page tells the truth: if the mail server refused the
letter, it says so instead of "the email was sent"."""

import logging
import time

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.views import PasswordResetView
from django.core.mail import EmailMultiAlternatives
from django.template import loader
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger("cbs_reports.security")

MAIL_FAILED = _(
    "Письмо для сброса пароля отправить не удалось: почтовый сервер сейчас недоступен. "
    "Попробуйте позже или попросите методиста ЦБС сменить пароль."
)


class HonestPasswordResetForm(PasswordResetForm):
    failed = False

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        # Django's own, except that a refused letter is remembered, not only logged.
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        message = EmailMultiAlternatives(subject, body, from_email, [to_email])
        if html_email_template_name is not None:
            html = loader.render_to_string(html_email_template_name, context)
            message.attach_alternative(html, "text/html")
        try:
            message.send()
        except Exception:
            self.failed = True
            logger.exception("event=password_reset_mail_failed user=%s", context["user"].pk)


class HonestPasswordResetView(PasswordResetView):
    form_class = HonestPasswordResetForm

    def form_valid(self, form):
        response = super().form_valid(form)
        if form.failed:
            form.add_error("email", MAIL_FAILED)
            return self.form_invalid(form)
        return response


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
