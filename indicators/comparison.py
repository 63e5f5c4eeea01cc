"""One comparison rule for every change the report and the dashboard print.

A span compares with the same span a year before, and only where both spans have
data: a half-year with the same half a year before; a year with both halves
recorded with the whole year before (which must have both too); a year with only
one half recorded (the year under way, or the first year recorded) with the same
half of the year before, since a whole year set against half a year would show
every flow halved. Otherwise there is no change to print: «нет данных для
сравнения», no arrow, no %. The base is said in words («к 1 полугодию 2020 года»).

Section II's change column, the dashboard's cards (the main ones and the control
indicators') and their notes call `comparison_for`; a library whose own figures are
missing on either side has no change either (`change_against`).
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from branches.calendar import half_end, half_start
from indicators.selectors import change_percent

FAIR, NO_DATA, PARTIAL = "fair", "no_data", "partial"
NO_COMPARISON = gettext_lazy("нет данных для сравнения")


@dataclass(frozen=True)
class Comparison:
    """What a span's figures are set against."""

    year: int
    half: int | None  # the span's half (None: a year)
    # The half the span's data cover (a year with one half recorded: that half).
    window_half: int | None
    base_year: int
    base_half: int | None  # the base: the same window a year before
    status: str  # FAIR, NO_DATA (either side has nothing), PARTIAL (the base lacks a half)

    @property
    def comparable(self) -> bool:
        return self.status == FAIR

    @property
    def window(self) -> tuple[datetime.date, datetime.date]:
        """The days the span's compared figures cover."""
        return half_start(self.year, self.window_half), half_end(self.year, self.window_half)

    @property
    def base(self) -> tuple[datetime.date, datetime.date]:
        """The days of the base (first and last, inclusive)."""
        return half_start(self.base_year, self.base_half), half_end(self.base_year, self.base_half)

    @property
    def base_label(self) -> str:
        """«1 полугодие 2020 года» / «2020 год»: the base's name in a column head."""
        if self.base_half is None:
            return _("%(year)s год") % {"year": self.base_year}
        return _("%(half)s полугодие %(year)s года") % {
            "half": self.base_half,
            "year": self.base_year,
        }

    @property
    def against(self) -> str:
        """«к 1 полугодию 2020 года» / «к 2020 году»: what a change is measured against."""
        if self.base_half is None:
            return _("к %(year)s году") % {"year": self.base_year}
        return _("к %(half)s полугодию %(year)s года") % {
            "half": self.base_half,
            "year": self.base_year,
        }

    @property
    def said(self) -> str:
        """The base in words, or why there is none: the same words in every output."""
        if self.comparable:
            return self.against
        if self.status == PARTIAL:
            return _("нет данных для сравнения: за %(base)s данные только за одно полугодие") % {
                "base": self.base_label
            }
        return str(NO_COMPARISON)


def comparison_for(
    year: int, half: int | None, with_data: Iterable[tuple[int, int | None]]
) -> Comparison:
    """The comparison of the span (`year`, `half`: None for a year), given the half-years
    with data (`branches.entered.half_years_with_data`'s pairs; a pair whose half is
    None, a year, adds nothing)."""
    halves: dict[int, set[int]] = {}
    for data_year, data_half in with_data:
        if data_half:
            halves.setdefault(data_year, set()).add(data_half)
    own, before = halves.get(year, set()), halves.get(year - 1, set())
    window = half
    if half is None and len(own) == 1:
        (window,) = own
    needed = {window} if window else {1, 2}
    if not needed <= own or not needed & before:
        status = NO_DATA
    elif not needed <= before:
        status = PARTIAL
    else:
        status = FAIR
    return Comparison(year, half, window, year - 1, window, status)


def change_against(now, before, comparison: Comparison | None = None) -> Decimal | None:
    """The change of `now` against `before` in % (one decimal), or None: when the spans
    are not comparable, when either figure is unknown (None) or `before` is 0."""
    if comparison is not None and not comparison.comparable:
        return None
    if now is None or before is None:
        return None
    return change_percent(now, before)
