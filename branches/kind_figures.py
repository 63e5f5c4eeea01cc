"""The per-library figures a kind declares in the registry (`Kind.figures`).

A kind whose figure is a plain aggregate of its rows (visits in a half-year,
say) declares it and needs no selector of its own: the report's key figures
and the dashboard's rows per library read it from here. A year's value is the
sum of its halves, or, for a figure with the AT_END rule, the latest half's (MAX: the
larger half's).
"""

from django.db.models import F, IntegerField, Value
from django.db.models.functions import ExtractYear

from branches.calendar import Span, half_of_date
from branches.entered import in_span
from branches.kinds import AT_END, DATED, LIBRARY, MAX, PER_PERIOD, Figure, facts
from branches.written_once import span_rows


def declared_figures() -> list[Figure]:
    """Every figure the kinds declare, in the registry's order."""
    return [figure for kind in facts(LIBRARY) for figure in kind.figures]


def key_figure_names() -> set[str]:
    """The declared figures that are key figures (cards, the XLSX summary): `Figure.key`."""
    return {figure.name for figure in declared_figures() if figure.key}


def kind_figures_by_library(*, library_ids: list[int], span: Span) -> dict[int, dict[str, int]]:
    """{library id: {figure name: value}}; one query whatever the number of kinds that
    declare figures (a UNION of one grouped aggregate per kind, each half-year a row),
    its SQL written once per shape (`branches.written_once`)."""
    kinds = [kind for kind in facts(LIBRARY) if kind.figures]
    names = [figure.name for figure in declared_figures()]
    shape = tuple((kind.code, kind.model, kind.binding, kind.figures) for kind in kinds)
    found = span_rows(_declared_query, shape, library_ids=library_ids, span=span) if kinds else []
    result: dict[int, dict[str, int]] = {}
    for library, _year, _half, index, *figures in sorted(found, key=lambda r: (r[1], r[2])):
        # Oldest half first: the latest half's AT_END value wins.
        values = result.setdefault(library, {})
        for figure, value in zip(kinds[index].figures, figures, strict=False):
            value = value or 0
            if figure.rule == AT_END:
                values[figure.name] = value
            elif figure.rule == MAX:
                values[figure.name] = max(values.get(figure.name, 0), value)
            else:
                values[figure.name] = values.get(figure.name, 0) + value
    return {pk: {name: result.get(pk, {}).get(name, 0) for name in names} for pk in library_ids}


def _declared_query(library_ids: list[int], span):
    """The UNION: a kind's figures go in the first columns of its part, in the order it
    declares them, and the rest are 0; as many columns as the kind with the most figures
    has, not one per figure of every kind (46 columns in 7 parts took the ORM 45 ms to
    write, for a query the database answers in 1 ms)."""
    kinds = [kind for kind in facts(LIBRARY) if kind.figures]
    width = max(len(kind.figures) for kind in kinds)
    # Aliased (value_<i>): a column named as a field ("visits") would hide that field
    # from the kind's next aggregate.
    columns = [f"value_{i}" for i in range(width)]
    parts = []
    for index, kind in enumerate(kinds):
        rows = kind.model_class.objects.filter(library__in=library_ids, **in_span(kind, span))
        if kind.binding == PER_PERIOD:
            rows = rows.annotate(y=F("period__year"), h=F("period__half"))
        elif kind.binding == DATED:
            rows = rows.annotate(y=ExtractYear("date"), h=half_of_date("date"))
        else:
            raise ValueError(
                f"kind {kind.code} ({kind.binding}): a state's figures need a selector of their own"
            )
        aggregates = [figure.aggregate for figure in kind.figures]
        padding = [Value(0, output_field=IntegerField())] * (width - len(aggregates))
        parts.append(
            rows.order_by()
            .values("library", "y", "h")
            .annotate(
                k=Value(index, output_field=IntegerField()),
                **dict(zip(columns, aggregates + padding, strict=True)),
            )
            .values_list("library", "y", "h", "k", *columns)
        )
    return parts[0].union(*parts[1:], all=True)
