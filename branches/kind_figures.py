"""The per-library figures a kind declares in the registry (`Kind.figures`).

A kind whose figure is a plain aggregate of its rows (visits in a half-year,
say) declares it and needs no selector of its own: the report's key figures
and the dashboard's rows per library read it from here. A year's value is the
sum of its halves, or, for a figure with the AT_END rule, the latest half's (MAX: the
larger half's).
"""

from django.db.models.functions import ExtractYear

from branches.calendar import Span, half_of_date
from branches.entered import in_span
from branches.kinds import AT_END, DATED, LIBRARY, MAX, PER_PERIOD, Figure, facts


def declared_figures() -> list[Figure]:
    """Every figure the kinds declare, in the registry's order."""
    return [figure for kind in facts(LIBRARY) for figure in kind.figures]


def key_figure_names() -> set[str]:
    """The declared figures that are key figures (cards, the XLSX summary): `Figure.key`."""
    return {figure.name for figure in declared_figures() if figure.key}


def kind_figures_by_library(*, library_ids: list[int], span: Span) -> dict[int, dict[str, int]]:
    """{library id: {figure name: value}}; one query per kind that declares figures."""
    result: dict[int, dict[str, int]] = {}
    for kind in facts(LIBRARY):
        if not kind.figures:
            continue
        rows = kind.model_class.objects.filter(library__in=library_ids, **in_span(kind, span))
        if kind.binding == PER_PERIOD:
            rows = rows.values("library", "period__year", "period__half")
            half_keys = ("period__year", "period__half")
        elif kind.binding == DATED:
            rows = rows.annotate(y=ExtractYear("date"), h=half_of_date("date"))
            rows = rows.values("library", "y", "h")
            half_keys = ("y", "h")
        else:
            raise ValueError(f"kind {kind.code}: a state's figures need a selector of their own")
        # Aliased: a figure named as a field ("visits") would hide that field from the
        # kind's next aggregate.
        aliases = {f"figure_{f.name}": f.aggregate for f in kind.figures}
        rows = rows.annotate(**aliases).order_by(*half_keys)
        for row in rows:  # oldest half first: the latest half's AT_END value wins
            values = result.setdefault(row["library"], {})
            for figure in kind.figures:
                value = row[f"figure_{figure.name}"] or 0
                if figure.rule == AT_END:
                    values[figure.name] = value
                elif figure.rule == MAX:
                    values[figure.name] = max(values.get(figure.name, 0), value)
                else:
                    values[figure.name] = values.get(figure.name, 0) + value
    names = [figure.name for figure in declared_figures()]
    return {pk: {name: result.get(pk, {}).get(name, 0) for name in names} for pk in library_ids}
