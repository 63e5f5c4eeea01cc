"""What a library entered for a half-year, kind by kind, as its librarian's home lists it.

Read from the registry (`branches.kinds`): one line per completeness column,
named as the completeness table and the «no data» check name it, with the
count `branches.entered` gives, the last change of its rows, and for each kind
in the column the admin list filtered to the library and period and the add form;
and, beside each check's result, the lists of the rows behind it.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Max
from django.urls import reverse

from branches.checks import Result, check_by_code
from branches.entered import in_span
from branches.kinds import (
    DATED,
    LIBRARY,
    PER_PERIOD,
    Kind,
    completeness_columns,
    facts,
    kind_by_code,
)


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


def _list_url(kind: Kind, library, period) -> str:
    """The kind's admin list of `library`'s rows (all libraries' with None) of `period`,
    by the filters its changelist offers: the library, the period of a dated row, a
    period total's period; a state (a snapshot) is listed by library only."""
    query = {}
    if library is not None and kind.owner == LIBRARY:
        query["library__id__exact"] = library.pk
    if kind.binding == DATED:
        query["period"] = period.pk  # entry.admin_base.DatePeriodFilter
    elif kind.binding == PER_PERIOD:
        query["period__id__exact"] = period.pk
    url = reverse(f"admin:{kind.app_label}_{kind.model_name}_changelist")
    return f"{url}?{urlencode(query)}" if query else url


def _label(kind: Kind) -> str:
    label = str(kind.model_class._meta.verbose_name_plural)
    return label[:1].upper() + label[1:]


def _link(kind: Kind, library, period) -> KindLink:
    return KindLink(
        label=_label(kind),
        list_url=_list_url(kind, library, period),
        add_url=reverse(f"admin:{kind.app_label}_{kind.model_name}_add"),
    )


def attach_row_links(results: list[Result], *, period, user, library=None) -> list[Result]:
    """Give each result the admin lists of the rows behind it (its check's `rows`),
    filtered to its library and the period: the lists `user` may view. With `library`
    (a librarian's page), only that library's results get links. No query."""
    for result in results:
        result.links = []
        if library is not None and result.library != library:
            continue
        for code in check_by_code(result.code).kinds_behind(result):
            kind = kind_by_code(code)
            if user.has_perm(f"{kind.app_label}.view_{kind.model_name}"):
                url = _list_url(kind, result.library, period)
                result.links.append(KindLink(label=_label(kind), list_url=url, add_url=""))
    return results


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
