"""The ЦБС's finance checks (the registry: `branches.checks`), registered from
ManagementConfig.ready().

- the spending on acquisition against the acquisition budget by funding source
  (`holdings.AcquisitionBudget`, read once by the figures reader: `ctx.reads.budget`),
  where both are known for the whole span;
- the whole budget against the same span a year before (an edit check against last
  year), where both years have their rows for every half-year.
"""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from branches.checks import WARNING, Check, register_check
from management.selectors import finance_of

ACQUISITION_CODE = "finance_acquisition_budget"
CHANGE_CODE = "finance_budget_change"


class _Money:
    """A sum in thousand tenge as the reader's language writes it (2770,4)."""

    def __init__(self, value: Decimal):
        self.value = value

    def __str__(self) -> str:
        return number_format(self.value, decimal_pos=1, use_l10n=True)


def _finance(ctx, span, key):
    """The span's finance, read once per run (the checks share `ctx.memo`)."""
    memo_key = ("management.finance", key)
    if memo_key not in ctx.memo:
        ctx.memo[memo_key] = finance_of(organization=ctx.organization, span=span)
    return ctx.memo[memo_key]


def _acquisition(check, ctx):
    if not ctx.organization_wide:
        return
    finance = _finance(ctx, ctx.span, "now")
    budget = [row.money for row in ctx.reads.budget if row.money is not None]
    if not finance.complete or not budget:
        return  # compared only where both are known
    planned = sum(budget, Decimal(0))
    spent = finance["spent_acquisition"]
    if abs(spent - planned) >= Decimal("0.05"):
        yield check.result(
            None,
            "acquisition",
            _(
                "ЦБС: расходы на комплектование фонда – %(spent)s тыс. тенге, а бюджет "
                "комплектования по источникам – %(budget)s тыс. тенге."
            ),
            spent=_Money(spent),
            budget=_Money(planned),
        )


def _change(check, ctx):
    if not ctx.organization_wide or ctx.last_year is None:
        return
    now = _finance(ctx, ctx.span, "now")
    before = _finance(ctx, ctx.last_year, "before")
    if not (now.complete and before.complete) or not before["budget_total"]:
        return
    was, is_ = before["budget_total"], now["budget_total"]
    percent = (is_ - was) * 100 / was
    if abs(percent) > ctx.threshold(check):
        yield check.result(
            None,
            "budget_total",
            _(
                "ЦБС: бюджет – %(now)s тыс. тенге, год назад за тот же период – "
                "%(before)s тыс. тенге (%(change)s %%)."
            ),
            now=_Money(is_),
            before=_Money(was),
            change=f"{percent:+.0f}",
        )


CHECKS = (
    Check(
        ACQUISITION_CODE,
        WARNING,
        _("Расходы на комплектование и бюджет комплектования"),
        _acquisition,
        rows=("finance", "budget"),
    ),
    Check(
        CHANGE_CODE,
        WARNING,
        _("Бюджет ЦБС изменился на год"),
        _change,
        default_threshold=30,
        threshold_label=_("допустимое изменение бюджета ЦБС, %"),
        compares=True,
        rows=("finance",),
    ),
)


def register() -> None:
    for check in CHECKS:
        register_check(check)
