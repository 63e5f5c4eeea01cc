"""The home page: a librarian's hand-in, the methodologist's ЦБС overview.

Every view that names a library or a period goes through `_period_for` /
`_library_for`: another organization's period or another library is a 404,
so a forged POST reaches nothing.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from branches.calendar import span_for_period
from branches.entered import entered_by_library, half_years_with_data
from branches.handins import HandIn, RegionHandIn
from branches.lockstate import HANDIN_MOVES
from branches.models import Library, ReportingPeriod
from branches.scoping import METHODOLOGIST, REGION_METHODOLOGIST, staff_profile, user_roles
from handin import region_views, services
from handin.checks import check_run
from handin.kinds import attach_row_links, kind_lines
from handin.selectors import attach_explanations, is_overdue, overview_rows


def _is_methodologist(user) -> bool:
    profile = staff_profile(user)
    return (
        profile is not None
        and profile.library_id is None
        and (user.is_superuser or METHODOLOGIST in user_roles(user))
    )


# The half-year the user last asked for or acted on (the picker, a hand-in's move, the
# report's approval): the overview stays on it until another is picked.
PERIOD_KEY = "handin_period"


def period_remember(request, period: ReportingPeriod) -> None:
    """Keep `period` as the one the home page and the overview show from now on."""
    request.session[PERIOD_KEY] = period.pk


def _period_for(request, pk=None) -> ReportingPeriod:
    """The period asked for (by id), else the one last asked for or acted on, else the
    half-year due now, of the user's organization; another organization's period is a
    404. A period asked for is remembered (`period_remember`)."""
    profile = staff_profile(request.user)
    if profile is None:
        raise Http404
    periods = ReportingPeriod.objects.filter(organization=profile.organization).select_related(
        "organization"
    )
    pk = pk or request.GET.get("period")
    if pk:
        if not str(pk).isdigit():
            raise Http404
        period = periods.filter(pk=pk).first()
        if period is None:
            raise Http404
        period_remember(request, period)
        return period
    remembered = request.session.get(PERIOD_KEY)
    period = periods.filter(pk=remembered).first() if isinstance(remembered, int) else None
    return period or _period_due(periods, profile.organization)


def _period_due(periods, organization) -> ReportingPeriod:
    """The half-year due now: the latest one ended, not yet approved and with data, else
    the latest ended and not approved, else the earliest not approved; never one before
    an approved half-year (an older one left open is the past, not what is due)."""
    by_age = list(periods.order_by("-year", "-half"))
    approved = [p for p in by_age if p.status == ReportingPeriod.Status.APPROVED]
    last_approved = (approved[0].year, approved[0].half) if approved else (0, 0)
    open_ = [p for p in by_age if p.status != "approved" and (p.year, p.half) > last_approved]
    ended = [p for p in open_ if p.end < datetime.date.today()]
    with_data = set(half_years_with_data(organization))
    used = [p for p in ended if (p.year, p.half) in with_data]
    period = (used or ended or open_[-1:] or approved[:1] or by_age[:1] or [None])[0]
    if period is None:
        raise Http404
    return period


def _library_for(request, code: str) -> Library:
    """A library the user may act on: a librarian's own, a methodologist's any of her ЦБС."""
    profile = staff_profile(request.user)
    if profile is None:
        raise Http404
    if profile.library_id is not None:
        if profile.library.code != code:
            raise Http404
        return profile.library
    try:
        return Library.objects.get(organization=profile.organization, code=code)
    except Library.DoesNotExist:
        raise Http404 from None


@login_required
def home(request):
    profile = staff_profile(request.user)
    if profile is not None and profile.library_id is not None:
        return _librarian_home(request, profile.library)
    if _is_methodologist(request.user):
        return _overview(request)
    if region_views.is_region_staff(request.user):
        # The region's methodologist works on the hand-ins; its management reads the
        # region's dashboard, as a ЦБС's director reads the ЦБС's.
        if request.user.is_superuser or REGION_METHODOLOGIST in user_roles(request.user):
            return redirect("handin:region")
        return redirect("dashboard:region_index")
    return redirect("dashboard:index")


def _periods(period):
    return ReportingPeriod.objects.filter(organization_id=period.organization_id).order_by(
        "-year", "-half"
    )


def _librarian_home(request, library):
    period = _period_for(request)
    handin = services.handin_for(library, period)
    span = span_for_period(period)
    entered = entered_by_library(library_ids=[library.pk], span=span).get(library.pk, {})
    results = attach_explanations(check_run(period=period, libraries=[library]), period)
    attach_row_links(results, period=period, user=request.user, library=library)
    lines = kind_lines(library=library, span=span, period=period, entered=entered)
    context = {
        "library": library,
        "period": period,
        "periods": _periods(period),
        "handin": handin,
        "transitions": handin.transitions.select_related("user"),
        "lines": lines,
        "results": results,
        "errors": [r for r in results if r.is_error],
        "unexplained": [r for r in results if r.needs_explanation],
        "overdue": is_overdue(period, handin.state),
        "can_submit": HandIn.State.SUBMITTED in HANDIN_MOVES[handin.state]
        and period.status != ReportingPeriod.Status.APPROVED,
    }
    return render(request, "handin/home.html", context)


def _overview(request):
    period = _period_for(request)
    results = attach_explanations(check_run(period=period), period)
    attach_row_links(results, period=period, user=request.user)
    context = {
        "period": period,
        "periods": _periods(period),
        "rows": overview_rows(period, results),
        "organization_results": [r for r in results if r.library is None],
        **_region_handin_context(period),
    }
    return render(request, "handin/overview.html", context)


def _region_handin_context(period) -> dict:
    """The ЦБС's hand-in of its report to its region: state, moves, what it may do."""
    handin = RegionHandIn.objects.filter(period=period).first()
    moves = list(handin.transitions.select_related("user")) if handin else []
    return {
        "region_handin": handin,
        "region_moves": moves,
        "can_send_to_region": region_views.can_send(period, handin),
        "can_reopen": handin is not None and handin.state == RegionHandIn.State.RETURNED,
    }


