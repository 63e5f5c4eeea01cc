"""Turn an Overview into what the templates show: cards and chart data. No queries."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from branches.kind_figures import key_figure_names
from dashboard.figures import Overview
from figures.reader import FIGURE_LABELS, KeyFigures, figure_label
from indicators.comparison import NO_COMPARISON, change_against

NBSP = "\u00a0"


def _int(value: int) -> str:
    return f"{value:,}".replace(",", NBSP)


def percent(part, whole) -> str:
    if not whole:
        return "—"
    return f"{100 * part / whole:.1f}".replace(".", ",") + NBSP + "%"


@dataclass
class Card:
    key: str
    label: str
    value: int | Decimal | None
    previous: int | Decimal | None
    unit: str = ""
    detail: str = ""  # a second line: "в т.ч. на казахском 627 (44,6 %)"
    plan: int | None = None
    plan_percent: int | None = None
    places: int | None = None
    # What `previous` is, and what to say when there is none (set in the active language).
    compared_with: str = ""
    no_comparison: str = ""
    neutral: bool = False  # a change neither good nor bad (write-offs): no green or red
    unknown: bool = False  # the value is not known (a library's fund with no state recorded)
    note: str = ""  # what the value leaves out: «по 2 из 9 библиотек…»

    @property
    def change(self):
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    @property
    def change_percent(self) -> str | None:
        # The report's rule and rounding (section II's change column).
        value = change_against(self.value, self.previous)
        if value is None:
            return None
        return f"{value:+.1f}".replace(".", ",").replace("-", "\u2212")

    @property
    def tone(self) -> str:
        """The colour class of the change: up and down are good and bad, unless neutral."""
        return "flat" if self.neutral else self.trend

    @property
    def trend(self) -> str:
        if not self.change:
            return "flat"
        return "up" if self.change > 0 else "down"


def _kazakh(copies: int, copies_kk: int) -> str:
    return _("в т.ч. на казахском %(count)s (%(share)s)") % {
        "count": _int(copies_kk),
        "share": percent(copies_kk, copies),
    }


class _Nothing:
    """Stands for the key figures of a span without data: every figure is None."""

    def __getattr__(self, name):
        return None


def cards(
    current: KeyFigures,
    previous: KeyFigures | None,
    organization_wide: bool,
    year: bool = False,
    fund_known: tuple[bool, bool] = (True, True),
    fund_parts: tuple[int, int] | None = None,
    against: str = "",
) -> list[Card]:
    """The key figures with their change against the previous span (and the plan).

    `previous` None: the span before has no data (or covers only part of what
    this span covers), so no change is shown for the flows (received,
    events...); stocks compare with this span's opening.

    A library's page leaves out the budget and the digitization plan: they are
    the whole ЦБС's, not the library's.

    `year`: the span is a whole year. The report sums a year's subscribers over
    its halves (a count taken twice, not the year-end figure); the card says so.

    `fund_parts`: (libraries whose fund is known at the end, all libraries) on the
    ЦБС's page: when some are unknown, the card says «по N из M библиотек».

    `fund_known`: whether the fund is known at the span's start and end (a
    library's page: not while no state of its fund is recorded, the report's
    rule, `holdings.selectors.MovementRow`); an unknown fund reads «неизвестно».

    `against`: the base of the flows' changes in words («к 1 полугодию 2020 года»,
    `indicators.comparison.Comparison.against`), the report's section II's.
    """
    c = current
    p = previous or _Nothing()
    copies = _("экз.")
    result = [
        _stock(Card("fund", _("Фонд на конец периода"), c.fund_end, c.fund_start or None, copies,
                    _kazakh(c.fund_end, c.fund_end_kk)),
               _("состояние фонда не внесено")),
        Card("received", _("Поступило"), c.received, p.received, copies,
             _kazakh(c.received, c.received_kk)),
        Card("written_off", _("Списано"), c.written_off, p.written_off, copies,
             _kazakh(c.written_off, c.written_off_kk), neutral=True),
    ]  # fmt: skip
    if organization_wide:
        result.append(
            Card("budget", _("Бюджет комплектования"), c.budget, p.budget, _("тыс. тг"), places=1)
        )
    digitized = Card(
        "digitized",
        FIGURE_LABELS["digitization_done"],
        c.digitization_done,
        p.digitization_done,
        detail=_("страниц: %(pages)s") % {"pages": _int(c.digitization_pages)},
    )
    if organization_wide and c.digitization_planned:
        digitized.plan = c.digitization_planned
        digitized.plan_percent = round(100 * c.digitization_done / c.digitization_planned)
    result.append(digitized)
    result += [
        _stock(Card("catalogue", _("Записей в электронном каталоге"), c.catalogue_now,
                    c.catalogue_before or None),
               _("подсчёты записей не внесены")),
        Card("virtual_references", FIGURE_LABELS["virtual_references"], c.virtual_references,
             p.virtual_references),
        Card("publications", _("Издания библиотек"), c.publications + c.trailers,
             None if previous is None else p.publications + p.trailers,
             detail=_("печатных и электронных: %(print)s, мультимедиа: %(multimedia)s")
             % {"print": c.publications, "multimedia": c.trailers}),
        Card("media", FIGURE_LABELS["media_mentions"], c.media_mentions, p.media_mentions,
             detail=_("библиотекарей: %(by)s, видеосюжетов на ТВ: %(tv)s")
             % {"by": c.media_by_librarians, "tv": c.media_tv}),
        Card("online_events", FIGURE_LABELS["online_events"], c.online_events, p.online_events),
        Card("subscribers", FIGURE_LABELS["subscribers"], c.subscribers, p.subscribers,
             detail=_("на конец года") if year else ""),
        Card("views", FIGURE_LABELS["views"], c.views, p.views),
        Card("posts", FIGURE_LABELS["posts"], c.posts, p.posts),
    ]  # fmt: skip
    # Every key figure a kind of data declares in the registry (branches.kinds.Figure);
    # the others (key=False) are details: codes and checks, no card.
    key = key_figure_names()
    result += [
        Card(
            name, str(figure_label(name)), value, previous.declared.get(name) if previous else None
        )
        for name, value in c.declared.items()
        if name in key
    ]
    start_known, end_known = fund_known
    fund = result[0]
    if not end_known:
        fund.value, fund.previous, fund.unknown = None, None, True
        fund.detail = _("состояние фонда не внесено")
    elif not start_known:
        fund.previous = None
    if fund_parts and fund_parts[0] < fund_parts[1] and fund.value is not None:
        fund.note = _(
            "по %(known)s из %(all)s библиотек: фонд остальных неизвестен (не внесён "
            "начальный остаток), в сумме учтены только их поступления и списания"
        ) % {"known": fund_parts[0], "all": fund_parts[1]}
    for card in result:
        card.compared_with = card.compared_with or against or _("к прошлому периоду")
        card.no_comparison = card.no_comparison or str(NO_COMPARISON)
    return result


def _stock(card: Card, not_entered: str) -> Card:
    """A balance (the fund, the catalogue) compares with the span's opening balance.

    The opening is known from the snapshots even when nothing was recorded in
    the span before. A balance of zero at both ends means no snapshot was
    entered, not an empty library: the card says so instead of showing 0.
    """
    card.compared_with = _("на начало периода")
    card.no_comparison = _("нет данных на начало периода")
    if not card.value and card.previous is None:
        card.value = None
        card.detail = not_entered
    return card


def half_year_short(span) -> str:
    """«1 пол. 2021»: a half-year on a chart's axis, short enough for six of them."""
    return _("%(half)s пол. %(year)s") % {"half": span.half, "year": span.year}


