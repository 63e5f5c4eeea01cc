"""Emails about a hand-in's moves, each in its receiver's language.

Submission tells the ЦБС's methodologists; return and acceptance tell the
library's librarians. Mail leaves after the transaction commits, so a refused
or rolled-back move sends nothing. The backend is Django's (EMAIL_* settings).
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from branches.scoping import LIBRARIAN, METHODOLOGIST

logger = logging.getLogger("cbs_reports.security")

SUBJECTS = {
    "submitted": lambda: _("%(library)s сдала данные за %(period)s"),
    "accepted": lambda: _("Данные %(library)s за %(period)s приняты"),
    "returned": lambda: _("Данные %(library)s за %(period)s возвращены на исправление"),
}


def _receivers(handin):
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    if handin.state == "submitted":
        return users.filter(
            groups__name=METHODOLOGIST,
            staff_profile__organization_id=handin.library.organization_id,
            staff_profile__library__isnull=True,
        ).select_related("staff_profile")
    return users.filter(
        groups__name=LIBRARIAN, staff_profile__library_id=handin.library_id
    ).select_related("staff_profile")


def _body(handin, actor, comment: str) -> str:
    who = actor.get_full_name() or actor.get_username()
    lines = [
        _("Библиотека: %(library)s") % {"library": handin.library.name()},
        _("Период: %(period)s") % {"period": handin.period.label},
        _("Состояние: %(state)s") % {"state": handin.get_state_display()},
        _("Кто: %(who)s") % {"who": who},
    ]
    if comment:
        lines.append(_("Комментарий: %(comment)s") % {"comment": comment})
    lines.append(_("Открыть: %(url)s") % {"url": settings.SITE_URL + "/"})
    return "\n".join(lines)


def handin_moved(handin, actor, comment: str = "") -> None:
    messages = []
    for user in _receivers(handin):
        language = getattr(user.staff_profile, "language", "") or "ru"
        with translation.override(language):
            params = {"library": handin.library.abbreviation(), "period": handin.period.label}
            subject = SUBJECTS[handin.state]() % params
            messages.append((subject, _body(handin, actor, comment), user.email))

    def send():
        # The move is saved by now: a mail server that refuses says so in the log,
        # it does not turn the saved move into an error page.
        for subject, body, to in messages:
            try:
                send_mail(subject, body, None, [to], fail_silently=False)
            except Exception:
                logger.exception("event=handin_mail_failed handin=%s to=%s", handin.pk, to)

    transaction.on_commit(send)
