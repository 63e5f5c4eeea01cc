"""The work log's checks (the registry: `branches.checks`), registered from
IndicatorsConfig.ready(), with the work-log figures the shared checks compare with
last year. The report prints their notes in section II «Контрольные показатели»."""

from django.utils.translation import gettext_lazy as _

from branches.checks import (
    ERROR,
    WARNING,
    Check,
    Compared,
    printed_in,
    register_check,
    register_compared,
)
from indicators.selectors import (
    LOANS_PER_USER_LIMIT,
    Indicators,
    ratio,
    worklog_figures_by_window,
    year_start,
)
from reportkit import sections as S
from reportkit.text import number

# The rows every figure of this module is made of (`branches.kinds`).
WORK_LOG = ("work_log",)

# Section II's planned figures, compared with the same span a year before.
COMPARED = (
    Compared("users", _("Пользователи"), lambda f: f.indicators.users, WORK_LOG),
    Compared("visits", _("Посещения"), lambda f: f.indicators.visits, WORK_LOG),
    Compared("loans", _("Книговыдача"), lambda f: f.indicators.loans, WORK_LOG),
)


def _against_users(ctx) -> tuple[dict, bool]:
    """({library id: Indicators}, year to date?): the flows to set against users.

    A reader counts once a calendar year, so a second half's users are the year's so
    far; the visits and loans compared with them must be the year's so far too, not the
    half's own (one query, shared by the checks of the run). A first half or a year
    starts on 1 January: its own figures already are.
    """
    span = ctx.span
    if span.start == year_start(span.end):
        return {lib.pk: ctx.now[lib.pk].indicators for lib in ctx.libraries}, False
    if "year_to_date" not in ctx.memo:
        (ctx.memo["year_to_date"],) = worklog_figures_by_window(
            library_ids=[lib.pk for lib in ctx.libraries],
            windows=[(year_start(span.end), span.end)],
        )
    return ctx.memo["year_to_date"], True


def _loans_per_user(check, ctx):
    """Loans per user above the limit: users were likely logged at every visit, not once
    a year. The ratio is section II's читаемость (indicators.selectors.ratio), of the
    year so far in a second half."""
    limit = ctx.threshold(check)
    figures, year_to_date = _against_users(ctx)
    for lib in ctx.libraries:
        f = figures.get(lib.pk, Indicators())
        reading = ratio(f.loans, f.users)
        if reading is not None and reading > limit:
            text = LOANS_PER_USER_YEAR if year_to_date else LOANS_PER_USER
            yield check.result(
                lib, "loans", text, ratio=number(reading), loans=f.loans, users=f.users,
                limit=limit,
            )  # fmt: skip


LOANS_PER_USER = _(
    "%(library)s: на пользователя выдано %(ratio)s документов (%(loans)s на "
    "%(users)s) — больше %(limit)s. Проверьте число пользователей: "
    "пользователь учитывается один раз в году."
)
LOANS_PER_USER_YEAR = _(
    "%(library)s: с начала года на пользователя выдано %(ratio)s документов (%(loans)s на "
    "%(users)s) — больше %(limit)s. Проверьте число пользователей: "
    "пользователь учитывается один раз в году."
)
VISITS_BELOW_USERS = _(
    "%(library)s: посещений (%(visits)s) меньше, чем пользователей "
    "(%(users)s): каждый записавшийся хотя бы раз посетил библиотеку."
)
VISITS_BELOW_USERS_YEAR = _(
    "%(library)s: посещений с начала года (%(visits)s) меньше, чем пользователей "
    "(%(users)s): каждый записавшийся хотя бы раз посетил библиотеку."
)


def _visits_below_users(check, ctx):
    figures, year_to_date = _against_users(ctx)
    for lib in ctx.libraries:
        f = figures.get(lib.pk, Indicators())
        if f.visits < f.users:
            text = VISITS_BELOW_USERS_YEAR if year_to_date else VISITS_BELOW_USERS
            yield check.result(lib, "visits", text, visits=f.visits, users=f.users)


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


def register() -> None:
    register_compared(*COMPARED)
    for check in (
        Check(
            "loans_per_user",
            WARNING,
            _("Книговыдача на пользователя"),
            _loans_per_user,
            rows=WORK_LOG,
            default_threshold=LOANS_PER_USER_LIMIT,
            threshold_label=_("выдач на пользователя, не больше"),
            note=printed_in(S.CONTROL),
        ),
        Check(
            "visits_below_users",
            WARNING,
            _("Посещений меньше, чем пользователей"),
            _visits_below_users,
            rows=WORK_LOG,
            note=printed_in(S.CONTROL),
        ),
        Check(
            "virtual_above_references",
            ERROR,
            _("Виртуальных справок не больше, чем всех справок"),
            _virtual_above_references,
            rows=(*WORK_LOG, "virtual_references"),
            note=printed_in(S.CONTROL),
        ),
    ):
        register_check(check)
