"""The book fund: acquisition budget, receipts, write-offs and fund snapshots."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from branches.facts import (
    DatedLibraryFact,
    LibraryFact,
    OrganizationPeriodFact,
)
from branches.lists import ListItem
from holdings.ledger import ledger_check_pending, ledger_check_written

KAZAKH_ABOVE_TOTAL = _(
    "Экземпляров на казахском языке не может быть больше, чем всего экземпляров."
)


class FundingSource(ListItem):
    """Where copies come from: local-budget purchase, state order, gift..."""

    history = HistoricalRecords()

    class Meta(ListItem.Meta):
        verbose_name = _("источник поступления")
        verbose_name_plural = _("источники поступления")


class WriteOffReason(ListItem):
    history = HistoricalRecords()

    class Meta(ListItem.Meta):
        verbose_name = _("причина списания")
        verbose_name_plural = _("причины списания")


class LedgerFact:
    """A row of the fund ledger: every write goes through `holdings.ledger`."""

    def clean(self):
        super().clean()
        try:
            ledger_check_pending(self)
        except ValidationError as error:
            raise ValidationError({"copies": error.messages}) from None

    @classmethod
    def facts_written(cls, rows) -> None:
        ledger_check_written(rows)


def copies_fields():
    return (
        models.PositiveIntegerField(_("экземпляров")),
        models.PositiveIntegerField(_("в т.ч. на казахском языке"), default=0),
    )


def kazakh_within_total(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(copies_kk__lte=models.F("copies")),
        name=name,
        violation_error_message=KAZAKH_ABOVE_TOTAL,
    )


def copies_not_negative(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(copies__gte=0, copies_kk__gte=0),
        name=name,
        violation_error_message=_("Количество экземпляров не может быть отрицательным."),
    )


class AcquisitionBudget(OrganizationPeriodFact):
    source = models.ForeignKey(FundingSource, verbose_name=_("источник"), on_delete=models.PROTECT)
    amount = models.DecimalField(_("сумма, тыс. тенге"), max_digits=12, decimal_places=1)
    note = models.CharField(_("примечание"), max_length=300, blank=True)

    # Admin forms show each constraint's message next to this field.
    constraint_error_fields = {
        "budget_unique_per_period_source": "source",
        "budget_amount_not_negative": "amount",
    }

    class Meta:
        verbose_name = _("бюджет комплектования")
        # «Удалить выбранные бюджеты комплектования»: admin puts the plural after a plural.
        verbose_name_plural = _("бюджеты комплектования")
        ordering = ["-period__year", "-period__half", "source__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "period", "source"],
                name="budget_unique_per_period_source",
                violation_error_message=_("Бюджет по этому источнику за период уже внесён."),
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0),
                name="budget_amount_not_negative",
                violation_error_message=_("Сумма не может быть отрицательной."),
            ),
        ]

    def __str__(self) -> str:
        return _("%(period)s: %(source)s — %(amount)s тыс. тг") % {
            "period": self.period.code,
            "source": self.source,
            # "2770,4" as the report writes it, in either language.
            "amount": number_format(self.amount, use_l10n=True),
        }


class Receipt(LedgerFact, DatedLibraryFact):
    ledger_kind = "receipt"
    source = models.ForeignKey(FundingSource, verbose_name=_("источник"), on_delete=models.PROTECT)
    copies, copies_kk = copies_fields()
    document = models.CharField(
        _("документ"), max_length=100, blank=True, help_text=_("Накладная, акт, номер КСУ.")
    )
    note = models.CharField(_("примечание"), max_length=300, blank=True)

    # Admin forms show each constraint's message next to this field.
    constraint_error_fields = {
        "receipt_copies_not_negative": "copies",
        "receipt_kazakh_within_total": "copies_kk",
    }

    class Meta:
        verbose_name = _("поступление")
        verbose_name_plural = _("поступления")
        # The selectors filter by library and a date range.
        indexes = [models.Index(fields=["library", "date"], name="receipt_library_date")]
        ordering = ["-date", "library__order"]
        constraints = [
            copies_not_negative("receipt_copies_not_negative"),
            kazakh_within_total("receipt_kazakh_within_total"),
        ]

    def __str__(self) -> str:
        # Translated: these read in admin messages and history in Kazakh too.
        return _("%(library)s %(date)s: +%(copies)s экз. (%(source)s)") % {
            "library": self.library,
            "date": f"{self.date:%d.%m.%Y}",
            "copies": self.copies,
            "source": self.source,
        }


class WriteOff(LedgerFact, DatedLibraryFact):
    ledger_kind = "writeoff"
    reason = models.ForeignKey(WriteOffReason, verbose_name=_("причина"), on_delete=models.PROTECT)
    act_number = models.CharField(_("номер акта"), max_length=50, blank=True)
    copies, copies_kk = copies_fields()
    note = models.CharField(_("примечание"), max_length=300, blank=True)

    # Admin forms show each constraint's message next to this field.
    constraint_error_fields = {
        "writeoff_copies_not_negative": "copies",
        "writeoff_kazakh_within_total": "copies_kk",
    }

    class Meta:
        verbose_name = _("списание")
        verbose_name_plural = _("списания")
        # The selectors filter by library and a date range.
        indexes = [models.Index(fields=["library", "date"], name="writeoff_library_date")]
        ordering = ["-date", "library__order"]
        constraints = [
            copies_not_negative("writeoff_copies_not_negative"),
            kazakh_within_total("writeoff_kazakh_within_total"),
        ]

    def __str__(self) -> str:
        return _("%(library)s %(date)s: −%(copies)s экз. (%(reason)s)") % {
            "library": self.library,
            "date": f"{self.date:%d.%m.%Y}",
            "copies": self.copies,
            "reason": self.reason,
        }


class FundSnapshot(LedgerFact, LibraryFact):
    """A library's fund at the start of a day: the opening balance or an inventory."""

    class Kind(models.TextChoices):
        OPENING = "opening", _("начальный остаток")
        INVENTORY = "inventory", _("инвентаризация")

    ledger_kind = "state"

    date = models.DateField(_("на дату"), help_text=_("Фонд на начало этого дня."))
    kind = models.CharField(_("вид"), max_length=10, choices=Kind.choices, default=Kind.OPENING)
    copies, copies_kk = copies_fields()
    note = models.CharField(_("примечание"), max_length=300, blank=True)

    # Admin forms show each constraint's message next to this field.
    constraint_error_fields = {
        "fund_snapshot_unique_per_day": "date",
        "snapshot_copies_not_negative": "copies",
        "snapshot_kazakh_within_total": "copies_kk",
    }

    class Meta:
        verbose_name = _("состояние фонда")
        verbose_name_plural = _("состояния фонда")
        ordering = ["-date", "library__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["library", "date"],
                name="fund_snapshot_unique_per_day",
                violation_error_message=_(
                    "Состояние фонда этой библиотеки на эту дату уже внесено."
                ),
            ),
            copies_not_negative("snapshot_copies_not_negative"),
            kazakh_within_total("snapshot_kazakh_within_total"),
        ]

    def __str__(self) -> str:
        return _("%(library)s на %(date)s: %(copies)s экз.") % {
            "library": self.library,
            "date": f"{self.date:%d.%m.%Y}",
            "copies": self.copies,
        }
