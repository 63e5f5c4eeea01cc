"""What a report covers: a half-year (one ReportingPeriod) or a whole year (its halves).

`span_parse(organization, "2021-H1")` and `span_parse(organization, "2021")` both
work; a year is the sum of the halves the organization has opened.
"""

import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from branches.models import Organization, ReportingPeriod

PERIOD_CODE_INVALID = gettext_lazy(
    "Период «%(code)s» задан неверно: нужен год и полугодие, например 2021-H1, или год, например 2021."
)
PERIOD_NOT_FOUND = gettext_lazy("У организации «%(organization)s» нет отчётного периода %(code)s.")

_CODE = re.compile(r"^(?P<year>\d{4})(?:-H(?P<half>[12]))?$", re.IGNORECASE)


class SpanError(ValueError):
    """A period code that is malformed or names no period of the organization."""


@dataclass(frozen=True)
class Span:
    organization: Organization
    periods: tuple[ReportingPeriod, ...]
    year: int
    half: int | None  # None: the whole year

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, 7 if self.half == 2 else 1, 1)

    @property
    def end(self) -> datetime.date:
        """The last day covered (inclusive)."""
        return (
            datetime.date(self.year, 6, 30) if self.half == 1 else datetime.date(self.year, 12, 31)
        )

    @property
    def day_after(self) -> datetime.date:
        return self.end + datetime.timedelta(days=1)

    @property
    def code(self) -> str:
        return f"{self.year}-H{self.half}" if self.half else str(self.year)

    @property
    def is_year(self) -> bool:
        return self.half is None

    @property
    def period_ids(self) -> list[int]:
        return [period.pk for period in self.periods]

    # Labels are computed when asked, so they come out in the active language.
    @property
    def label(self) -> str:
        """«1 полугодие 2021 года» / «2021 год»: what the report's title says it covers."""
        if self.half is None:
            return _("%(year)s год") % {"year": self.year}
        return _("%(half)s полугодие %(year)s года") % {"half": self.half, "year": self.year}

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


def span_for_period(period: ReportingPeriod) -> Span:
    return Span(
        organization=period.organization, periods=(period,), year=period.year, half=period.half
    )


def span_parse(organization: Organization, code: str) -> Span:
    """The span named by `code` ("2021-H1" or "2021"); SpanError with a Russian message if none."""
    match = _CODE.match((code or "").strip())
    if not match:
        raise SpanError(PERIOD_CODE_INVALID % {"code": code})
    year = int(match["year"])
    half = int(match["half"]) if match["half"] else None
    periods = ReportingPeriod.objects.filter(organization=organization, year=year).select_related(
        "organization"
    )
    if half:
        periods = periods.filter(half=half)
    periods = tuple(periods.order_by("half"))
    if not periods:
        raise SpanError(
            PERIOD_NOT_FOUND % {"organization": str(organization), "code": code.strip()}
        )
    return Span(organization=organization, periods=periods, year=year, half=half)
