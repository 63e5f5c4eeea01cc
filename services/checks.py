"""The reference work's checks (the registry: `branches.checks`), registered from
ServicesConfig.ready(). The comparison with the same span a year before comes with the
kind's declared figures (figures.checks); these compare the figures with the other
counts of references a library keeps."""

from django.utils.translation import gettext_lazy as _

from branches.checks import WARNING, Check, register_check


def _entered(figures, column: str) -> bool:
    return bool(figures.entered.get(column))


def _remote_below_virtual(check, ctx):
    """Virtual references are answered remotely: fewer remote references than virtual ones
    means one of the two counts is wrong."""
    for lib in ctx.libraries:
        figures = ctx.now[lib.pk]
        if not (_entered(figures, "reference_work") and _entered(figures, "virtual_references")):
            continue
        remote = figures.declared.get("refs_remote", 0)
        if remote < figures.virtual_references:
            yield check.result(
                lib,
                "refs_remote",
                _(
                    "%(library)s: удалённых справок – %(remote)s, меньше, чем виртуальных "
                    "справок (%(virtual)s), а виртуальные входят в удалённые."
                ),
                remote=remote,
                virtual=figures.virtual_references,
            )


def _total_differs_from_log(check, ctx):
    """The references by kind add up to a total the work diary also counts day by day."""
    for lib in ctx.libraries:
        figures = ctx.now[lib.pk]
        if not (_entered(figures, "reference_work") and _entered(figures, "work_log")):
            continue
        total = figures.declared.get("refs_total", 0)
        logged = figures.indicators.references
        if total != logged:
            yield check.result(
                lib,
                "refs_total",
                _(
                    "%(library)s: справок по видам – %(total)s, а в дневнике работы "
                    "за %(span)s – %(logged)s."
                ),
                total=total,
                logged=logged,
                span=ctx.span.label,
            )


def register() -> None:
    for check in (
        Check(
            "reference_remote_below_virtual",
            WARNING,
            _("Удалённых справок меньше виртуальных"),
            _remote_below_virtual,
            rows=("reference_work", "virtual_references"),
        ),
        Check(
            "reference_total_differs_from_log",
            WARNING,
            _("Справки по видам не совпадают с дневником"),
            _total_differs_from_log,
            rows=("reference_work", "work_log"),
        ),
    ):
        register_check(check)
