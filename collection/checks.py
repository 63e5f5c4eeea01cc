"""The checks of the fund's structure and the users by group (branches.checks registry).

They compare a kind of this app with a figure another app owns — the fund ledger's end,
the work log's users — through the figures the caller read once (`figures.checks.Context`:
`now[library id]` is that library's `figures.reader.LibraryFigures`), so this app imports
neither. Comparisons with last year need no check here: the figures this app declares
(branches.kinds) are compared by the shared checks (figures/checks.py).
"""

from django.utils.translation import gettext_lazy as _

from branches.checks import WARNING, Check, printed_in
from reportkit import sections as S


def _entered(figures, column: str) -> bool:
    return bool(figures.entered.get(column))


def _fund_vs_ledger(check, ctx):
    """The structure's total against the fund at the end of the span by its ledger."""
    for row in ctx.fund.rows:
        lib = row.library
        figures = ctx.now[lib.pk]
        if not row.end_known or not _entered(figures, "fund_structure"):
            continue
        structure = figures.declared.get("structure_total", 0)
        if structure != row.end.copies:
            yield check.result(
                lib,
                "structure_total",
                _(
                    "%(library)s: фонд по структуре – %(structure)s экз., а по учёту фонда "
                    "на конец периода – %(ledger)s экз."
                ),
                structure=structure,
                ledger=row.end.copies,
            )


def _branches_add_up(check, ctx):
    """The copies by branch of knowledge against the structure's total."""
    for lib in ctx.libraries:
        figures = ctx.now[lib.pk]
        if not (_entered(figures, "fund_structure") and _entered(figures, "fund_branches")):
            continue
        total = figures.declared.get("structure_total", 0)
        branches = figures.declared.get("structure_by_branches", 0)
        if branches != total:
            yield check.result(
                lib,
                "structure_by_branches",
                _(
                    "%(library)s: фонд по отраслям знаний в сумме – %(branches)s экз., "
                    "а всего по структуре фонда – %(total)s экз."
                ),
                branches=branches,
                total=total,
            )


# The users by group the work log counts too: (declared figure, work log's figure, label).
WORK_LOG_USERS = (
    ("group_total", "users", _("пользователей")),
    ("group_children", "users_children", _("детей до 14 лет")),
    ("group_youth", "users_youth", _("молодёжи 15–30 лет")),
)


def _users_vs_work_log(check, ctx):
    """The users by group against the work log's users of the span, all of them, children
    and youth (both count a reader once a year, from 1 January)."""
    for lib in ctx.libraries:
        figures = ctx.now[lib.pk]
        if lib.pk not in ctx.reads.indicators or not _entered(figures, "user_groups"):
            continue
        for name, work_log, label in WORK_LOG_USERS:
            groups = figures.declared.get(name, 0)
            users = getattr(figures.indicators, work_log)
            if groups != users:
                yield check.result(
                    lib,
                    name,
                    _(
                        "%(library)s: %(figure)s по группам – %(groups)s, а по дневнику "
                        "работы – %(users)s."
                    ),
                    figure=label,
                    groups=groups,
                    users=users,
                )


CHECKS = (
    Check(
        "fund_structure_vs_ledger",
        WARNING,
        _("Структура фонда сходится с учётом фонда"),
        _fund_vs_ledger,
        section=S.FUND_STRUCTURE,
        note=printed_in(S.FUND_STRUCTURE),
        rows=("fund_structure", "fund_snapshots"),
    ),
    Check(
        "fund_branches_add_up",
        WARNING,
        _("Фонд по отраслям знаний составляет весь фонд"),
        _branches_add_up,
        section=S.FUND_STRUCTURE,
        note=printed_in(S.FUND_STRUCTURE),
        rows=("fund_branches", "fund_structure"),
    ),
    Check(
        "user_groups_vs_work_log",
        WARNING,
        _("Пользователи по группам сходятся с дневником работы"),
        _users_vs_work_log,
        section=S.USER_GROUPS,
        note=printed_in(S.USER_GROUPS),
        rows=("user_groups", "work_log"),
    ),
)
