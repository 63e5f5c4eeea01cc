"""The periods the dashboard offers: half-years and whole years that have data.

Spans are the report's own (`reports.periods.Span`): a half-year or a whole
year of one organization. This module only adds what the period picker needs:
which spans have data, the span before a span, and parsing a code without a
query per request (the organization's periods are read once).
"""

from django.db.models import Case, IntegerField, Value, When
from django.db.models.functions import ExtractMonth, ExtractYear

from branches.models import Library, Organization, ReportingPeriod
from reports.periods import Span


def _half_of(field: str):
    return Case(
        When(**{f"{field}__lte": 6}, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )


def half_years_with_data(
    organization: Organization, libraries: list[Library] | None = None
) -> list[tuple[int, int]]:
    """(year, half) of the half-years in which something was recorded, newest first. One query.

    Snapshots (fund, catalogue counts) are left out: a balance "at 01.07" says
    nothing about the half-year that starts that day.
    """
    from catalogue.models import VirtualReferences
    from digitization.models import DigitizationPlan, DigitizedDocument
    from events.models import Event, OnlineFigures
    from holdings.models import AcquisitionBudget, Receipt, WriteOff
    from publications.models import MediaMention, MediaMentionTotal, Publication

    if libraries is not None:
        library_filter = {"library__in": [lib.pk for lib in libraries]}
    else:
        library_filter = {"library__organization": organization}
    parts = []
    for model in (Receipt, WriteOff, DigitizedDocument, Publication, MediaMention, Event):
        parts.append(
            model.objects.filter(**library_filter)
            .annotate(y=ExtractYear("date"), m=ExtractMonth("date"))
            .annotate(h=_half_of("m"))
            .values_list("y", "h")
            .order_by()
        )
    for model in (VirtualReferences, OnlineFigures, MediaMentionTotal):
        parts.append(
            model.objects.filter(**library_filter)
            .values_list("period__year", "period__half")
            .order_by()
        )
    if libraries is None:
        for model in (AcquisitionBudget, DigitizationPlan):
            parts.append(
                model.objects.filter(organization=organization)
                .values_list("period__year", "period__half")
                .order_by()
            )
    return sorted(set(parts[0].union(*parts[1:])), reverse=True)


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
        year, _sep, half = (code or "").strip().upper().partition("-H")
        if not (year.isdigit() and len(year) == 4 and half in ("", "1", "2")):
            return None
        if not 2000 <= int(year) <= 2100:  # the years a ReportingPeriod may have
            return None
        return self.span(int(year), int(half) if half else None)

    def previous(self, span: Span) -> Span:
        if span.half == 2:
            return self.span(span.year, 1)
        if span.half == 1:
            return self.span(span.year - 1, 2)
        return self.span(span.year - 1, None)

    def comparison(self, span: Span, with_data: list[Span]) -> tuple[Span, bool]:
        """The span to compare `span` with, and whether the comparison is fair.

        A half-year compares with the half-year before, if that has data. A year
        with data in only one half (the year under way, or the first year
        recorded) compares with the same half of the year before: set against a
        whole year every flow would look halved. A whole year compares with the
        year before only if that year has data in both halves too.
        """
        halves = halves_by_year(with_data)
        if span.half is not None:
            previous = self.previous(span)
            return previous, previous.half in halves.get(previous.year, set())
        own = halves.get(span.year, set())
        before = halves.get(span.year - 1, set())
        if len(own) == 1:
            (half,) = own
            return self.span(span.year - 1, half), half in before
        return self.previous(span), before == {1, 2}

    def with_data(self, libraries: list[Library] | None = None) -> list[Span]:
        """Half-years with data and the years they fall in, newest first; a year after its halves."""
        found = half_years_with_data(self.organization, libraries)
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
