"""The region's dashboard: the director's dashboard one level up.

The region's methodologist and management see their own region (another region's
page is a 404); a ЦБС's staff and librarians have none (403). The page's body is
computed once per data version of all the member ЦБС (datacache) and language and
day, like the ЦБС's; its queries do not grow with the number of member ЦБС.
"""

import datetime

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from branches.calendar import SpanError, code_parse, span_code
from branches.models import Organization, ReportingPeriod
from dashboard import region_presenters
from dashboard.access import region_for_viewer
from dashboard.views import TEMPLATES_VERSION
from datacache.cached import organizations_figures


def _half_years(periods: list[ReportingPeriod]) -> list[tuple[int, int | None]]:
    """The half-years the member ЦБС have opened and the years they fall in, newest
    first; a year after its halves (the ЦБС dashboard's order)."""
    halves = {(p.year, p.half) for p in periods}
    keys = halves | {(year, 0) for year, _half in halves}
    return [(year, half or None) for year, half in sorted(keys, reverse=True)]


def _pick(asked: str | None, offered: list[tuple[int, int | None]]):
    """The span asked for in ?period=, else the latest half-year that has ended (a
    region looks at what its ЦБС reported), else the latest offered; None: nothing."""
    try:
        year, half = code_parse(asked)
    except SpanError:
        pass
    else:
        return year, half
    today = datetime.date.today()
    ended = [(y, h) for y, h in offered if h and datetime.date(y, 6 if h == 1 else 12, 30) < today]
    halves = [(y, h) for y, h in offered if h]
    return (ended or halves or offered or [None])[0]


@transaction.non_atomic_requests
@login_required
def region_index(request):
    """/dashboard/region/: the region staff's own region."""
    region = region_for_viewer(request.user)
    query = request.GET.urlencode()
    url = reverse("dashboard:region", args=[region.code])
    return redirect(f"{url}?{query}" if query else url)


@transaction.non_atomic_requests
@login_required
def region_page(request, code):
    region = region_for_viewer(request.user, code)
    members = list(
        Organization.objects.filter(region=region).order_by("name_ru").values_list("pk", flat=True)
    )
    asked = request.GET.get("period")
    body = organizations_figures(
        members,
        "region-dashboard",
        (region.pk, asked, get_language(), TEMPLATES_VERSION, datetime.date.today().isoformat()),
        lambda: _body(region, asked),
    )
    context = {
        "region": region,
        "body": mark_safe(body["html"]),  # noqa: S308 -- rendered by our own template
        "has_charts": body["has_charts"],
        "current": True,
    }
    return render(request, "dashboard/region.html", context)


def _body(region, asked: str | None) -> dict:
    """The page's body: {"html", "has_charts"}. A fixed number of queries."""
    organizations = list(Organization.objects.filter(region=region).order_by("name_ru"))
    periods = list(
        ReportingPeriod.objects.filter(organization__region=region).order_by("year", "half")
    )
    offered = _half_years(periods)
    picked = _pick(asked, offered)
    if picked is not None and picked not in offered:
        offered = sorted([*offered, picked], key=lambda s: (s[0], s[1] or 0), reverse=True)
    context = {
        "region": region,
        "organizations": organizations,
        "spans": [(span_code(y, h), region_presenters.span_label(y, h)) for y, h in offered],
        "span_code": span_code(*picked) if picked else None,
    }
    if picked is not None:
        context.update(
            region_presenters.region_context(
                region=region, organizations=organizations, periods=periods, year=picked[0],
                half=picked[1],
            )
        )  # fmt: skip
    return {
        "html": render_to_string("dashboard/region_body.html", context),
        "has_charts": bool(context.get("charts")),
    }
