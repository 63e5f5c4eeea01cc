"""The periods the dashboard offers: half-years and whole years that have data.

A span is a half-year ("2021-H1") or a whole year ("2021"), as in the report's
`--period` option. This module is the dashboard's thin adapter over the report's
period spans: while `reports.periods` is not on main it defines the same shape
here; afterwards it only adds what the picker needs (which spans have data).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Case, IntegerField, Value, When
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils.translation import gettext as _

from branches.models import Library, Organization


@dataclass(frozen=True)
class Span:
    year: int
    half: int | None  # None: the whole year

    @property
    def code(self) -> str:
        return f"{self.year}-H{self.half}" if self.half else str(self.year)

    @property
    def halves(self) -> tuple[int, ...]:
        return (self.half,) if self.half else (1, 2)

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, 7 if self.half == 2 else 1, 1)

    @property
    def end(self) -> datetime.date:
        """The last day of the span (inclusive)."""
        return (
            datetime.date(self.year, 6, 30) if self.half == 1 else datetime.date(self.year, 12, 31)
        )

    @property
    def day_after(self) -> datetime.date:
        return self.end + datetime.timedelta(days=1)

    @property
    def label(self) -> str:
        if self.half:
            return _("%(half)s полугодие %(year)s") % {"half": self.half, "year": self.year}
        return _("%(year)s год") % {"year": self.year}

    @property
    def previous(self) -> "Span":
        if self.half == 2:
            return Span(self.year, 1)
        if self.half == 1:
            return Span(self.year - 1, 2)
        return Span(self.year - 1, None)

    def half_years(self) -> list["Span"]:
        return [Span(self.year, h) for h in self.halves]


def span_parse(code: str | None) -> Span | None:
    """'2021-H1' -> Span(2021, 1); '2021' -> Span(2021, None); anything else -> None."""
    if not code:
        return None
    year, _sep, half = code.partition("-H")
    if not year.isdigit() or not 2000 <= int(year) <= 2100:
        return None
    if not half:
        return Span(int(year), None)
    if half in ("1", "2"):
        return Span(int(year), int(half))
    return None


def _half_of(field: str):
    return Case(
        When(**{f"{field}__lte": 6}, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )


def half_years_with_data(
    organization: Organization, libraries: list[Library] | None = None
) -> list[Span]:
    """Half-years in which something was recorded, newest first. One query.

    Snapshots (fund, catalogue counts) are left out: a balance "at 01.07" says
    nothing about the half-year that starts that day.
    """
    from catalogue.models import VirtualReferences
    from digitization.models import DigitizationPlan, DigitizedDocument
    from events.models import Event, OnlineFigures
    from holdings.models import AcquisitionBudget, Receipt, WriteOff
    from publications.models import MediaMention, MediaMentionTotal, Publication

    library_filter = (
        {"library__in": libraries}
        if libraries is not None
        else {"library__organization": organization}
    )
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
    found = set(parts[0].union(*parts[1:]))
    return [Span(year, half) for year, half in sorted(found, reverse=True)]


def spans_with_data(
    organization: Organization, libraries: list[Library] | None = None
) -> list[Span]:
    """Half-years with data and the years they fall in, newest first."""
    halves = half_years_with_data(organization, libraries)
    spans: list[Span] = []
    for span in halves:
        year = Span(span.year, None)
        if year not in spans:
            spans.append(year)
        spans.append(span)
    # Newest first, a year after its halves: "2021-H2, 2021-H1, 2021, 2020-H2..."
    return sorted(spans, key=lambda s: (s.year, s.half or 0), reverse=True)
