"""The library network (section I) as states on a date: premises and staff.

A state is true from its date until the next one; the report reads each
library's latest state on or before the span's end. The library's kind is the
library's own (branches.Library.kind).
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from branches.facts import LibraryFact
from indicators.models.checks import parts_within


def _count(label):
    return models.PositiveIntegerField(label, default=0)


class LibraryState(LibraryFact):
    """Where a library is, whom it serves and what premises it has, from a date."""

    class Settlement(models.TextChoices):
        URBAN = "urban", _("городская")
        RURAL = "rural", _("сельская")

    class Condition(models.TextChoices):
        SATISFACTORY = "satisfactory", _("удовлетворительное")
        CURRENT_REPAIR = "current_repair", _("требует текущего ремонта")
        CAPITAL_REPAIR = "capital_repair", _("требует капитального ремонта")

    class Repair(models.TextChoices):
        CURRENT = "current", _("текущий")
        CAPITAL = "capital", _("капитальный")

    class Presence(models.TextChoices):
        YES = "yes", _("есть")
        NO = "no", _("нет")

    date = models.DateField(_("на дату"), help_text=_("Состояние на начало этого дня."))
    address = models.CharField(_("адрес"), max_length=300, blank=True)
    settlement = models.CharField(
        _("местность"), max_length=5, choices=Settlement.choices, default=Settlement.URBAN
    )
    population = _count(_("население зоны обслуживания"))
    area = models.DecimalField(
        _("площадь помещений, м²"),
        max_digits=8,
        decimal_places=1,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    seats = _count(_("посадочных мест"))
    seats_computers = _count(_("в т.ч. с компьютерами"))
    seats_internet = _count(_("в т.ч. с выходом в интернет"))
    computers = _count(_("компьютеров"))
    outreach_points = _count(_("пунктов внестационарного обслуживания"))
    # Premises and equipment for the annual report (section «Финансирование и
    # материально-техническая база») and the statistical annex. Blank: not stated,
    # printed «нет данных», never taken for «нет».
    computers_internet = _count(_("компьютеров с выходом в интернет"))
    condition = models.CharField(
        _("состояние помещений"), max_length=16, choices=Condition.choices, blank=True
    )
    last_repair_year = models.PositiveSmallIntegerField(
        _("год последнего ремонта"), null=True, blank=True
    )
    last_repair_kind = models.CharField(
        _("вид последнего ремонта"), max_length=8, choices=Repair.choices, blank=True
    )
    fire_alarm = models.CharField(
        _("пожарная сигнализация"), max_length=3, choices=Presence.choices, blank=True
    )
    security_alarm = models.CharField(
        _("охранная сигнализация"), max_length=3, choices=Presence.choices, blank=True
    )
    accessible = models.CharField(
        _("доступность для людей с инвалидностью"),
        max_length=3,
        choices=Presence.choices,
        blank=True,
        help_text=_("Пандус, поручни, кнопка вызова, доступный вход."),
    )
    note = models.CharField(_("примечание"), max_length=300, blank=True)

    constraint_error_fields = {
        "library_state_unique_per_day": "date",
        "library_state_not_negative": "area",
        "library_state_computer_seats_within_seats": "seats_computers",
        "library_state_internet_seats_within_seats": "seats_internet",
        "library_state_internet_computers_within_computers": "computers_internet",
        "library_state_repair_year_and_kind": "last_repair_kind",
    }

    class Meta:
        verbose_name = _("состояние сети: библиотека")
        verbose_name_plural = _("состояния сети: библиотеки")
        ordering = ["-date", "library__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["library", "date"],
                name="library_state_unique_per_day",
                violation_error_message=_(
                    "Состояние этой библиотеки на эту дату уже внесено: измените ту запись."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(area__gte=0),
                name="library_state_not_negative",
                violation_error_message=_("Площадь не может быть отрицательной."),
            ),
            parts_within(
                "library_state_computer_seats_within_seats",
                "seats",
                "seats_computers",
                message=_("Мест с компьютерами не может быть больше, чем всего посадочных мест."),
            ),
            parts_within(
                "library_state_internet_seats_within_seats",
                "seats",
                "seats_internet",
                message=_(
                    "Мест с выходом в интернет не может быть больше, чем всего посадочных мест."
                ),
            ),
            parts_within(
                "library_state_internet_computers_within_computers",
                "computers",
                "computers_internet",
                message=_(
                    "Компьютеров с выходом в интернет не может быть больше, чем всего компьютеров."
                ),
            ),
            # A repair is its year and its kind together: one without the other says nothing.
            models.CheckConstraint(
                condition=(models.Q(last_repair_year__isnull=True) & models.Q(last_repair_kind=""))
                | (models.Q(last_repair_year__isnull=False) & ~models.Q(last_repair_kind="")),
                name="library_state_repair_year_and_kind",
                violation_error_message=_(
                    "Укажите и год, и вид последнего ремонта (или оставьте оба поля пустыми)."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.library} на {self.date:%d.%m.%Y}"


QUARTER_POSTS = _("Штатные единицы вносятся четвертями ставки: 0,25; 0,5; 0,75; 1; 1,25…")


def _in_quarters(value) -> bool:
    return value is None or (value * 4) % 1 == 0


class StaffState(LibraryFact):
    """A library's staff from a date: persons, posts, education, age, years of service."""

    date = models.DateField(_("на дату"), help_text=_("Состояние на начало этого дня."))
    persons = _count(_("работников, чел."))
    posts = models.DecimalField(
        _("штатных единиц"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Четвертями ставки: 0,25; 0,5; 0,75; 1…"),
    )
    higher_education = _count(_("с высшим библиотечным образованием"))
    secondary_education = _count(_("со средним специальным библиотечным образованием"))
    age_under_30 = _count(_("до 30 лет"))
    age_30_55 = _count(_("30–55 лет"))
    age_over_55 = _count(_("старше 55 лет"))
    service_under_3 = _count(_("стаж до 3 лет"))
    service_3_10 = _count(_("стаж 3–10 лет"))
    service_over_10 = _count(_("стаж более 10 лет"))
    note = models.CharField(_("примечание"), max_length=300, blank=True)

    constraint_error_fields = {
        "staff_state_unique_per_day": "date",
        "staff_state_posts_not_negative": "posts",
        "staff_state_education_within_persons": "higher_education",
        "staff_state_ages_within_persons": "age_under_30",
        "staff_state_service_within_persons": "service_under_3",
    }

    class Meta:
        verbose_name = _("состояние сети: кадры")
        verbose_name_plural = _("состояния сети: кадры")
        ordering = ["-date", "library__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["library", "date"],
                name="staff_state_unique_per_day",
                violation_error_message=_(
                    "Кадры этой библиотеки на эту дату уже внесены: измените ту запись."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(posts__gte=0),
                name="staff_state_posts_not_negative",
                violation_error_message=_("Штатных единиц не может быть меньше нуля."),
            ),
            parts_within(
                "staff_state_education_within_persons",
                "persons",
                "higher_education",
                "secondary_education",
                message=_(
                    "С высшим и средним специальным библиотечным образованием вместе не может "
                    "быть больше, чем работников."
                ),
            ),
            parts_within(
                "staff_state_ages_within_persons",
                "persons",
                "age_under_30",
                "age_30_55",
                "age_over_55",
                message=_(
                    "Работников по возрастам вместе не может быть больше, чем всего работников."
                ),
            ),
            parts_within(
                "staff_state_service_within_persons",
                "persons",
                "service_under_3",
                "service_3_10",
                "service_over_10",
                message=_("Работников по стажу вместе не может быть больше, чем всего работников."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.library} на {self.date:%d.%m.%Y}"

    def clean(self):
        super().clean()
        # In the model, not as a field validator: a migration must not import it.
        if not _in_quarters(self.posts):
            raise ValidationError({"posts": QUARTER_POSTS})
