"""Digitization's checks (the registry: `branches.checks`), registered from
DigitizationConfig.ready(): the ЦБС's plan per kind of document, and the sum the report
confirms in section V."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from branches.checks import INFO, WARNING, Check, printed_in, register_check
from reportkit import sections as S
from reportkit.data import Note
from reportkit.text import count_noun


class _KindName:
    """A list item's name in the language active when the message is rendered."""

    def __init__(self, item):
        self.item = item

    def __str__(self) -> str:
        return self.item.name((translation.get_language() or "ru")[:2])


def _below_plan(check, ctx):
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


def _below_plan_note(result) -> Note:
    text = _("%(kind)s: план не выполнен – план %(plan)s, выполнено %(done)s.")
    params = result.params
    return Note(
        WARNING,
        text % {"kind": str(params["kind"]), "plan": params["planned"], "done": params["done"]},
        S.LOCAL_HISTORY,
    )


def _sum(check, ctx):
    digitization = ctx.digitization
    yield check.result(
        None,
        "sum",
        "%(message)s",
        message=_("Всего оцифровано %(documents)s = сумма по видам: %(parts)s.")
        % {
            "documents": count_noun(digitization.done, _("документ|документа|документов")),
            "parts": " + ".join(str(k.done) for k in digitization.kinds) or "0",
        },
    )


def register() -> None:
    for check in (
        Check(
            "digitization_below_plan",
            WARNING,
            _("Оцифровка ниже плана"),
            _below_plan,
            rows=("digitization_plan", "digitized"),
            note=_below_plan_note,
        ),
        Check(
            "digitization_sum",
            INFO,
            _("Оцифровано всего = сумма по видам"),
            _sum,
            rows=("digitized",),
            handin=False,
            note=printed_in(S.LOCAL_HISTORY),
        ),
    ):
        register_check(check)
