"""What a library entered for a half-year, kind by kind, as its librarian's home lists it.

Read from the registry (`branches.kinds`): one line per completeness column,
named as the completeness table and the «no data» check name it, with the
count `branches.entered` gives, the last change of its rows, and for each kind
in the column the admin list filtered to the library and period and the add form.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Max
from django.urls import reverse

from branches.entered import in_span
from branches.kinds import DATED, LIBRARY, PER_PERIOD, Kind, completeness_columns, facts


@dataclass
class KindLink:
    label: str
    list_url: str
    add_url: str


@dataclass
class KindLine:
    key: str
    label: str
    count: int
    last_change: object = None  # datetime or None
    links: list[KindLink] = field(default_factory=list)


def _link(kind: Kind, library, period) -> KindLink:
    query = {"library__id__exact": library.pk}
    if kind.binding == DATED:
        query["period"] = period.pk  # entry.admin_base.DatePeriodFilter
    elif kind.binding == PER_PERIOD:
        query["period__id__exact"] = period.pk
    name = f"admin:{kind.app_label}_{kind.model_name}"
    label = str(kind.model_class._meta.verbose_name_plural)
    return KindLink(
        label=label[:1].upper() + label[1:],
        list_url=f"{reverse(f'{name}_changelist')}?{urlencode(query)}",
        add_url=reverse(f"{name}_add"),
    )


def kind_lines(*, library, span, period, entered: dict[str, int]) -> list[KindLine]:
    """One line per completeness column of a library's facts.

    Queries: one per kind, for its rows' last change.
    """
    lines = {
        code: KindLine(key=code, label=str(label), count=entered.get(code, 0))
        for code, label in completeness_columns(LIBRARY)
    }
    for kind in facts(LIBRARY):
        line = lines[kind.column_code]
        line.links.append(_link(kind, library, period))
        tracked = getattr(kind.model_class, "history", None)
        if tracked is None:
            continue  # a kind without a history has no last change to show
        history = tracked.model.objects.filter(library=library, **in_span(kind, span))
        changed = history.aggregate(at=Max("history_date"))["at"]
        if changed and (line.last_change is None or changed > line.last_change):
            line.last_change = changed
    return list(lines.values())
