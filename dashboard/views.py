"""The director's pages: the organization, one library, and what is missing."""

import datetime
import hashlib
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from branches.models import HandIn
from dashboard import indicator_cards, indicator_presenters, presenters
from dashboard.access import dashboard_viewer, is_region_staff, library_for_viewer
from dashboard.figures import overview
from dashboard.spans import SpanBook, halves_by_year
from datacache.cached import current_or_previous_figures
from handin.selectors import handin_states
from holdings.checks import unknown_fund_messages


def _templates_version() -> str:
    """A digest of the dashboard's templates, read once per process: a deploy that changes
    how the page looks changes the cached body's key, so no director keeps the old layout
    until the data or the day changes."""
    digest = hashlib.sha256()
    for path in sorted((Path(__file__).parent / "templates").rglob("*.html")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


TEMPLATES_VERSION = _templates_version()


def _pick_span(asked_code: str | None, book: SpanBook, spans: list):
    """The span asked for in ?period=, else the latest half-year with data."""
    asked = book.parse(asked_code)
    if asked is not None:
        return asked
    return next((s for s in spans if s.half), spans[0] if spans else None)


def _figures(organization, library, asked_code: str | None) -> dict:
    """Everything the page shows that comes from the data (no request, no user)."""
    libraries = [library] if library is not None else None
    book = SpanBook(organization)
    spans = with_data = book.with_data(libraries)
    span = _pick_span(asked_code, book, spans)
    if span is not None and span not in spans:  # asked for by link: the picker still shows it
        spans = sorted([*spans, span], key=lambda s: (s.year, s.half or 0), reverse=True)
    halves = halves_by_year(with_data)
    figures = {
        "spans": [(s, _span_label(s, halves, short=True)) for s in spans],
        "span": span,
    }
    if span is not None:
        # The report's rule: the same span a year before, where both have data.
        comparison = book.comparison(span, with_data)
        only_half = _only_half(span, halves)
        last_half = book.span(span.year, only_half) if only_half else None
        figures.update(
            overview=overview(
                organization=organization,
                span=span,
                book=book,
                libraries=libraries,
                previous_span=book.base(comparison),
                last_half=last_half,
                compare=comparison.comparable,
            ),
            span_label=_span_label(span, halves),
            comparison=_comparison_note(comparison),
            comparable=comparison.comparable,
            comparison_base=comparison,
        )
        figures["indicators"] = indicator_cards.for_overview(
            figures["overview"], book=book, comparison=comparison, last_half=last_half
        )
    return figures


def _page(request, viewer, library=None, template="dashboard/index.html"):
    """The page: its body comes whole from the cache (datacache) while the data
    version, the language, the day and the page's own parameters are the same;
    only the frame around it (the header, the user's menu) is rendered each time.
    While another request computes the body after a write, the page is the one of a
    moment before, saying so and reloading itself (datacache's stale-while-revalidate)."""
    asked = request.GET.get("period")
    parts = (library.pk if library else None, asked, get_language())
    # Hand-in states move the data version too; «overdue» moves with the day.
    body, current = current_or_previous_figures(
        viewer.organization_id,
        "dashboard",
        (
            *parts,
            template,
            TEMPLATES_VERSION,
            viewer.is_librarian,
            datetime.date.today().isoformat(),
        ),
        lambda: _body(viewer, library, asked, template),
    )
    context = {
        "library": library,
        "viewer": viewer,
        "body": mark_safe(body["html"]),  # noqa: S308 -- rendered by our own template
        "has_charts": body["has_charts"],
        "current": current,
    }
    return render(request, template, context)


def _body(viewer, library, asked: str | None, template: str) -> dict:
    """The page's body rendered from the figures: {"html", "has_charts"}."""
    context = {"organization": viewer.organization, "library": library, "viewer": viewer}
    context.update(_figures(viewer.organization, library, asked))
    if context["span"] is not None:
        data = context["overview"]
        context.update(
            cards=presenters.cards(
                data.total,
                # Against a span with nothing (or only half a year) recorded, every
                # change would mislead: the flows show none.
                data.previous,
                organization_wide=library is None,
                year=context["span"].is_year,
                fund_known=_fund_known(data, library),
                fund_parts=_fund_parts(data, library),
                against=context["comparison_base"].against,
            ),
            fund_notes=unknown_fund_messages(data.fund, context["span"]),
            charts=presenters.charts(data, organization_wide=library is None),
            handin_states=handin_states(context["span"], [lib.pk for lib, _f in data.per_library]),
        )
        context["state_line"] = _state_line(context["span"], context["handin_states"], library)
        context.update(indicator_presenters.context(context["indicators"], library is None))
        context["charts"]["indicator_trend"] = indicator_presenters.trend_chart(
            context["indicators"]
        )
    body_template = template.replace(".html", "_body.html")
    return {
        "html": render_to_string(body_template, context),
        "has_charts": context["span"] is not None,
    }


def _state_line(span, states: dict[int, dict], library) -> dict | None:
    """Where the half-year stands, for the top of the page: the report's state and
    the hand-ins counted from the same states the completeness table shows. None for
    a year (no one report, no one hand-in)."""
    if span is None or span.is_year or not span.periods:
        return None
    period = span.periods[0]
    line = {"report": period.get_status_display(), "library": None}
    if library is not None:
        line["library"] = states.get(library.pk)
        return line
    handed = {HandIn.State.SUBMITTED, HandIn.State.ACCEPTED}
    line.update(
        total=len(states),
        handed_in=sum(1 for state in states.values() if state["state"] in handed),
        accepted=sum(1 for state in states.values() if state["state"] == HandIn.State.ACCEPTED),
        overdue=sum(1 for state in states.values() if state["overdue"]),
    )
    return line


def _fund_known(data, library) -> tuple[bool, bool]:
    """Whether the fund is known at the span's start and end: the ЦБС's always (its
    total counts every library's movements), a library's once a state is recorded."""
    if library is None:
        return True, True
    row = data.fund.rows[0]
    return row.start_known, row.end_known


def _fund_parts(data, library) -> tuple[int, int] | None:
    """(libraries whose fund at the end is known, all libraries) of the ЦБС's page: its
    «Фонд на конец» is the sum of the known funds and the others' movements."""
    if library is not None:
        return None
    rows = data.fund.rows
    return sum(row.end_known for row in rows), len(rows)


def _only_half(span, halves: dict[int, set[int]]) -> int | None:
    """For a year with data in one half only, that half; else None."""
    own = halves.get(span.year, set())
    if span.is_year and len(own) == 1:
        return next(iter(own))
    return None


def _span_label(span, halves: dict[int, set[int]], short: bool = False) -> str:
    """The span's label; a year with data in one half only says so (briefly in the picker)."""
    half = _only_half(span, halves)
    if half is None:
        return span.label
    if short:
        return _("%(label)s (только %(half)s полугодие)") % {"label": span.label, "half": half}
    return _("%(label)s (данные только за %(half)s полугодие)") % {
        "label": span.label,
        "half": half,
    }


def _comparison_note(comparison) -> str:
    """What the changes on the cards are measured against, in the report's words."""
    if comparison.comparable:
        return _("изменения — %(against)s") % {"against": comparison.against}
    return _("%(said)s; фонд и каталог сравниваются с началом периода") % {"said": comparison.said}


@transaction.non_atomic_requests
@login_required
def index(request):
    try:
        viewer = dashboard_viewer(request.user)
    except PermissionDenied:
        if is_region_staff(request.user):  # the dashboard one level up is theirs
            return redirect(_with_query(request, reverse("dashboard:region_index")))
        raise
    if viewer.is_librarian:
        return redirect(
            _with_query(request, reverse("dashboard:library", args=[viewer.own_library.code]))
        )
    return _page(request, viewer)


@transaction.non_atomic_requests
@login_required
def library(request, code):
    viewer = dashboard_viewer(request.user)
    return _page(request, viewer, library_for_viewer(viewer, code))


@transaction.non_atomic_requests
@login_required
def completeness(request):
    viewer = dashboard_viewer(request.user)
    if viewer.is_librarian:
        url = reverse("dashboard:library", args=[viewer.own_library.code])
        return redirect(_with_query(request, url) + "#completeness")
    return _page(request, viewer, template="dashboard/completeness.html")


def _with_query(request, url: str) -> str:
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url
