"""Running the registry of checks (`branches.checks`) over the figures of a span.

The caller reads the span's figures once (`figures.reader.figures_read`) and, for
the checks that compare, the same span a year before; `check_context` lays them out
per library and `checks_run` runs every registered check over them. The report passes
the reads it builds from, the hand-in pages read them here: either way one read.

The checks every figure shares (changed much, the same as last year, zero where last
year had some, a kind entered last year and not now, a library without any data)
live here; the apps register the checks of their own figures from their ready().
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from branches.calendar import Span
from branches.checks import (
    CHECKS,
    COMPARED,
    WARNING,
    Check,
    Compared,
    Result,
    check_by_code,
    printed_in,
    register_check,
)
from branches.kinds import LIBRARY, completeness_columns, facts, kind_by_code
from branches.models import Library, Organization, ReportingPeriod
from figures.reader import FigureReads, LibraryFigures, figure_label, figures_read, library_figures
from indicators.comparison import comparison_for


@dataclass
class Context:
    """What every check reads: the figures of the span and of the same span a year before."""

    organization: Organization
    span: Span
    last_year: Span | None  # None: nothing compares (the checks that do are not run)
    libraries: list[Library]
    reads: FigureReads  # the span's figures, as read once
    now: dict[int, LibraryFigures]
    before: dict[int, LibraryFigures]  # empty when nothing compares
    thresholds: dict[str, int] = field(default_factory=dict)
    # False: some libraries only (a librarian's page): the ЦБС's own figures aren't checked.
    organization_wide: bool = True
    # The report's only: the ЦБС's fund at the end of the half-year before, as approved.
    approved_previous_end: object = None
    # What a check read beyond the figures, kept for the other checks of the same run.
    memo: dict = field(default_factory=dict)

    @property
    def fund(self):
        return self.reads.fund

    @property
    def digitization(self):
        return self.reads.digitization

    @property
    def catalogue(self):
        return self.reads.catalogue

    def threshold(self, check: Check) -> int:
        return self.thresholds.get(check.code, check.default_threshold)


def last_year_span(span: Span, with_data: list | None = None) -> Span | None:
    """The same span a year before (its periods, if any, for period facts). One query.

    With `with_data` (the half-years with data, `branches.entered.half_years_with_data`):
    the report's comparison rule (`indicators.comparison`): a year with one half recorded
    compares with that half a year before, and None when the spans are not comparable.
    """
    year, half = span.year - 1, span.half
    if with_data is not None:
        comparison = comparison_for(span.year, span.half, with_data)
        if not comparison.comparable:
            return None
        year, half = comparison.base_year, comparison.base_half
    periods = ReportingPeriod.objects.filter(organization=span.organization, year=year)
    if half:
        periods = periods.filter(half=half)
    return Span(
        organization=span.organization,
        periods=tuple(periods.order_by("half")),
        year=year,
        half=half,
    )


def check_context(
    *,
    span: Span,
    libraries: list[Library],
    reads: FigureReads,
    thresholds: dict[str, int],
    organization_wide: bool = True,
    compare: bool = True,
    approved_previous_end=None,
    with_data: list | None = None,
) -> Context:
    """The checks' context from the span's `reads`; with `compare`, last year's figures
    are read too (1 + figures_read's queries). `with_data`: the half-years with data, for
    the report's comparison rule (`last_year_span`)."""
    last_year = last_year_span(span, with_data) if compare else None
    before = {}
    if last_year is not None:
        before_reads = figures_read(
            organization=span.organization,
            span=last_year,
            library_ids=[lib.pk for lib in libraries],
            libraries=libraries,
        )
        before = {lib.pk: figures for lib, figures in library_figures(before_reads)}
    return Context(
        organization=span.organization,
        span=span,
        last_year=last_year,
        libraries=libraries,
        reads=reads,
        now={lib.pk: figures for lib, figures in library_figures(reads)},
        before=before,
        thresholds=thresholds,
        organization_wide=organization_wide,
        approved_previous_end=approved_previous_end,
    )


def checks_run(
    ctx: Context, *, handin_only: bool = False, noted_only: bool = False
) -> list[Result]:
    """Every registered check's results, in the registry's order; `handin_only`: the
    hand-in's edit checks only (the report's own notes aside); `noted_only`: only the
    checks whose results the report prints in its sections."""
    results = []
    for check in CHECKS:
        if (handin_only and not check.handin) or (noted_only and check.note is None):
            continue
        if check.compares and ctx.last_year is None:
            continue
        results.extend(check.run(check, ctx))
    return results


def report_notes(results: list[Result], libraries: list[Library]) -> list:
    """The notes the report prints in its sections: each result its check writes a note
    for, a library's notes together in the libraries' order (the registry's order within
    a library), the ЦБС's own after them."""
    position = {library.pk: n for n, library in enumerate(libraries)}
    by_code = {check.code: check for check in CHECKS}
    noted = []
    for result in results:
        check = by_code[result.code]
        note = check.note(result) if check.note is not None else None
        if note is not None:
            where = position.get(getattr(result.library, "pk", None), len(position))
            noted.append((where, note))
    return [note for _where, note in sorted(noted, key=lambda pair: pair[0])]


def printed_in_sections(result: Result) -> bool:
    """Whether the report's own notes already print this result (see `branches.checks`)."""
    return check_by_code(result.code).note is not None


# The figures every library is compared on with the same span a year before ----------


# The key figures that are a span's flows (figures.reader.KeyFigures), each with the
# kinds whose rows make it (a result about it links to their lists).
COMPARED_FLOWS = {
    "received": ("receipts",),
    "written_off": ("writeoffs",),
    "digitization_done": ("digitized",),
    "virtual_references": ("virtual_references",),
    "publications": ("publications",),
    "trailers": ("publications",),
    "media_mentions": ("media", "media_totals"),
    "online_events": ("online",),
    "views": ("online",),
    "posts": ("online",),
}


def _key_figure(name: str) -> Compared:
    return Compared(name, figure_label(name), lambda f: f.values()[name], COMPARED_FLOWS[name])


def compared_figures() -> list[Compared]:
    """The key flows of a library, the events it listed, the figures an app registers
    (the work log's: `branches.checks.COMPARED`) and every figure a kind declares in the
    registry (`branches.kinds.Figure`): a new figure is checked too."""
    events = Compared(
        "events",
        kind_by_code("events").title,
        lambda f: f.entered.get("events", 0),
        ("events",),
    )
    declared = [
        Compared(
            f.name,
            f.label or f.name,
            lambda lf, name=f.name: lf.declared.get(name, 0),
            (kind.code,),
        )
        for kind in facts(LIBRARY)
        for f in kind.figures
    ]
    return [*map(_key_figure, COMPARED_FLOWS), events, *COMPARED, *declared]


def _compared_rows(result: Result) -> tuple[str, ...]:
    """The kinds behind a compared figure's result (its `subject` is the figure's key)."""
    for figure in compared_figures():
        if figure.key == result.subject:
            return figure.kinds
    return ()


def _kind_rows(result: Result) -> tuple[str, ...]:
    """The kinds of a completeness column (`kind_missing`'s `subject`)."""
    return tuple(kind.code for kind in facts(LIBRARY) if kind.column_code == result.subject)


def _compared(ctx):
    """(library, figure, now, a year before) for every library and figure."""
    figures = compared_figures()
    for lib in ctx.libraries:
        for figure in figures:
            yield lib, figure, figure.value(ctx.now[lib.pk]), figure.value(ctx.before[lib.pk])


def _changed_much(check, ctx):
    limit = ctx.threshold(check)
    for lib, figure, now, before in _compared(ctx):
        if not now or not before:
            continue  # zero on either side is another check's business
        change = (now - before) * 100 / before
        if abs(change) > limit:
            yield check.result(
                lib,
                figure.key,
                _(
                    "%(library)s: «%(figure)s» – %(now)s, за %(last)s – %(before)s "
                    "(%(change)s%%, больше чем на ±%(limit)s%%)."
                ),
                figure=figure.label,
                now=now,
                before=before,
                last=ctx.last_year.label,
                change=f"{change:+.0f}",
                limit=limit,
            )


def _same_as_last_year(check, ctx):
    smallest = ctx.threshold(check)
    for lib, figure, now, before in _compared(ctx):
        if now == before and now >= smallest:
            yield check.result(
                lib,
                figure.key,
                _(
                    "%(library)s: «%(figure)s» – %(now)s, ровно столько же, сколько за %(last)s. "
                    "Не скопированы ли данные?"
                ),
                figure=figure.label,
                now=now,
                last=ctx.last_year.label,
            )


def _zero_where_last_year(check, ctx):
    for lib, figure, now, before in _compared(ctx):
        if before and not now:
            yield check.result(
                lib,
                figure.key,
                _("%(library)s: «%(figure)s» – 0, а за %(last)s было %(before)s."),
                figure=figure.label,
                before=before,
                last=ctx.last_year.label,
            )


# An opening balance, a network's or staff's state is entered once and holds until it
# changes, not every year.
ENTERED_ONCE = {"fund_snapshots", "library_states", "staff_states"}


def _kind_missing(check, ctx):
    labels = dict(completeness_columns())
    for lib in ctx.libraries:
        now = ctx.now[lib.pk].entered
        before = ctx.before[lib.pk].entered
        for kind, count in before.items():
            if kind not in ENTERED_ONCE and count and not now.get(kind):
                yield check.result(
                    lib,
                    kind,
                    _(
                        "%(library)s: «%(kind)s» за %(last)s внесено (%(count)s), а за %(span)s нет."
                    ),
                    kind=labels[kind],
                    count=count,
                    last=ctx.last_year.label,
                    span=ctx.span.label,
                )


def _silent_libraries(check, ctx):
    """Libraries that entered nothing for the span, by every kind in the registry
    (`branches.entered`), an opening balance aside."""
    fund = ctx.fund
    funded = {row.library.pk for row in fund.rows if row.start_known and row.start.copies}
    for library in ctx.reads.libraries:
        if library.pk in ctx.reads.entered.active:
            continue
        if library.pk in funded:
            text = _(
                "%(library)s: за %(span)s нет данных, кроме остатка фонда "
                "(ни поступлений, ни списаний, ни мероприятий, ни изданий)."
            )
        else:
            text = _("%(library)s: за %(span)s нет никаких данных.")
        yield check.result(library, "all", text, span=ctx.span.label)


def register() -> None:
    """The shared checks, registered once the apps' own are (figures' ready())."""
    for check in (
        Check(
            "changed_much",
            WARNING,
            _("Изменение к тому же полугодию прошлого года"),
            _changed_much,
            default_threshold=30,
            threshold_label=_("допустимое изменение, %"),
            compares=True,
            rows=_compared_rows,
        ),
        Check(
            "same_as_last_year",
            WARNING,
            _("Ровно как в прошлом году"),
            _same_as_last_year,
            default_threshold=10,
            threshold_label=_("проверять значения от"),
            compares=True,
            rows=_compared_rows,
        ),
        Check(
            "zero_where_last_year",
            WARNING,
            _("Ноль там, где в прошлом году было"),
            _zero_where_last_year,
            compares=True,
            rows=_compared_rows,
        ),
        Check(
            "kind_missing",
            WARNING,
            _("Вид данных не внесён в этом году"),
            _kind_missing,
            compares=True,
            rows=_kind_rows,
        ),
        Check(
            "silent_library",
            WARNING,
            _("Библиотека без данных"),
            _silent_libraries,
            handin=False,
            note=printed_in(""),
        ),
    ):
        register_check(check)
