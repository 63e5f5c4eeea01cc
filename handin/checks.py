"""The edit checks: one registry of what may be wrong with a library's half-year.

Each check has a code, a severity (an error blocks the hand-in; a warning needs
a written explanation before it) and a message, in Russian and Kazakh, naming
the library, the figure, its value and what it was compared with. Checks read
the dashboard's per-library figures (the report's rules), for the half-year and
for the same half-year a year before, so the checks and the report agree.

`check_run(period=..., libraries=...)` returns every result; explanations are
attached by `handin.selectors.results_with_explanations`.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from branches.calendar import Span, span_for_period
from branches.kind_figures import declared_figures
from branches.kinds import completeness_columns, kind_by_code
from branches.models import Library, ReportingPeriod
from events.models import OnlineFigures
from figures.reader import LibraryFigures, figure_label, figures_read, library_figures
from holdings.models import FundSnapshot
from holdings.selectors import fund_movement
from indicators.selectors import LOANS_PER_USER_LIMIT, ratio
from reportkit.text import number

ERROR = "error"
WARNING = "warning"
SEVERITY_LABELS = {ERROR: _("ошибка"), WARNING: _("внимание")}


@dataclass(frozen=True)
class Figure:
    """A figure the checks compare with last year, named as the report names it."""

    key: str
    label: object  # a lazy string
    value: Callable[[LibraryFigures], int]


def _key_figure(name: str) -> Figure:
    return Figure(name, figure_label(name), lambda f: f.values()[name])


def _declared(name: str, label) -> Figure:
    return Figure(name, label or name, lambda f: f.declared.get(name, 0))


def compared_figures() -> list[Figure]:
    """The key figures of a library, the events it listed, and every figure a kind
    of data declares in the registry (branches.kinds): a new kind is checked too."""
    flows = [
        "received",
        "written_off",
        "digitization_done",
        "virtual_references",
        "publications",
        "trailers",
        "media_mentions",
        "online_events",
        "views",
        "posts",
    ]
    events = Figure("events", kind_by_code("events").title, lambda f: f.entered.get("events", 0))
    declared = [_declared(f.name, f.label) for f in declared_figures()]
    return [*map(_key_figure, flows), events, *WORK_LOG_FIGURES, *declared]


# Section II's planned figures, from the work log (indicators.selectors via figures.reader).
WORK_LOG_FIGURES = (
    Figure("users", _("Пользователи"), lambda f: f.indicators.users),
    Figure("visits", _("Посещения"), lambda f: f.indicators.visits),
    Figure("loans", _("Книговыдача"), lambda f: f.indicators.loans),
)


@dataclass
class Result:
    code: str
    severity: str
    library: Library | None  # None: a figure of the whole ЦБС
    subject: str  # which figure, column or database: part of the explanation's key
    text: object  # a lazy message with %(name)s placeholders
    params: dict = field(default_factory=dict)
    explanation: object = None  # a handin.models.Explanation, attached by the selector

    @property
    def key(self) -> str:
        owner = self.library.code if self.library else "-"
        return f"{self.code}:{owner}:{self.subject}"

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def needs_explanation(self) -> bool:
        return self.severity == WARNING and not (self.explanation and self.explanation.text)

    def message(self, language: str | None = None) -> str:
        language = language or translation.get_language() or "ru"
        with translation.override(language):
            params = {k: str(v) for k, v in self.params.items()}
            return str(self.text) % params

    def severity_label(self) -> str:
        return str(SEVERITY_LABELS[self.severity])


@dataclass
class Context:
    """What every check reads: the figures of the half-year and of the same half a year before."""

    period: ReportingPeriod
    span: Span
    last_year: Span
    libraries: list[Library]
    now: dict[int, LibraryFigures]
    before: dict[int, LibraryFigures]  # same half-year, a year before
    thresholds: dict[str, int]
    organization_wide: bool
    digitization: object  # digitization.selectors.Digitization of the half-year

    def threshold(self, check: "Check") -> int:
        return self.thresholds.get(check.code, check.default_threshold)


@dataclass(frozen=True)
class Check:
    code: str
    severity: str
    title: object
    run: Callable[["Check", Context], Iterable[Result]]
    default_threshold: int | None = None
    threshold_label: object = ""

    def result(self, library, subject, text, **params) -> Result:
        if library is not None:
            params.setdefault("library", library.short_name)
        return Result(self.code, self.severity, library, subject, text, params)


def _ledger_identity(check, ctx):
    for lib in ctx.libraries:
        row = ctx.now[lib.pk].fund
        if row.discrepancy is None:
            continue
        yield check.result(
            lib,
            "fund_end",
            _(
                "%(library)s: фонд %(end)s по инвентаризации – %(inventory)s экз., а по учёту "
                "(%(start)s + %(received)s − %(off)s) – %(ledger)s экз. Исправьте поступления, "
                "списания или инвентаризацию."
            ),
            end=ctx.span.end_label,
            inventory=(row.ledger_end + row.discrepancy).copies,
            start=row.start.copies,
            received=row.received.copies,
            off=row.written_off.copies,
            ledger=row.ledger_end.copies,
        )


def _ledger_continuity(check, ctx):
    """An opening balance on the half-year's first day must equal the ledger's end before it."""
    start = ctx.span.start
    ids = [lib.pk for lib in ctx.libraries]
    known = set(
        FundSnapshot.objects.filter(library__in=ids, date__lt=start)
        .values_list("library", flat=True)
        .distinct()
    )
    if not known:
        return
    day_before = start - datetime.timedelta(days=1)
    eve = fund_movement(
        organization=ctx.period.organization,
        start=day_before,
        end=day_before,
        libraries=Library.objects.filter(pk__in=known),
    )
    for row in eve.rows:
        if row.discrepancy is None:
            continue
        yield check.result(
            row.library,
            "fund_start",
            _(
                "%(library)s: начальный остаток фонда на %(date)s – %(opening)s экз., а на конец "
                "прошлого полугодия по учёту – %(ledger)s экз. Остаток должен продолжать учёт."
            ),
            date=start.strftime("%d.%m.%Y"),
            opening=(row.ledger_end + row.discrepancy).copies,
            ledger=row.ledger_end.copies,
        )


FUND_COLUMNS = (
    ("start", _("на начало")),
    ("received", _("поступило")),
    ("written_off", _("выбыло")),
    ("end", _("на конец")),
)


def _kazakh_above_total(check, ctx):
    for lib in ctx.libraries:
        row = ctx.now[lib.pk].fund
        unknown = {"start": not row.start_known, "end": not row.end_known}
        for attr, column in FUND_COLUMNS:
            if unknown.get(attr):
                continue  # an unknown fund has no copies to compare
            amount = getattr(row, attr)
            if amount.copies_kk > amount.copies:
                yield check.result(
                    lib,
                    attr,
                    _(
                        "%(library)s: экземпляров на казахском языке (%(kk)s) больше, чем всего "
                        "(%(copies)s), в графе «%(column)s»."
                    ),
                    kk=amount.copies_kk,
                    copies=amount.copies,
                    column=column,
                )


ONLINE_FIGURES = ("online_events", "subscribers", "views", "posts")


def _parts_above_total(check, ctx):
    """A platform's rows add up to more than the library's all-platforms row."""
    whole = Q(platform__isnull=True)
    rows = (
        OnlineFigures.objects.filter(
            library__in=[lib.pk for lib in ctx.libraries], period__in=ctx.span.period_ids
        )
        .values("library")
        .annotate(
            has_whole=Count("pk", filter=whole),
            **{f"w_{f}": Sum(f, filter=whole) for f in ONLINE_FIGURES},
            **{f"p_{f}": Sum(f, filter=~whole) for f in ONLINE_FIGURES},
        )
        .order_by()
    )
    by_pk = {lib.pk: lib for lib in ctx.libraries}
    for row in rows:
        if not row["has_whole"]:
            continue
        for name in ONLINE_FIGURES:
            parts, total = row[f"p_{name}"] or 0, row[f"w_{name}"] or 0
            if parts > total:
                yield check.result(
                    by_pk[row["library"]],
                    name,
                    _(
                        "%(library)s: «%(figure)s» по платформам в сумме – %(parts)s, это больше, "
                        "чем в итоговой строке «все платформы» (%(total)s)."
                    ),
                    figure=figure_label(name),
                    parts=parts,
                    total=total,
                )


def _fund_negative(check, ctx):
    for lib in ctx.libraries:
        row = ctx.now[lib.pk].fund
        end = row.end
        if row.end_known and (end.copies < 0 or end.copies_kk < 0):
            yield check.result(
                lib,
                "fund_end",
                _(
                    "%(library)s: фонд %(end)s ниже нуля – %(copies)s экз. (на казахском языке "
                    "%(kk)s): списано больше, чем было."
                ),
                end=ctx.span.end_label,
                copies=end.copies,
                kk=end.copies_kk,
            )


def _compared(ctx):
    """(library, figure, now, a year before) for every library and figure."""
    figures = compared_figures()
    for lib in ctx.libraries:
        for figure in figures:
            yield (
                lib,
                figure,
                figure.value(ctx.now[lib.pk]),
                figure.value(ctx.before[lib.pk]),
            )


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


def _catalogue_fell(check, ctx):
    for lib in ctx.libraries:
        figures = ctx.now[lib.pk]
        if figures.catalogue.now < figures.catalogue.before:
            yield check.result(
                lib,
                "catalogue",
                _(
                    "%(library)s: записей в электронном каталоге стало меньше – %(start)s "
                    "было %(before)s, %(end)s стало %(now)s."
                ),
                start=ctx.span.start_label,
                end=ctx.span.end_label,
                before=figures.catalogue.before,
                now=figures.catalogue.now,
            )


def _digitization_below_plan(check, ctx):
    """The plan is the ЦБС's, per kind of document: the methodologist explains it."""
    if not ctx.organization_wide:
        return
    for kind in ctx.digitization.kinds:
        if kind.done < kind.planned:
            yield check.result(
                None,
                kind.code,
                _("ЦБС: оцифровано «%(kind)s» – %(done)s при плане %(planned)s."),
                kind=_KindName(kind),
                done=kind.done,
                planned=kind.planned,
            )