def charts(overview: Overview, organization_wide: bool) -> dict:
    """Chart.js-ready data; the same numbers are printed in the tables beside the charts.

    Each chart names the unit of its axes (`axes`); a chart with nothing but
    zeros is marked `empty`, and the page says so instead of drawing blank axes.
    """
    language = (get_language() or "ru")[:2]
    per_library = overview.per_library
    labels = [lib.abbreviation() for lib, _f in per_library]
    copies = _("экз.")
    data: dict = {}
    if organization_wide:
        data["fund"] = {
            "type": "bar",
            "labels": labels,
            "axes": {"y": copies},
            "datasets": [
                {"label": _("Поступило, экз."), "data": [f.fund.received.copies for _l, f in per_library]},
                {"label": _("Списано, экз."), "data": [f.fund.written_off.copies for _l, f in per_library]},
            ],
        }  # fmt: skip
        data["activity"] = {
            "type": "bar",
            "labels": labels,
            "axes": {"y": pgettext("ось графика", "мероприятий"), "y1": pgettext("ось графика", "просмотров")},
            "datasets": [
                {"label": str(FIGURE_LABELS["online_events"]), "data": [f.online.online_events for _l, f in per_library], "yAxisID": "y"},
                {"label": _("Мероприятия (списком)"), "data": [f.entered.get("events", 0) for _l, f in per_library], "yAxisID": "y"},
                {"label": _("Просмотры (правая шкала)"), "data": [f.online.views for _l, f in per_library], "yAxisID": "y1", "type": "line"},
            ],
        }  # fmt: skip
    data["kazakh_share"] = {
        "type": "line",
        "labels": [half_year_short(s) for s, _c in overview.kazakh_share],
        "axes": {"y": "%"},
        "suffix": "\u00a0%",
        "datasets": [
            {
                "label": _("Доля фонда на казахском языке, %"),
                "data": [round(100 * c.copies_kk / c.copies, 1) for _s, c in overview.kazakh_share],
            }
        ],
    }
    kinds = overview.digitization
    datasets = []
    if organization_wide:
        datasets.append({"label": _("План"), "data": [k.planned for k in kinds]})
    datasets.append({"label": _("Выполнено"), "data": [k.done for k in kinds]})
    data["digitization"] = {
        "type": "bar",
        "labels": [k.name(language) for k in kinds],
        "axes": {"y": pgettext("ось графика", "документов")},
        "datasets": datasets,
    }
    rows = overview.catalogue
    data["catalogue"] = {
        "type": "bar",
        "indexAxis": "y",
        "labels": [r.name(language) for r in rows],
        "axes": {"x": pgettext("ось графика", "записей")},
        "datasets": [{"label": _("Прирост записей"), "data": [r.now - r.before for r in rows]}],
    }
    for spec in data.values():
        spec["empty"] = not any(value for d in spec["datasets"] for value in d["data"])
    return data
