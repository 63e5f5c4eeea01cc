"""Abstract bases for the facts libraries record.

A dated fact (a receipt, an event...) belongs to the period its date falls in;
a period fact (a budget, a plan...) names its period; a snapshot (a fund size,
a record count) is true at a moment and needs no period. The checks that every
such fact shares live here so each form and each import runs the same ones.
"""

import contextlib
from contextvars import ContextVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from branches.calendar import half_of
from branches.models import Library, Organization, ReportingPeriod

DATE_OUTSIDE_PERIODS = _(
    "Дата %(date)s не попадает ни в один отчётный период этой ЦБС. "
    "Сначала методист должен открыть период."
)
PERIOD_CLOSED = _("Период %(period)s утверждён: его данные больше нельзя менять.")
PERIOD_OTHER_ORGANIZATION = _("Период относится к другой ЦБС.")


# Set by `periods_memoized()`: a cache of periods for this thread or task only.
_period_cache: ContextVar[dict | None] = ContextVar("period_cache", default=None)


def period_for_date(organization_id, day) -> ReportingPeriod | None:
    half = half_of(day.month)
    cache = _period_cache.get()
    key = (organization_id, day.year, half)
    if cache is not None and key in cache:
        return cache[key]
    period = ReportingPeriod.objects.filter(
        organization_id=organization_id, year=day.year, half=half
    ).first()
    if cache is not None:
        cache[key] = period
    return period


@contextlib.contextmanager
def periods_memoized():
    """Look each half-year's period up once inside the block.

    `DatedLibraryFact.clean()` asks for the period of every row's date; an import
    of thousands of rows, during which periods don't change, needs one query per
    half-year. A ContextVar keeps the cache to this thread, so concurrent requests
    never share it.
    """
    token = _period_cache.set({})
    try:
        yield
    finally:
        _period_cache.reset(token)


class LibraryFact(models.Model):
    """A fact of one library: a librarian sees and edits only their library's."""

    library = models.ForeignKey(Library, verbose_name=_("библиотека"), on_delete=models.PROTECT)
    history = HistoricalRecords(inherit=True)

    library_lookup = "library"
    organization_lookup = "library__organization"

    class Meta:
        abstract = True


class DatedLibraryFact(LibraryFact):
    date = models.DateField(_("дата"))

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.date and self.library_id:
            period = period_for_date(self.library.organization_id, self.date)
            if period is None:
                raise ValidationError(
                    {
                        "date": ValidationError(
                            DATE_OUTSIDE_PERIODS, params={"date": self.date.strftime("%d.%m.%Y")}
                        )
                    }
                )
            if period.status == ReportingPeriod.Status.APPROVED:
                raise ValidationError(
                    {"date": ValidationError(PERIOD_CLOSED, params={"period": period.code})}
                )


class LibraryPeriodFact(LibraryFact):
    """A figure a library only knows as a total for a whole period."""

    period = models.ForeignKey(ReportingPeriod, verbose_name=_("период"), on_delete=models.PROTECT)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.period_id and self.library_id:
            if self.period.organization_id != self.library.organization_id:
                raise ValidationError({"period": PERIOD_OTHER_ORGANIZATION})
            if self.period.status == ReportingPeriod.Status.APPROVED:
                raise ValidationError(
                    {"period": ValidationError(PERIOD_CLOSED, params={"period": self.period.code})}
                )


class OrganizationPeriodFact(models.Model):
    """A figure of the whole ЦБС for a period (a budget, a plan): methodologist's."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("организация"), on_delete=models.PROTECT
    )
    period = models.ForeignKey(ReportingPeriod, verbose_name=_("период"), on_delete=models.PROTECT)
    history = HistoricalRecords(inherit=True)

    library_lookup = None
    organization_lookup = "organization"

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.period_id and self.organization_id:
            if self.period.organization_id != self.organization_id:
                raise ValidationError({"period": PERIOD_OTHER_ORGANIZATION})
            if self.period.status == ReportingPeriod.Status.APPROVED:
                raise ValidationError(
                    {"period": ValidationError(PERIOD_CLOSED, params={"period": self.period.code})}
                )


def in_approved_period(obj) -> bool:
    """Whether `obj` belongs to an approved period, whose data no longer change."""
    if isinstance(obj, LibraryPeriodFact | OrganizationPeriodFact):
        return bool(obj.period_id) and obj.period.status == ReportingPeriod.Status.APPROVED
    if isinstance(obj, DatedLibraryFact) and obj.date and obj.library_id:
        period = period_for_date(obj.library.organization_id, obj.date)
        return period is not None and period.status == ReportingPeriod.Status.APPROVED
    return False
