"""The hand-in's edit checks: the registry's (`branches.checks`) over a half-year.

Each check has a code, a severity (an error blocks the hand-in; a warning needs a
written explanation before it) and a message, in Russian and Kazakh, naming the
library, the figure, its value and what it was compared with. The checks are
declared by the apps that own the figures (`holdings/checks.py`…) and run over
the figures reader's per-library figures (`figures.checks`), for the half-year
and the same half-year a year before, so the checks and the report agree.

`check_run(period=..., libraries=...)` returns every result; explanations are
attached by `handin.selectors.attach_explanations`.
"""

from dataclasses import dataclass

from branches.calendar import span_for_period
from branches.checks import Result
from branches.models import Library, ReportingPeriod
from datacache.cached import cached_figures
from figures.checks import check_context, checks_run
from figures.reader import figures_read
from handin.models import CheckThreshold
from handin.selectors import attach_explanations


def thresholds_of(organization) -> dict[str, int]:
    """The methodologist's thresholds of her ЦБС's checks. One query."""
    return dict(
        CheckThreshold.objects.filter(organization=organization).values_list("code", "value")
    )


def check_run(*, period: ReportingPeriod, libraries: list[Library] | None = None) -> list[Result]:
    """Every edit check's results for `period`; with `libraries`, for those libraries only
    (the ЦБС's own figures are checked only when all its libraries are)."""
    organization = period.organization
    organization_wide = libraries is None
    if organization_wide:
        libraries = Library.objects.filter(organization=organization).order_by("order", "code")
    libraries = list(libraries)
    span = span_for_period(period)
    reads = figures_read(
        organization=organization,
        span=span,
        library_ids=[lib.pk for lib in libraries],
        libraries=libraries,
    )
    ctx = check_context(
        span=span,
        libraries=libraries,
        reads=reads,
        thresholds=thresholds_of(organization),
        organization_wide=organization_wide,
    )
    return checks_run(ctx, handin_only=True)


@dataclass(frozen=True)
class CheckCounts:
    """A half-year's edit checks as the region reads them: errors, warnings, and how
    many of the warnings the ЦБС explained."""

    errors: int
    warnings: int
    explained: int


def check_counts(period: ReportingPeriod) -> CheckCounts:
    """The counts of `period`'s edit checks over all its libraries, with the ЦБС's
    explanations: what the region's overview (`/region/`) and the consolidated report's
    «Проверки» print. Computed once per the ЦБС's data version (explanations and
    thresholds are its data too): `check_run`'s queries + 1 explanations, then none."""

    def compute() -> CheckCounts:
        results = attach_explanations(check_run(period=period), period)
        warnings = sum(1 for r in results if not r.is_error)
        return CheckCounts(
            errors=sum(1 for r in results if r.is_error),
            warnings=warnings,
            explained=warnings - sum(1 for r in results if r.needs_explanation),
        )

    return cached_figures(period.organization_id, "check-counts", (period.pk,), compute)
