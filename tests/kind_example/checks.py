"""The example kind's check: in the project this is the app's own `checks.py`, registered
from its AppConfig.ready() (see the README's «Adding a kind of data»)."""

from django.utils.translation import gettext_lazy as _

from branches.checks import WARNING, Check, register_check


def _visits_above_limit(check, ctx):
    """More visits in a half-year than the methodologist's limit: a typo, or counted twice."""
    limit = ctx.threshold(check)
    for library in ctx.libraries:
        visits = ctx.now[library.pk].declared.get("visits", 0)
        if visits > limit:
            yield check.result(
                library,
                "visits",
                _("%(library)s: посещений за полугодие – %(visits)s, больше %(limit)s."),
                visits=visits,
                limit=limit,
            )


def register() -> None:
    register_check(
        Check(
            "example_visits_above_limit",
            WARNING,
            _("Посещений не больше порога"),
            _visits_above_limit,
            default_threshold=1000,
            threshold_label=_("посещений за полугодие, не больше"),
        )
    )