class _KindName:
    """A list item's name in the language active when the message is rendered."""

    def __init__(self, item):
        self.item = item

    def __str__(self) -> str:
        return self.item.name(translation.get_language() or "ru")


ENTERED_ONCE = {"fund_snapshots", "library_states", "staff_states"}


def _kind_missing(check, ctx):
    labels = dict(completeness_columns())
    for lib in ctx.libraries:
        now = ctx.now[lib.pk].entered
        before = ctx.before[lib.pk].entered
        for kind, count in before.items():
            # An opening balance, a network's or staff's state is entered once and holds
            # until it changes, not every year.
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


def _loans_per_user(check, ctx):
    """Loans per user above the limit: users were likely logged at every visit, not once
    a year. The ratio is section II's читаемость (indicators.selectors.ratio)."""
    limit = ctx.threshold(check)
    for lib in ctx.libraries:
        f = ctx.now[lib.pk].indicators
        reading = ratio(f.loans, f.users)
        if reading is not None and reading > limit:
            yield check.result(
                lib,
                "loans",
                _(
                    "%(library)s: на пользователя выдано %(ratio)s документов (%(loans)s на "
                    "%(users)s) — больше %(limit)s. Проверьте число пользователей: "
                    "пользователь учитывается один раз в году."
                ),
                ratio=number(reading),
                loans=f.loans,
                users=f.users,
                limit=limit,
            )


