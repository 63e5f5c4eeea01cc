"""What was entered for a span, read from the registry of kinds of data.

Completeness (what each library entered), the report's «no data» check and
the periods with data all count rows through `branches.kinds`, so a new kind
is counted everywhere as soon as it is declared. Each function is one query.
"""

import functools
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, F, IntegerField, Q, Value

from branches.calendar import HalfYearOf, Span
from branches.kinds import DATED, LIBRARY, ORGANIZATION, PER_PERIOD, STATE, Kind, facts
from branches.written_once import span_rows


def in_span(kind: Kind, span: Span) -> dict:
    """The filter of a kind's rows that belong to `span`.

    A state counts from the span's first day (the opening balance) up to the
    day after its end (the closing balance "at 01.07").
    """
    if kind.binding == DATED:
        return {"date__gte": span.start, "date__lte": span.end}
    if kind.binding == PER_PERIOD:
        return {"period__in": span.period_ids}
    if kind.binding == STATE:
        return {"date__gte": span.start, "date__lte": span.day_after}
    raise ValueError(f"kind {kind.code} is not bound to time")


def _counts(kinds: list[Kind], owner_filter, span: Span, group: str | None):
    """Union of one grouped count per kind: rows of (group value, kind index, count,
    count of rows recorded inside the span: a state dated its first day is the
    balance the span opens with, recorded for the span before)."""
    query = _counts_query(kinds, owner_filter, span, group)
    return list(query) if query is not None else []


def _counts_query(kinds: list[Kind], owner_filter, span: Span, group: str | None):
    parts = []
    for index, kind in enumerate(kinds):
        rows = kind.model_class.objects.filter(**owner_filter(kind), **in_span(kind, span))
        grouping = [group] if group else []
        inside = (
            Count("pk", filter=Q(date__gt=span.start)) if kind.binding == STATE else kind.entered
        )
        parts.append(
            rows.order_by()
            .values(*grouping)
            .annotate(n=kind.entered, inside=inside, k=Value(index, output_field=IntegerField()))
            .values_list(*grouping, "k", "n", "inside")
        )
    if not parts:
        return None
    return parts[0].union(*parts[1:], all=True)


@dataclass
class Entered:
    """Rows entered for a span per library and completeness column."""

    counts: dict[int, dict[str, int]]
    # Libraries that recorded something in the span itself, an opening balance aside.
    active: set[int] = field(default_factory=set)

    def get(self, library_id: int, default=None) -> dict[str, int] | None:
        return self.counts.get(library_id, default)


def entered_by_library(*, library_ids: list[int], span: Span) -> Entered:
    """Rows each library entered for the span, every column of
    `kinds.completeness_columns()` in order, zeros included. One query."""
    kinds = facts(LIBRARY)
    result = Entered({pk: {kind.column_code: 0 for kind in kinds} for pk in library_ids})
    shape = tuple((kind.code, kind.model, kind.binding) for kind in kinds)
    for library, index, count, inside in span_rows(
        _library_counts, shape, library_ids=library_ids, span=span
    ):
        result.counts[library][kinds[index].column_code] += count
        if inside:
            result.active.add(library)
    return result


def _library_counts(library_ids: list[int], span):
    """The query of `entered_by_library` (its SQL written once per shape: `span_rows`)."""
    query = _counts_query(
        facts(LIBRARY), lambda kind: {"library__in": library_ids}, span, "library"
    )
    return query if query is not None else []


def entered_by_organization(*, organization, span: Span) -> dict[str, int]:
    """{column: rows the ЦБС itself entered for the span} (budget, plans). One query."""
    kinds = facts(ORGANIZATION)
    result = {kind.column_code: 0 for kind in kinds}
    for index, count, _inside in _counts(
        kinds, lambda kind: {"organization": organization}, span, None
    ):
        result[kinds[index].column_code] += count
    return result


def half_years_with_data(organization, library_ids: list[int] | None = None) -> list[tuple]:
    """(year, half) of the half-years in which something was recorded, newest first. One query.

    Dated rows count by their date, period rows by their period; states (fund,
    catalogue counts) are left out: a balance "at 01.07" says nothing about the
    half-year that starts that day. The ЦБС's own rows count for the whole
    organization only (`library_ids` None).

    The whole organization's query (a UNION of a part per kind) is written once per
    process and set of kinds and run with the organization's id: building it took
    the ORM several times as long as the database takes to answer it, on every
    dashboard page and report.
    """
    if library_ids is None:
        kinds = tuple((kind.code, kind.model, kind.owner, kind.binding) for kind in facts())
        sql, params = _organization_sql(kinds, connection.vendor)
        with connection.cursor() as cursor:
            cursor.execute(sql, [organization.pk if p == _ANY_ORGANIZATION else p for p in params])
            found = cursor.fetchall()
    else:
        found = _half_years_query(facts(), organization, library_ids)
    return sorted({divmod(int(code), 10) for (code,) in found}, reverse=True)


# An id no organization has: the written-once query's placeholder for the asked one.
_ANY_ORGANIZATION = -7_368_015_241


@functools.lru_cache(maxsize=8)
def _organization_sql(kinds: tuple[tuple, ...], vendor: str) -> tuple[str, tuple]:
    """The SQL and parameters of the whole organization's query, for `_ANY_ORGANIZATION`.
    The key: the registry's kinds (code, model, owner, binding: a kind declared later
    writes the query anew) and the connection's dialect (`vendor`)."""
    query = _half_years_query(facts(), _ANY_ORGANIZATION, None).query
    sql, params = query.sql_with_params()
    # Every part filters by the organization: the id is where the placeholder is.
    assert params.count(_ANY_ORGANIZATION) == len(kinds) - sum(
        1 for _code, _model, _owner, binding in kinds if binding not in (DATED, PER_PERIOD)
    ), (sql, params)
    return sql, tuple(params)


def _half_years_query(kinds: list[Kind], organization, library_ids: list[int] | None):
    parts = []
    for kind in kinds:
        if kind.owner == ORGANIZATION:
            if library_ids is not None:
                continue
            rows = kind.model_class.objects.filter(organization=organization)
        elif library_ids is None:
            rows = kind.model_class.objects.filter(library__organization=organization)
        else:
            rows = kind.model_class.objects.filter(library__in=library_ids)
        if kind.binding == DATED:
            parts.append(rows.annotate(hy=HalfYearOf("date")).values_list("hy").order_by())
        elif kind.binding == PER_PERIOD:
            rows = rows.annotate(hy=F("period__year") * 10 + F("period__half"))
            parts.append(rows.values_list("hy").order_by())
    return parts[0].union(*parts[1:])
