"""The work log's checks (the registry: `branches.checks`), registered from
IndicatorsConfig.ready(), with the work-log figures the shared checks compare with
last year. The report prints their notes in section II «Контрольные показатели»."""

from django.utils.translation import gettext_lazy as _

from branches.checks import (
    ERROR,
    WARNING,
    Check,
    Compared,
    register_check,
    register_compared,
)
from indicators.selectors import LOANS_PER_USER_LIMIT, ratio
from reportkit import sections as S
from reportkit.data import Note
from reportkit.text import number

# Section II's planned figures, compared with the same span a year before.
COMPARED = (
    Compared("users", _("Пользователи"), lambda f: f.indicators.users),
    Compared("visits", _("Посещения"), lambda f: f.indicators.visits),
    Compared("loans", _("Книговыдача"), lambda f: f.indicators.loans),
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


def _control_note(result) -> Note:
    """The report's note: the library by its abbreviation, in section II."""
    params = {**result.params, "library": result.library.abbreviation()}
    return Note(result.severity, str(result.text) % params, S.CONTROL)


def register() -> None:
    register_compared(*COMPARED)
    for check in (
        Check(
            "loans_per_user",
            WARNING,
            _("Книговыдача на пользователя"),
            _loans_per_user,
            default_threshold=LOANS_PER_USER_LIMIT,
            threshold_label=_("выдач на пользователя, не больше"),
            note=_control_note,
        ),
        Check(
            "visits_below_users",
            WARNING,
            _("Посещений меньше, чем пользователей"),
            _visits_below_users,
            note=_control_note,
        ),
        Check(
            "virtual_above_references",
            ERROR,
            _("Виртуальных справок не больше, чем всех справок"),
            _virtual_above_references,
            note=_control_note,
        ),
    ):
        register_check(check)
