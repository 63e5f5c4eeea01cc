"""The per-library figures a kind declares in the registry (`Kind.figures`).

A kind whose figure is a plain aggregate of its rows (visits in a half-year,
say) declares it and needs no selector of its own: the report's key figures
and the dashboard's rows per library read it from here. A year's value is the
sum of its halves, or, for a figure with the AT_END rule, the latest half's.
"""

from django.db.models import Count, F, IntegerField, Value
from django.db.models.functions import ExtractYear

from branches.calendar import Span, half_of_date
from branches.entered import in_span
from branches.kinds import AT_END, DATED, LIBRARY, PER_PERIOD, Figure, facts


def declared_figures() -> list[Figure]:
    """Every figure the kinds declare, in the registry's order."""
    return [figure for kind in facts(LIBRARY) for figure in kind.figures]


def key_figure_names() -> set[str]:
    """The declared figures that are key figures (cards, the XLSX summary): `Figure.key`."""
    return {figure.name for figure in declared_figures() if figure.key}


def _integer_only(kind) -> bool:
    """Whether every figure of `kind` is a count or a sum of an integer field: such
    figures share one UNION (a decimal column there would turn every value decimal)."""
    for figure in kind.figures:
        if isinstance(figure.aggregate, Count):
            continue
        source = figure.aggregate.get_source_expressions()[0]
        name = getattr(source, "name", None)
        if name is None or "__" in name:
            return False
        if not isinstance(kind.model_class._meta.get_field(name), IntegerField):
            return False
    return True


def _grouped(kind, library_ids: list[int], span: Span):
    """The kind's rows of the span grouped by library and half-year, the half-year's
    columns named `y` and `h` whatever the binding."""
    rows = kind.model_class.objects.filter(library__in=library_ids, **in_span(kind, span))
    if kind.binding == PER_PERIOD:
        rows = rows.annotate(y=F("period__year"), h=F("period__half"))
    elif kind.binding == DATED:
        rows = rows.annotate(y=ExtractYear("date"), h=half_of_date("date"))
    else:
        raise ValueError(f"kind {kind.code}: a state's figures need a selector of their own")
    return rows.values("library", "y", "h").order_by()


def kind_figures_by_library(*, library_ids: list[int], span: Span) -> dict[int, dict[str, int]]:
    """{library id: {figure name: value}}: one query for every kind whose figures are
    integers (a UNION of one grouped aggregate per figure), one more per other kind."""
    figures: list[Figure] = []
    parts = []  # (library, year, half, figure index, value) per library and half-year
    rows: list[tuple] = []
    for kind in facts(LIBRARY):
        if not kind.figures:
            continue
        grouped = _grouped(kind, library_ids, span)
        if not _integer_only(kind):
            # Aliased: a figure named as a field ("visits") would hide that field from
            # the kind's next aggregate.
            first = len(figures)
            figures += kind.figures
            aliases = {f"figure_{f.name}": f.aggregate for f in kind.figures}
            for row in grouped.annotate(**aliases):
                rows += [
                    (row["library"], row["y"], row["h"], first + n, row[f"figure_{f.name}"])
                    for n, f in enumerate(kind.figures)
                ]
            continue
        for figure in kind.figures:
            index = Value(len(figures), output_field=IntegerField())
            parts.append(
                grouped.annotate(figure_value=figure.aggregate, figure_index=index).values_list(
                    "library", "y", "h", "figure_index", "figure_value"
                )
            )
            figures.append(figure)
    if parts:
        rows += list(parts[0].union(*parts[1:], all=True))
    result: dict[int, dict[str, int]] = {}
    # Oldest half first: the latest half's AT_END value wins.
    for library, _year, _half, index, value in sorted(rows, key=lambda r: (r[1], r[2])):
        figure = figures[index]
        values = result.setdefault(library, {})
        if figure.rule == AT_END:
            values[figure.name] = value or 0
        else:
            values[figure.name] = values.get(figure.name, 0) + (value or 0)
    names = [figure.name for figure in declared_figures()]
    return {pk: {name: result.get(pk, {}).get(name, 0) for name in names} for pk in library_ids}
