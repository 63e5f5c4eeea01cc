"""The director's pages: the organization, one library, and what is missing."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse

from dashboard import presenters
from dashboard.access import dashboard_viewer, library_for_viewer
from dashboard.figures import overview
from dashboard.spans import SpanBook


def _pick_span(request, book: SpanBook, spans: list):
    """The span asked for in ?period=, else the latest half-year with data."""
    asked = book.parse(request.GET.get("period"))
    if asked is not None:
        return asked
    return next((s for s in spans if s.half), spans[0] if spans else None)


def _page(request, viewer, library=None, template="dashboard/index.html"):
    libraries = [library] if library is not None else None
    book = SpanBook(viewer.organization)
    spans = with_data = book.with_data(libraries)
    span = _pick_span(request, book, spans)
    if span is not None and span not in spans:  # asked for by link: the picker still shows it
        spans = sorted([*spans, span], key=lambda s: (s.year, s.half or 0), reverse=True)
    context = {
        "organization": viewer.organization,
        "library": library,
        "viewer": viewer,
        "spans": spans,
        "span": span,
    }
    if span is not None:
        data = overview(organization=viewer.organization, span=span, book=book, libraries=libraries)
        context.update(
            overview=data,
            cards=presenters.cards(
                data.total,
                # Against a span with nothing recorded, every change would be the whole value.
                data.previous if data.previous_span in with_data else None,
                organization_wide=library is None,
            ),
            charts=presenters.charts(data, organization_wide=library is None),
        )
    return render(request, template, context)


@login_required
def index(request):
    viewer = dashboard_viewer(request.user)
    if viewer.is_librarian:
        return redirect(
            _with_query(request, reverse("dashboard:library", args=[viewer.own_library.code]))
        )
    return _page(request, viewer)


@login_required
def library(request, code):
    viewer = dashboard_viewer(request.user)
    return _page(request, viewer, library_for_viewer(viewer, code))


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