def _back(period) -> str:
    return f"{reverse('handin:home')}?period={period.pk}"


def _act(request, action, success: str, **kwargs):
    try:
        action(user=request.user, **kwargs)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    except PermissionDenied:
        raise
    else:
        messages.success(request, success)


# A move of a hand-in: its service, its success message, and the POST fields it reads.
MOVES = {
    "submit": (services.handin_submit, lambda: _("Данные сданы методисту."), ()),
    "accept": (services.handin_accept, lambda: _("Данные %(library)s приняты."), ()),
    "return": (
        services.handin_return,
        lambda: _("Данные %(library)s возвращены на исправление."),
        ("comment",),
    ),
}


# The moves that lock a library's data: the button asks first (a page of its own,
# no script), and only the confirming POST moves the hand-in.
CONFIRMED = "confirmed"
QUESTIONS = {
    "submit": (
        lambda: _("Сдать данные за %(period)s?"),
        lambda: _(
            "Данные библиотеки «%(library)s» за %(period)s уйдут методисту на проверку. "
            "После сдачи библиотекари «%(library)s» не смогут их добавлять и менять, пока "
            "методист не вернёт их на исправление."
        ),
        lambda: _("Да, сдать данные"),
    ),
    "accept": (
        lambda: _("Принять данные «%(library)s» за %(period)s?"),
        lambda: _(
            "Данные библиотеки «%(library)s» за %(period)s будут приняты в отчёт ЦБС. "
            "Библиотекари «%(library)s» не смогут их менять; исправить их сможет методист "
            "или вернуть библиотеке на исправление."
        ),
        lambda: _("Да, принять"),
    ),
}


@login_required
@require_POST
def move(request, code, period_pk, action):
    service, success, fields = MOVES[action]
    library, period = _library_for(request, code), _period_for(request, period_pk)
    # Someone else's move is refused by the service itself, without a question.
    asks = action in QUESTIONS and services.handin_may(action, user=request.user, library=library)
    if asks and request.POST.get(CONFIRMED) != "yes":
        return _confirmation(request, action, library, period)
    _act(
        request,
        service,
        success() % {"library": library.abbreviation()},
        library=library,
        period=period,
        **{name: request.POST.get(name, "") for name in fields},
    )
    return redirect(_back(period))


@login_required
@require_POST
def explain(request, period_pk):
    period = _period_for(request, period_pk)
    _act(
        request,
        services.explanation_save,
        _("Пояснение сохранено."),
        period=period,
        key=request.POST.get("key", ""),
        text=request.POST.get("text", ""),
    )
    return redirect(_back(period) + "#checks")


@login_required
@require_POST
def override(request, period_pk):
    period = _period_for(request, period_pk)
    if not _is_methodologist(request.user):
        raise PermissionDenied
    _act(
        request,
        services.handin_override,
        _("Причина записана: отчёт можно сдать и утвердить."),
        period=period,
        reason=request.POST.get("reason", ""),
    )
    return redirect(_back(period))


def _confirmation(request, action, library, period):
    """The question before a move that locks data: what it locks and for whom. It
    changes nothing; «Отмена» goes back to the page the button was on."""
    title, text, button = QUESTIONS[action]
    names = {"library": library.abbreviation(), "period": period.label}
    return render(
        request,
        "handin/confirm.html",
        {
            "title": title() % names,
            "text": text() % names,
            "button": button(),
            "action_url": request.path,
            "confirmed": CONFIRMED,
            "back_url": _back(period),
        },
    )
