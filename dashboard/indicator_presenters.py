"""The main indicators as the page shows them: three cards, the ratios per library
and the trend chart's data. No queries; every number is `indicators.summary`'s."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from dashboard.indicator_cards import IndicatorOverview
from dashboard.presenters import half_year_short
from dashboard.templatetags.dashboard_tags import num, share
from indicators.comparison import NO_COMPARISON
from indicators.selectors import Indicators
from indicators.summary import Control, ControlRow, plan_labels


@dataclass
class IndicatorCard:
    key: str
    label: str
    unit: str
    control: Control
    comparable: bool
    detail: str = ""
    plan_note: str = ""  # why there is no plan
    # What the plan is and the pace beside its % (indicators.summary.plan_labels): the
    # report's words for the same span.
    plan_label: str = ""
    plan_pace: str = ""
    # The base of the change in words («к 1 полугодию 2020 года»), or why there is none.
    against: str = ""
    no_comparison: str = ""
    # A total over some libraries only: «по 7 из 9 библиотек» (no % of plan, no change).
    over_some: str = ""

    @property
    def known(self) -> bool:
        """False: no library has a work-log row in the span («нет данных», not 0)."""
        return self.control.done is not None

    @property
    def changed(self) -> bool:
        """A change to show: comparable spans, both figures known (the report's rule)."""
        return self.comparable and self.control.change is not None

    @property
    def difference(self) -> int | None:
        if self.control.done is None or self.control.last_year is None:
            return None
        return self.control.done - self.control.last_year

    @property
    def trend(self) -> str:
        if not self.difference:
            return "flat"
        return "up" if self.difference > 0 else "down"

    @property
    def meter(self) -> Decimal | None:
        """The plan's meter: full at 100 % and beyond."""
        percent = self.control.percent
        return None if percent is None else min(percent, Decimal(100))


def comparison_note(data: IndicatorOverview) -> str:
    """What the cards' changes compare with, or why there is no comparison: the words of
    the report's section II (`indicators.comparison.Comparison.said`)."""
    if data.comparable:
        return _("изменения — %(against)s") % {"against": data.comparison.against}
    return data.comparison.said


def _plan_note(data: IndicatorOverview) -> str:
    if data.summary.mixed_plans:
        return _("планы библиотек — на разные сроки (полугодие и год): общего % плана нет")
    if any(row.plan is not None for row in data.summary.rows):
        return _("план задан не всем библиотекам")
    return _("план не задан")


def cards(data: IndicatorOverview) -> list[IndicatorCard]:
    total = data.total
    f = total.figures or Indicators()
    people = pgettext("единица", "чел.")
    result = [
        IndicatorCard(
            "users", _("Пользователи"), people, total.control("users"), data.comparable,
            _("дети до 14 лет: %(children)s · молодёжь 15–30 лет: %(youth)s · удалённые: %(remote)s")
            % {"children": num(f.users_children), "youth": num(f.users_youth),
               "remote": num(f.users_remote)},
        ),
        IndicatorCard(
            "visits", _("Посещения"), "", total.control("visits"), data.comparable,
            _("на мероприятиях: %(events)s · удалённые: %(remote)s")
            % {"events": num(f.visits_events), "remote": num(f.visits_remote)},
        ),
        IndicatorCard(
            "loans", _("Документовыдача"), _("экз."), total.control("loans"), data.comparable,
            _("в т.ч. на казахском %(count)s (%(share)s)")
            % {"count": num(f.loans_kk), "share": share(f.loans_kk, f.loans)},
        ),
    ]  # fmt: skip
    note = _plan_note(data)
    plan_word, _percent_word, pace = plan_labels(data.summary)
    for card in result:
        card.plan_note = note
        card.plan_label, card.plan_pace = plan_word, pace
        card.against = data.comparison.against
        card.no_comparison = str(NO_COMPARISON)
        if total.partial:
            card.over_some = _("по %(known)s из %(of)s библиотек") % {
                "known": total.known,
                "of": total.of,
            }
    return result


@dataclass
class RatioRow:
    label: str
    code: str | None  # the library's code (a link on the ЦБС's page); None: the total
    row: ControlRow


def ratio_rows(data: IndicatorOverview, organization_wide: bool) -> list[RatioRow]:
    rows = [RatioRow(lib.abbreviation(), lib.code, row) for lib, row in data.rows]
    if organization_wide:
        rows.append(RatioRow(_("Итого по ЦБС"), None, data.summary.total))
    return rows


def trend_chart(data: IndicatorOverview) -> dict:
    """Chart.js data of the trend: visits and loans on the left axis, users on the right."""
    trend = data.trend

    def series(name):
        return [None if figures is None else getattr(figures, name) for _s, figures in trend]

    # Users are the year's so far at each half's end (a reader counts once a year): bars,
    # not a line, so a new year's first half does not read as a fall from the year before.
    datasets = [
        {"label": _("Посещения"), "data": series("visits"), "yAxisID": "y"},
        {"label": _("Документовыдача, экз."), "data": series("loans"), "yAxisID": "y"},
        {"label": _("Пользователи с начала года (правая шкала), чел."),
         "data": series("users"), "yAxisID": "y1", "type": "bar", "barPercentage": 0.5},
    ]  # fmt: skip
    return {
        "type": "line",
        "labels": [half_year_short(span) for span, _f in trend],
        "axes": {
            "y": pgettext("ось графика", "посещений и выдач"),
            "y1": pgettext("ось графика", "человек"),
        },
        "datasets": datasets,
        "empty": not any(value for d in datasets for value in d["data"]),
    }


def context(data: IndicatorOverview, organization_wide: bool) -> dict:
    """What the template's indicators part reads."""
    return {
        "indicator_cards": cards(data),
        "indicator_comparison": comparison_note(data),
        "indicator_ratios": ratio_rows(data, organization_wide),
    }
