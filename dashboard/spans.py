"""The periods the dashboard offers: half-years and whole years that have data.

Spans are the calendar's (`branches.calendar.Span`): a half-year or a whole
year of one organization. This module only adds what the period picker needs:
which spans have data (`branches.entered`, from the registry of kinds), the
span before a span, what a span compares with (the report's rule), and parsing a code without a query per request (the
organization's periods are read once).
"""

from branches.calendar import Span, SpanError, code_parse
from branches.entered import half_years_with_data
from branches.models import Library, Organization, ReportingPeriod
from indicators.comparison import Comparison, comparison_for


class SpanBook:
    """An organization's periods, read once, turned into the report's spans."""

    def __init__(self, organization: Organization):
        self.organization = organization
        self.periods = list(
            ReportingPeriod.objects.filter(organization=organization).order_by("year", "half")
        )
        for period in self.periods:
            period.organization = organization  # spares a query per label

    def span(self, year: int, half: int | None) -> Span:
        """The span; its periods are those the organization has opened (maybe none)."""
        periods = tuple(
            p for p in self.periods if p.year == year and (half is None or p.half == half)
        )
        return Span(organization=self.organization, periods=periods, year=year, half=half)

    def parse(self, code: str | None) -> Span | None:
        """'2021-H1' or '2021' -> the span; anything else -> None. No query."""
        try:
            year, half = code_parse(code)
        except SpanError:
            return None
        return self.span(year, half)

    def previous(self, span: Span) -> Span:
        if span.half == 2:
            return self.span(span.year, 1)
        if span.half == 1:
            return self.span(span.year - 1, 2)
        return self.span(span.year - 1, None)

    def comparison(self, span: Span, with_data: list[Span]) -> Comparison:
        """What `span` compares with: the report's rule (`indicators.comparison`), the
        same span a year before where both have data (a year with one half recorded:
        that half a year before)."""
        return comparison_for(span.year, span.half, [(s.year, s.half) for s in with_data])

    def base(self, comparison: Comparison) -> Span:
        """The span a comparison sets figures against."""
        return self.span(comparison.base_year, comparison.base_half)

    def with_data(self, libraries: list[Library] | None = None) -> list[Span]:
        """Half-years with data and the years they fall in, newest first; a year after its halves."""
        ids = None if libraries is None else [lib.pk for lib in libraries]
        found = half_years_with_data(self.organization, ids)
        keys = set(found) | {(year, 0) for year, _half in found}
        return [
            self.span(year, half or None) for year, half in sorted(keys, reverse=True)
        ]  # fmt: skip


def halves_by_year(spans: list[Span]) -> dict[int, set[int]]:
    """{year: the halves with data} from the spans `SpanBook.with_data` returned."""
    result: dict[int, set[int]] = {}
    for span in spans:
        halves = result.setdefault(span.year, set())
        if span.half is not None:
            halves.add(span.half)
    return result
