"""Why a page of the admin is read-only, and what to do: the banner on top of it.

The rule itself is `branches.facts.frozen_reason` (a row) and, for the add
button and the list, `locked_periods` here: every period the user could add a
row to is approved or, for a librarian, handed in by their library. This module
only words it, with the date it happened, on every page while it holds.
"""

from django.utils import formats
from django.utils.translation import gettext_lazy as _

from branches.facts import (
    GuardedFact,
    LibraryFact,
    OrganizationPeriodFact,
    frozen_reason,
    handin_locking,
    periods_of,
)
from branches.handins import HandIn, HandInTransition
from branches.models import ReportingPeriod
from branches.scoping import is_librarian, staff_profile, user_library

HANDED_IN_BANNER = _(
    "Данные библиотеки за %(period)s сданы %(date)s: изменить их можно, когда методист "
    "вернёт их на исправление."
)
HANDED_IN_TODO = _("Нужно что-то исправить — попросите методиста вернуть данные на исправление.")
APPROVED_BANNER = _("%(period)s утверждено %(date)s: его данные больше не меняются.")
APPROVED_TODO = _("Исправления вносятся в данные следующего полугодия.")
OTHER_TODO = _("Если запись нужно изменить, обратитесь к методисту.")


def _day(moment) -> str:
    return formats.date_format(moment, "d.m.Y") if moment is not None else "—"


def _approved_on(period: ReportingPeriod):
    """When the period was approved: its first recorded version with that status."""
    version = (
        period.history.filter(status=ReportingPeriod.Status.APPROVED)
        .order_by("history_date")
        .values_list("history_date", flat=True)
        .first()
    )
    return version


def _handed_in_on(handin: HandIn):
    return (
        HandInTransition.objects.filter(handin=handin, to_state=HandIn.State.SUBMITTED)
        .order_by("-at")
        .values_list("at", flat=True)
        .first()
    )


def _approved_text(period) -> tuple[str, str]:
    title = APPROVED_BANNER % {"period": period.label, "date": _day(_approved_on(period))}
    return title[:1].upper() + title[1:], str(APPROVED_TODO)


def _handed_in_text(handin) -> tuple[str, str]:
    text = HANDED_IN_BANNER % {
        "period": handin.period.label,
        "date": _day(_handed_in_on(handin)),
    }
    return text, str(HANDED_IN_TODO)


def row_banner(request, obj) -> tuple[str, str] | None:
    """(why, what to do) for the row `obj` the user may not change, or None."""
    if obj is None or obj.pk is None or request.user.is_superuser:
        return None
    reason = frozen_reason(obj)
    if reason is None:
        return None
    periods = periods_of(obj)
    for period in periods:
        if period.status == ReportingPeriod.Status.APPROVED:
            return _approved_text(period)
    handin = handin_locking(getattr(obj, "library_id", None), periods) if periods else None
    if handin is not None:
        return _handed_in_text(handin)
    return str(reason), str(OTHER_TODO)


def _is_period_fact(model) -> bool:
    return issubclass(model, LibraryFact | OrganizationPeriodFact)


def _open_periods(request):
    """The user's ЦБС's periods not approved (None without a profile): read once per
    request, which asks for them for each kind of row (`list_banner`)."""
    if "_open_periods" not in request.__dict__:
        profile = staff_profile(request.user)
        request._open_periods = (
            None
            if profile is None
            else list(
                ReportingPeriod.objects.filter(organization_id=profile.organization_id).exclude(
                    status=ReportingPeriod.Status.APPROVED
                )
            )
        )
    return request._open_periods


def list_banner(request, model) -> tuple[str, str] | None:
    """(why, what to do) when the user can add no row of `model` at all: every period
    of their ЦБС is approved or, for a librarian, handed in by their library.

    Asked for each model's add permission (the admin index asks for every model),
    so answered once per request and kind of row."""
    cache = request.__dict__.setdefault("_list_banner", {})
    key = (
        issubclass(model, GuardedFact) and _is_period_fact(model),
        issubclass(model, LibraryFact),
    )
    if key not in cache:
        cache[key] = _list_banner(request, model)
    return cache[key]


def _list_banner(request, model) -> tuple[str, str] | None:
    if request.user.is_superuser or not issubclass(model, GuardedFact):
        return None
    if not _is_period_fact(model):
        return None
    open_periods = _open_periods(request)
    if open_periods is None:
        return None
    if not open_periods:
        profile = staff_profile(request.user)
        last = (
            ReportingPeriod.objects.filter(organization_id=profile.organization_id)
            .order_by("-year", "-half")
            .first()
        )
        return _approved_text(last) if last is not None else None
    library = user_library(request.user) if is_librarian(request.user) else None
    if library is None or not issubclass(model, LibraryFact):
        return None
    handins = {
        h.period_id: h
        for h in HandIn.objects.filter(
            library=library,
            period__in=open_periods,
            state__in=[HandIn.State.SUBMITTED, HandIn.State.ACCEPTED],
        ).select_related("period")
    }
    if all(p.pk in handins for p in open_periods):
        return _handed_in_text(handins[open_periods[0].pk])
    return None
