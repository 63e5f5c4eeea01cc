"""The reporting calendar: half-years, their codes, and spans (a half-year or a year).

The one implementation of these dates: `ReportingPeriod`, the report, the
dashboard and the registry's queries all use it. A year is the sum of its two
halves; "2021-H1" names a half-year and "2021" a year.

`branches.models` builds on this module (`ReportingPeriod` is a `HalfYearDates`),
so it imports nothing of the models back: a span's organization and periods
are plain model instances here, and its periods are read through the
organization's `periods` relation.
"""

import datetime
import re
from dataclasses import dataclass

from django.db.models import Func, IntegerField, Model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PERIOD_CODE_INVALID = gettext_lazy(
    "Период «%(code)s» задан неверно: нужен год и полугодие, например 2021-H1, или год, например 2021."
)
PERIOD_NOT_FOUND = gettext_lazy("У организации «%(organization)s» нет отчётного периода %(code)s.")

# The years a ReportingPeriod may have (its check constraint).
FIRST_YEAR, LAST_YEAR = 2000, 2100

_CODE = re.compile(r"^(?P<year>\d{4})(?:-H(?P<half>[12]))?$", re.IGNORECASE)


class SpanError(ValueError):
    """A period code that is malformed or names no period of the organization."""


def half_of(month: int) -> int:
    """The half-year a month (1–12) falls in."""
    return 1 if month <= 6 else 2


def half_start(year: int, half: int | None) -> datetime.date:
    """The first day of a half-year, or of the year when `half` is None."""
    return datetime.date(year, 7 if half == 2 else 1, 1)


def half_end(year: int, half: int | None) -> datetime.date:
    """The last day (inclusive) of a half-year, or of the year when `half` is None."""
    return datetime.date(year, 6, 30) if half == 1 else datetime.date(year, 12, 31)


def span_code(year: int, half: int | None) -> str:
    return f"{year}-H{half}" if half else str(year)


def code_parse(code: str | None) -> tuple[int, int | None]:
    """("2021-H1" -> (2021, 1), "2021" -> (2021, None)); SpanError with a Russian message."""
    match = _CODE.match((code or "").strip())
    if not match or not FIRST_YEAR <= int(match["year"]) <= LAST_YEAR:
        raise SpanError(PERIOD_CODE_INVALID % {"code": code})
    return int(match["year"]), int(match["half"]) if match["half"] else None


class HalfYearDates:
    """The dates and code of something with a `year` and a `half` (None: the whole
    year): a ReportingPeriod, a Span."""

    year: int
    half: int | None

    @property
    def start(self) -> datetime.date:
        return half_start(self.year, self.half)

    @property
    def end(self) -> datetime.date:
        """The last day covered (inclusive)."""
        return half_end(self.year, self.half)

    @property
    def day_after(self) -> datetime.date:
        """The first day after: balances "at 01.07" are taken here."""
        return self.end + datetime.timedelta(days=1)

    @property
    def code(self) -> str:
        return span_code(self.year, self.half)

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end

    @property
    def label(self) -> str:
        """«1 полугодие 2021 года» / «2021 год»: the period in words, in the active
        language, wherever a user reads it (a report's title, a message); the code
        («2021-H1») stays in URLs and file names."""
        if self.half is None:
            return _("%(year)s год") % {"year": self.year}
        return _("%(half)s полугодие %(year)s года") % {"half": self.half, "year": self.year}


@dataclass(frozen=True)
class Span(HalfYearDates):
    """A half-year or a whole year of one organization, with the periods it has opened."""

    organization: Model  # a branches.models.Organization
    periods: tuple[Model, ...]  # its ReportingPeriods in the span
    year: int
    half: int | None  # None: the whole year

    @property
    def is_year(self) -> bool:
        return self.half is None

    @property
    def period_ids(self) -> list[int]:
        return [period.pk for period in self.periods]

    # Labels are computed when asked, so they come out in the active language.
    @property
    def for_label(self) -> str:
        """«за 1 полугодие 2021» — the column heads of the tables."""
        if self.half is None:
            return _("за %(year)s год") % {"year": self.year}
        return _("за %(half)s полугодие %(year)s") % {"half": self.half, "year": self.year}

    @property
    def during_label(self) -> str:
        """«за 1 полугодие 2021 года»: what the report's sentences say («За … выполнено …»)."""
        if self.half is None:
            return self.for_label
        return _("за %(half)s полугодие %(year)s года") % {"half": self.half, "year": self.year}

    @property
    def start_label(self) -> str:
        """«на начало 1-го полугодия 2021»."""
        if self.half is None:
            return _("на начало %(year)s года") % {"year": self.year}
        return _("на начало %(half)s-го полугодия %(year)s") % {
            "half": self.half,
            "year": self.year,
        }

    @property
    def end_label(self) -> str:
        """«на 01.07.2021»: balances at the end are taken at the start of the day after."""
        return _("на %(date)s") % {"date": self.day_after.strftime("%d.%m.%Y")}


def span_for_period(period: Model) -> Span:
    """The half-year of a ReportingPeriod as a span."""
    return Span(
        organization=period.organization, periods=(period,), year=period.year, half=period.half
    )


def span_parse(organization: Model, code: str) -> Span:
    """The span named by `code` ("2021-H1" or "2021"); SpanError with a Russian message if none."""
    year, half = code_parse(code)
    periods = organization.periods.filter(year=year).select_related("organization")
    if half:
        periods = periods.filter(half=half)
    periods = tuple(periods.order_by("half"))
    if not periods:
        raise SpanError(
            PERIOD_NOT_FOUND % {"organization": str(organization), "code": code.strip()}
        )
    return Span(organization=organization, periods=periods, year=year, half=half)


def half_of_date(field: str):
    """`half_of` in SQL: the half-year of a date column, for grouping rows by period."""
    from django.db.models import Case, IntegerField, Value, When

    return Case(
        When(**{f"{field}__month__lte": 6}, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )


class HalfYearOf(Func):
    """A date column's half-year as one number, year × 10 + half (20211 for 2021-H1),
    computed by the database itself: on SQLite from the ISO text (Django's ExtractYear
    there calls back into Python for every row), on PostgreSQL with EXTRACT."""

    output_field = IntegerField()

    def as_sqlite(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.source_expressions[0])
        sql = (
            f"(CAST(substr({column}, 1, 4) AS integer) * 10"
            f" + CASE WHEN substr({column}, 6, 2) <= '06' THEN 1 ELSE 2 END)"
        )
        return sql, [*params, *params]

    def as_postgresql(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.source_expressions[0])
        sql = (
            f"(CAST(EXTRACT(YEAR FROM {column}) AS integer) * 10"
            f" + CASE WHEN EXTRACT(MONTH FROM {column}) <= 6 THEN 1 ELSE 2 END)"
        )
        return sql, [*params, *params]
