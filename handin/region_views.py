"""The region's overview: every member ЦБС's half-year with its report's state, its
hand-in to the region, its deadline and its edit checks; the region methodologist's
accept and return; the ЦБС methodologist's sending.

The region's staff reach only their own region's ЦБС (`_period_of`: another
region's period is a 404); every move is the service's to allow (`handin.region`).
"""

import datetime
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from branches.handins import RegionHandIn, RegionHandInTransition
from branches.lockstate import REGION_HANDIN_MOVES
from branches.models import Organization, ReportingPeriod
from branches.scoping import REGION_METHODOLOGIST, scope_queryset, staff_profile, user_roles
from handin import region
from handin.checks import check_counts

State = RegionHandIn.State


def is_region_staff(user) -> bool:
    profile = staff_profile(user)
    return profile is not None and profile.region_id is not None


@dataclass
class RegionRow:
    organization: Organization
    period: ReportingPeriod | None
    handin: RegionHandIn | None = None
    last: RegionHandInTransition | None = None
    errors: int = 0
    warnings: int = 0
    explained: int = 0
    overdue: bool = False
    moves: list = field(default_factory=list)

    @property
    def state(self) -> str:
        return self.handin.state if self.handin else ""


def _half_years(periods) -> list[tuple[int, int]]:
    return sorted({(p.year, p.half) for p in periods}, reverse=True)


def _chosen(request, periods, half_years) -> tuple[int, int]:
    """The half-year asked for (`?half=2021-1`), else the latest one ended in which a
    member ЦБС has moved (a report submitted or approved, one sent to the region), else
    the latest one ended, else the latest."""
    asked = request.GET.get("half", "")
    year, _dash, half = asked.partition("-")
    if year.isdigit() and half in ("1", "2") and (int(year), int(half)) in half_years:
        return int(year), int(half)
    today = datetime.date.today()
    ended = [(y, h) for y, h in half_years if datetime.date(y, 6 if h == 1 else 12, 30) < today]
    moved = set(
        periods.exclude(status=ReportingPeriod.Status.OPEN, region_handin__isnull=True)
        .values_list("year", "half")
        .distinct()
    )
    chosen = ([hy for hy in ended if hy in moved] or ended or half_years or [None])[0]
    if chosen is None:
        raise Http404
    return chosen


def region_rows(periods: list[ReportingPeriod], organizations) -> list[RegionRow]:
    """One row per member ЦБС: its period of the half-year (None: not opened yet), its
    hand-in to the region with its moves, and its edit checks' counts."""
    by_organization = {p.organization_id: p for p in periods}
    handins = {
        h.period_id: h
        for h in RegionHandIn.objects.filter(period__in=periods).prefetch_related(
            "transitions__user"
        )
    }
    today = datetime.date.today()
    rows = []
    for organization in organizations:
        period = by_organization.get(organization.pk)
        row = RegionRow(organization=organization, period=period)
        if period is not None:
            row.handin = handins.get(period.pk)
            row.moves = list(row.handin.transitions.all()) if row.handin else []
            row.last = row.moves[-1] if row.moves else None
            counts = check_counts(period)
            row.errors, row.warnings, row.explained = (
                counts.errors,
                counts.warnings,
                counts.explained,
            )
            row.overdue = (
                period.organization_due is not None
                and today > period.organization_due
                and row.state not in (State.SUBMITTED, State.ACCEPTED)
            )
        rows.append(row)
    return rows


@login_required
def overview(request):
    """The region's page: its staff see their region; a ЦБС's staff have none."""
    profile = staff_profile(request.user)
    if profile is None or profile.region_id is None:
        raise PermissionDenied
    organizations = scope_queryset(Organization.objects.all(), request.user).order_by("name_ru")
    all_periods = ReportingPeriod.objects.filter(organization__in=organizations)
    half_years = _half_years(all_periods)
    year, half = _chosen(request, all_periods, half_years)
    periods = list(all_periods.filter(year=year, half=half).select_related("organization"))
    context = {
        "region": profile.region,
        "year": year,
        "half": half,
        "half_years": half_years,
        "rows": region_rows(periods, organizations),
        # The buttons are the region methodologist's; the service checks each move.
        "may_decide": request.user.is_superuser or REGION_METHODOLOGIST in user_roles(request.user),
        # The consolidated report of the half-year and of its year (reports' download).
        "report_spans": [
            (
                f"{year}-H{half}",
                _("%(half)s полугодие %(year)s года") % {"half": half, "year": year},
            ),
            (str(year), _("%(year)s год") % {"year": year}),
        ],
    }
    return render(request, "handin/region_overview.html", context)


def _period_of(request, period_pk) -> ReportingPeriod:
    """A period the user may see (a member ЦБС's for the region's staff, her own ЦБС's
    for a ЦБС's staff); any other is a 404."""
    periods = scope_queryset(ReportingPeriod.objects.all(), request.user)
    period = periods.select_related("organization").filter(pk=period_pk).first()
    if period is None:
        raise Http404
    return period


def _back(request, period) -> str:
    if is_region_staff(request.user):
        return f"{reverse('handin:region')}?half={period.year}-{period.half}"
    return f"{reverse('handin:home')}?period={period.pk}"


# action -> (service, success message, the POST field it reads, the question before it)
ACTIONS = {
    "send": (
        region.region_handin_send,
        lambda: _("Отчёт %(organization)s за %(period)s сдан в регион."),
        lambda: (
            _("Сдать отчёт %(organization)s за %(period)s в регион?"),
            _(
                "Утверждённый отчёт уйдёт методисту региона на проверку. Изменить его "
                "можно будет, только если регион вернёт его на исправление."
            ),
            _("Да, сдать в регион"),
        ),
    ),
    "accept": (
        region.region_handin_accept,
        lambda: _("Отчёт %(organization)s за %(period)s принят."),
        lambda: (
            _("Принять отчёт %(organization)s за %(period)s?"),
            _(
                "Отчёт будет принят в свод региона. Принятый отчёт больше не "
                "возвращается и не открывается заново."
            ),
            _("Да, принять"),
        ),
    ),
    "return": (
        region.region_handin_return,
        lambda: _("Отчёт %(organization)s за %(period)s возвращён на исправление."),
        None,
    ),
}
CONFIRMED = "confirmed"


@login_required
@require_POST
def move(request, period_pk, action):
    service, success, question = ACTIONS[action]
    period = _period_of(request, period_pk)
    names = {"organization": period.organization.abbreviation(), "period": period.label}
    asks = question is not None and region.region_handin_may(
        action, user=request.user, period=period
    )
    if asks and request.POST.get(CONFIRMED) != "yes":
        title, text, button = question()
        return render(
            request,
            "handin/confirm.html",
            {
                "title": title % names,
                "text": text,
                "button": button,
                "action_url": request.path,
                "confirmed": CONFIRMED,
                "back_url": _back(request, period),
            },
        )
    kwargs = {"comment": request.POST.get("comment", "")}
    try:
        service(period=period, user=request.user, **kwargs)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success() % names)
    return redirect(_back(request, period))


def can_send(period: ReportingPeriod, handin: RegionHandIn | None) -> bool:
    """Whether the ЦБС's overview offers «Сдать в регион»: an approved report of a ЦБС
    in a region, never sent or sent back."""
    state = handin.state if handin else ""
    return (
        period.organization.region_id is not None
        and period.status == ReportingPeriod.Status.APPROVED
        and State.SUBMITTED in REGION_HANDIN_MOVES[state]
    )