def _visits_below_users(check, ctx):
    for lib in ctx.libraries:
        f = ctx.now[lib.pk].indicators
        if f.visits < f.users:
            yield check.result(
                lib,
                "visits",
                _(
                    "%(library)s: посещений (%(visits)s) меньше, чем пользователей "
                    "(%(users)s): каждый записавшийся хотя бы раз посетил библиотеку."
                ),
                visits=f.visits,
                users=f.users,
            )


def _virtual_above_references(check, ctx):
    """The virtual references are part of all references; a library that logs nothing
    yet is the completeness page's business."""
    for lib in ctx.libraries:
        f = ctx.now[lib.pk].indicators
        logged = f.users or f.visits or f.loans or f.references
        if logged and f.references_virtual > f.references:
            yield check.result(
                lib,
                "references",
                _(
                    "%(library)s: виртуальных справок (%(virtual)s) больше, чем всех справок "
                    "в дневнике работы (%(all)s)."
                ),
                virtual=f.references_virtual,
                all=f.references,
            )


CHECKS = [
    Check("ledger_identity", ERROR, _("Учёт фонда сходится с инвентаризацией"), _ledger_identity),
    Check(
        "ledger_continuity",
        ERROR,
        _("Начальный остаток продолжает учёт прошлого полугодия"),
        _ledger_continuity,
    ),
    Check("parts_above_total", ERROR, _("Часть не больше целого"), _parts_above_total),
    Check(
        "kazakh_above_total",
        ERROR,
        _("На казахском языке не больше, чем всего"),
        _kazakh_above_total,
    ),
    Check("fund_negative", ERROR, _("Фонд не ниже нуля"), _fund_negative),
    Check(
        "changed_much",
        WARNING,
        _("Изменение к тому же полугодию прошлого года"),
        _changed_much,
        default_threshold=30,
        threshold_label=_("допустимое изменение, %"),
    ),
    Check(
        "same_as_last_year",
        WARNING,
        _("Ровно как в прошлом году"),
        _same_as_last_year,
        default_threshold=10,
        threshold_label=_("проверять значения от"),
    ),
    Check(
        "zero_where_last_year",
        WARNING,
        _("Ноль там, где в прошлом году было"),
        _zero_where_last_year,
    ),
    Check("catalogue_fell", WARNING, _("Каталог уменьшился"), _catalogue_fell),
    Check("digitization_below_plan", WARNING, _("Оцифровка ниже плана"), _digitization_below_plan),
    Check("kind_missing", WARNING, _("Вид данных не внесён в этом году"), _kind_missing),
    Check(
        "virtual_above_references",
        ERROR,
        _("Виртуальных справок не больше, чем всех справок"),
        _virtual_above_references,
    ),
    Check(
        "loans_per_user",
        WARNING,
        _("Книговыдача на пользователя"),
        _loans_per_user,
        default_threshold=LOANS_PER_USER_LIMIT,
        threshold_label=_("выдач на пользователя, не больше"),
    ),
    Check(
        "visits_below_users", WARNING, _("Посещений меньше, чем пользователей"), _visits_below_users
    ),
]
CHECKS_BY_CODE = {check.code: check for check in CHECKS}


