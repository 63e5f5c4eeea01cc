"""The methodologist's plans of each library: users, visits and loans.

A plan is annual (no half) or for one half-year. A half-year's plan is the
annual plan unless a plan for that half is entered (`indicators.selectors`).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from branches.facts import PERIOD_CLOSED
from branches.models import Library, ReportingPeriod

PLAN_NOT_NEGATIVE = _("План не может быть отрицательным.")


class IndicatorPlan(models.Model):
    library = models.ForeignKey(Library, verbose_name=_("библиотека"), on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField(_("год"))
    half = models.PositiveSmallIntegerField(
        _("полугодие"),
        choices=[(1, _("1 полугодие")), (2, _("2 полугодие"))],
        null=True,
        blank=True,
        help_text=_(
            "Пусто — годовой план. План полугодия вносится, только если он не равен годовому."
        ),
    )
    users = models.PositiveIntegerField(_("пользователей"), default=0)
    visits = models.PositiveIntegerField(_("посещений"), default=0)
    loans = models.PositiveIntegerField(_("книговыдача"), default=0)
    history = HistoricalRecords()

    library_lookup = "library"
    organization_lookup = "library__organization"

    constraint_error_fields = {
        "indicator_plan_unique_half": "half",
        "indicator_plan_unique_year": "year",
        "indicator_plan_not_negative": "users",
        "indicator_plan_year_in_range": "year",
    }

    class Meta:
        verbose_name = _("план основных показателей")
        verbose_name_plural = _("планы основных показателей")
        ordering = ["-year", "half", "library__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["library", "year", "half"],
                name="indicator_plan_unique_half",
                violation_error_message=_(
                    "План этой библиотеки на это полугодие уже внесён: измените ту запись."
                ),
            ),
            models.UniqueConstraint(
                fields=["library", "year"],
                condition=models.Q(half__isnull=True),
                name="indicator_plan_unique_year",
                violation_error_message=_(
                    "Годовой план этой библиотеки на этот год уже внесён: измените ту запись."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(users__gte=0, visits__gte=0, loans__gte=0),
                name="indicator_plan_not_negative",
                violation_error_message=PLAN_NOT_NEGATIVE,
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=2000, year__lte=2100),
                name="indicator_plan_year_in_range",
                violation_error_message=_("Год должен быть между 2000 и 2100."),
            ),
        ]

    def __str__(self) -> str:
        if self.half:
            return f"{self.library} {self.year}-H{self.half}"
        return f"{self.library} {self.year}"

    def approved_period(self) -> ReportingPeriod | None:
        """An approved half-year this plan is read by: its report must keep saying it."""
        if not (self.library_id and self.year):
            return None
        halves = [self.half] if self.half else [1, 2]
        return (
            ReportingPeriod.objects.filter(
                organization_id=self.library.organization_id,
                year=self.year,
                half__in=halves,
                status=ReportingPeriod.Status.APPROVED,
            )
            .order_by("half")
            .first()
        )

    def clean(self):
        super().clean()
        approved = self.approved_period()
        if approved is not None:
            raise ValidationError(
                {"year": ValidationError(PERIOD_CLOSED, params={"period": approved.label})}
            )
