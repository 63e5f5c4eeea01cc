"""Turn an Overview into what the templates show: cards and chart data. No queries."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from dashboard.figures import Figures, Overview


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

    @property
    def change(self):
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    @property
    def change_percent(self) -> str | None:
        if self.change is None or not self.previous:
            return None
        percent = 100 * float(self.change) / float(self.previous)
        return f"{percent:+.1f}".replace(".", ",").replace("-", "\u2212")

    @property
    def trend(self) -> str:
        change = self.change
        if not change:
            return "flat"
        return "up" if change > 0 else "down"


def percent(part: int, whole: int) -> str:
    if not whole:
        return "—"
    return f"{100 * part / whole:.1f}".replace(".", ",") + " %"


def _kazakh(copies) -> str:
    return _("в т.ч. на казахском %(count)s (%(share)s)") % {
        "count": f"{copies.copies_kk:,}".replace(",", "\u00a0"),
        "share": percent(copies.copies_kk, copies.copies),
    }


def cards(current: Figures, previous: Figures) -> list[Card]:
    copies = _("экз.")
    result = [
        Card("fund", _("Фонд на конец периода"), current.fund.end.copies,
             previous.fund.end.copies, copies, _kazakh(current.fund.end)),
        Card("received", _("Поступило"), current.fund.received.copies,
             previous.fund.received.copies, copies, _kazakh(current.fund.received)),
        Card("written_off", _("Списано"), current.fund.written_off.copies,
             previous.fund.written_off.copies, copies, _kazakh(current.fund.written_off)),
    ]  # fmt: skip
    if current.budget is not None:
        result.append(
            Card("budget", _("Бюджет комплектования"), current.budget, previous.budget,
                 _("тыс. тг"), places=1)
        )  # fmt: skip
    digitized = Card(
        "digitized",
        _("Оцифровано документов"),
        current.digitized,
        previous.digitized,
        detail=_("страниц: %(pages)s")
        % {"pages": f"{current.digitized_pages:,}".replace(",", "\u00a0")},
        plan=current.digitization_planned,
        plan_percent=current.digitization_percent,
    )
    result.append(digitized)
    result += [
        Card("catalogue", _("Записей в электронном каталоге"), current.catalogue_now,
             previous.catalogue_now,
             detail=_("прирост за период: %(growth)s") % {"growth": f"{current.catalogue_growth:+,}".replace(",", "\u00a0")}),
        Card("virtual_references", _("Виртуальные справки"), current.virtual_references,
             previous.virtual_references),
        Card("publications", _("Издания библиотек"), current.publications + current.multimedia,
             previous.publications + previous.multimedia,
             detail=_("печатных и электронных: %(print)s, мультимедиа: %(multimedia)s")
             % {"print": current.publications, "multimedia": current.multimedia}),
        Card("media", _("Публикации в СМИ"), current.media, previous.media,
             detail=_("библиотекарей: %(by)s, видеосюжетов на ТВ: %(tv)s")
             % {"by": current.media_by_librarians, "tv": current.media_tv}),
        Card("online_events", _("Онлайн-мероприятия"), current.online_events,
             previous.online_events),
        Card("subscribers", _("Подписчики"), current.subscribers, previous.subscribers),
        Card("views", _("Просмотры"), current.views, previous.views),
        Card("posts", _("Публикации в соцсетях"), current.posts, previous.posts),
    ]  # fmt: skip
    return result


def charts(overview: Overview, organization_wide: bool) -> dict:
    """Chart.js-ready data; the same numbers are printed in the tables beside the charts."""
    data: dict = {}
    libraries = [lib.short_name for lib, _f in overview.per_library]
    if organization_wide:
        data["fund"] = {
            "type": "bar",
            "labels": libraries,
            "datasets": [
                {"label": _("Поступило, экз."),
                 "data": [f.fund.received.copies for _l, f in overview.per_library]},
                {"label": _("Списано, экз."),
                 "data": [f.fund.written_off.copies for _l, f in overview.per_library]},
            ],
        }  # fmt: skip
        data["activity"] = {
            "type": "bar",
            "labels": libraries,
            "datasets": [
                {"label": _("Онлайн-мероприятия"),
                 "data": [f.online_events for _l, f in overview.per_library], "yAxisID": "y"},
                {"label": _("Мероприятия (списком)"),
                 "data": [f.events for _l, f in overview.per_library], "yAxisID": "y"},
                {"label": _("Просмотры"),
                 "data": [f.views for _l, f in overview.per_library], "yAxisID": "y1",
                 "type": "line"},
            ],
        }  # fmt: skip
    data["kazakh_share"] = {
        "type": "line",
        "labels": [s.code for s, _c in overview.kazakh_share],
        "datasets": [
            {
                "label": _("Доля фонда на казахском языке, %"),
                "data": [
                    round(100 * c.copies_kk / c.copies, 1) if c.copies else None
                    for _s, c in overview.kazakh_share
                ],
            }
        ],
    }
    digitization = overview.total.digitization
    datasets = []
    if organization_wide:
        datasets.append({"label": _("План"), "data": [k.planned or 0 for k in digitization]})
    datasets.append({"label": _("Выполнено"), "data": [k.done for k in digitization]})
    data["digitization"] = {
        "type": "bar",
        "labels": [k.name for k in digitization],
        "datasets": datasets,
    }
    catalogue = overview.total.catalogue
    data["catalogue"] = {
        "type": "bar",
        "indexAxis": "y",
        "labels": [d.name for d in catalogue],
        "datasets": [{"label": _("Прирост записей"), "data": [d.growth for d in catalogue]}],
    }
    return data