def last_year_span(period: ReportingPeriod) -> Span:
    """The same half-year a year before (its periods, if any, for period facts)."""
    periods = tuple(
        ReportingPeriod.objects.filter(
            organization_id=period.organization_id, year=period.year - 1, half=period.half
        )
    )
    return Span(
        organization=period.organization, periods=periods, year=period.year - 1, half=period.half
    )


def check_run(*, period: ReportingPeriod, libraries: list[Library] | None = None) -> list[Result]:
    """Every check's results for `period`; with `libraries`, for those libraries only
    (the ЦБС's own figures are checked only when all its libraries are)."""
    from handin.models import CheckThreshold

    organization = period.organization
    everyone = list(Library.objects.filter(organization=organization).order_by("order", "code"))
    organization_wide = libraries is None
    libraries = everyone if libraries is None else list(libraries)
    span = span_for_period(period)
    last_year = last_year_span(period)
    ids = [lib.pk for lib in libraries]
    reads = figures_read(organization=organization, span=span, library_ids=ids)
    before = figures_read(organization=organization, span=last_year, library_ids=ids)
    ctx = Context(
        period=period,
        span=span,
        last_year=last_year,
        libraries=libraries,
        now={lib.pk: figures for lib, figures in library_figures(reads)},
        before={lib.pk: figures for lib, figures in library_figures(before)},
        thresholds=dict(
            CheckThreshold.objects.filter(organization=organization).values_list("code", "value")
        ),
        organization_wide=organization_wide,
        digitization=reads.digitization,
    )
    results = []
    for check in CHECKS:
        results.extend(check.run(check, ctx))
    return results
