"""The ЦБС's own rows for the annual report: methodical work and finance.

Both are the whole ЦБС's (owner ORGANIZATION, entered by the methodologist) and
belong to a half-year (`branches.facts.OrganizationPeriodFact`), so the closed
period rule applies on every door; a year is the sum of its halves, as for the
acquisition budget. Premises and equipment are the libraries' states
(`indicators.LibraryState`), staff by education, age and service `indicators.StaffState`.
"""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from branches.facts import OrganizationPeriodFact

# Money: thousand tenge with one decimal, as the acquisition budget is entered.
MONEY = {"max_digits": 12, "decimal_places": 1, "default": Decimal("0")}
# Sums of decimals are compared within half the last digit: SQLite adds them as floats.
TOLERANCE = Decimal("0.05")


def _count(label, help_text=""):
    return models.PositiveIntegerField(label, default=0, help_text=help_text)


def _money(label, help_text=""):
    # The validator puts a negative sum's message beside its own field; the constraint
    # (finance_not_negative) keeps every other door from storing one.
    return models.DecimalField(
        label, help_text=help_text, validators=[MinValueValidator(Decimal("0"))], **MONEY
    )


def _summed(parts):
    total = models.F(parts[0])
    for part in parts[1:]:
        total = total + models.F(part)
    return total


def parts_equal_total(name: str, total: str, parts: tuple[str, ...], message):
    """`parts` add up to `total` (within TOLERANCE): a database check, so no door skips it."""
    summed = _summed(parts)
    return models.CheckConstraint(
        condition=models.Q(**{f"{total}__gte": summed - TOLERANCE})
        & models.Q(**{f"{total}__lte": summed + TOLERANCE}),
        name=name,
        violation_error_message=message,
    )


def not_negative(name: str, fields: tuple[str, ...], message):
    condition = models.Q()
    for field in fields:
        condition &= models.Q(**{f"{field}__gte": 0})
    return models.CheckConstraint(condition=condition, name=name, violation_error_message=message)


class MethodicalWork(OrganizationPeriodFact):
    """The methodical department's work and the staff's training in a half-year."""

    consultations = _count(_("консультаций — всего"))
    consultations_group = _count(_("в т.ч. групповых"))
    seminars = _count(_("семинаров"))
    practicums = _count(_("практикумов"))
    visits = _count(
        _("методических выездов в библиотеки"),
        _("Выезды методистов в библиотеки-филиалы с проверкой или помощью."),
    )
    publications = _count(_("методических изданий"))
    courses = _count(_("курсов повышения квалификации"), _("Курсы, на которые ездили работники."))
    trained = _count(_("работников прошли обучение, чел."))
    certified = _count(_("работников аттестовано, чел."))
    note = models.CharField(_("примечание"), max_length=300, blank=True)

    constraint_error_fields = {
        "methodical_work_unique_per_period": "period",
        "methodical_work_group_within_consultations": "consultations_group",
    }

    class Meta:
        verbose_name = _("методическая работа")
        verbose_name_plural = _("методическая работа")
        ordering = ["-period__year", "-period__half"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "period"],
                name="methodical_work_unique_per_period",
                violation_error_message=_(
                    "Методическая работа за этот период уже внесена: измените ту запись."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(consultations__gte=models.F("consultations_group")),
                name="methodical_work_group_within_consultations",
                violation_error_message=_(
                    "Групповых консультаций не может быть больше, чем всего консультаций."
                ),
            ),
        ]

    def __str__(self) -> str:
        return _("Методическая работа за %(period)s") % {"period": self.period.label}


BUDGET_PARTS = (
    "budget_local",
    "budget_paid",
    "budget_sponsorship",
    "budget_grants",
    "budget_other",
)
SPENT_PARTS = (
    "spent_salaries",
    "spent_acquisition",
    "spent_subscriptions",
    "spent_repairs",
    "spent_equipment",
    "spent_events",
    "spent_other",
)
MONEY_FIELDS = (*BUDGET_PARTS, "budget_total", *SPENT_PARTS, "spent_total", "paid_income")


class Finance(OrganizationPeriodFact):
    """The ЦБС's money in a half-year, thousand tenge: its budget by source and its
    spending by purpose. The acquisition budget by funding source
    (`holdings.AcquisitionBudget`) stays where it is: the report prints it beside, and a
    check compares it with the spending on acquisition."""

    budget_local = _money(_("местный бюджет"))
    budget_paid = _money(_("платные услуги"))
    budget_sponsorship = _money(_("спонсорская помощь"))
    budget_grants = _money(_("гранты"))
    budget_other = _money(_("другие источники"))
    budget_total = _money(
        _("бюджет — всего, тыс. тенге"), _("Равен сумме по источникам: проверяется при сохранении.")
    )
    spent_salaries = _money(_("заработная плата"))
    spent_acquisition = _money(_("комплектование фонда"))
    spent_subscriptions = _money(_("подписка на периодические издания"))
    spent_repairs = _money(_("ремонт"))
    spent_equipment = _money(_("оборудование"))
    spent_events = _money(_("мероприятия"))
    spent_other = _money(_("прочие расходы"))
    spent_total = _money(
        _("израсходовано — всего, тыс. тенге"),
        _("Равно сумме по статьям: проверяется при сохранении."),
    )
    paid_income = _money(
        _("доходы от платных услуг, тыс. тенге"),
        _("Заработано платными услугами за период (в бюджет идёт строка «платные услуги»)."),
    )
    note = models.CharField(_("примечание"), max_length=300, blank=True)

    constraint_error_fields = {
        "finance_unique_per_period": "period",
        "finance_not_negative": "budget_total",
        "finance_budget_parts_total": "budget_total",
        "finance_spent_parts_total": "spent_total",
    }

    class Meta:
        verbose_name = _("финансирование")
        verbose_name_plural = _("финансирование")
        ordering = ["-period__year", "-period__half"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "period"],
                name="finance_unique_per_period",
                violation_error_message=_(
                    "Финансирование за этот период уже внесено: измените ту запись."
                ),
            ),
            not_negative(
                "finance_not_negative",
                MONEY_FIELDS,
                _("Суммы не могут быть отрицательными."),
            ),
            parts_equal_total(
                "finance_budget_parts_total",
                "budget_total",
                BUDGET_PARTS,
                _("Бюджет всего должен быть равен сумме по источникам."),
            ),
            parts_equal_total(
                "finance_spent_parts_total",
                "spent_total",
                SPENT_PARTS,
                _("Израсходовано всего должно быть равно сумме по статьям расходов."),
            ),
        ]

    def __str__(self) -> str:
        return _("Финансирование за %(period)s: %(total)s тыс. тг") % {
            "period": self.period.label,
            "total": number_format(self.budget_total, use_l10n=True),
        }
