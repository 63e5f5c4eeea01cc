"""The electronic catalogue: its databases, their record counts, virtual references."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from branches.facts import LibraryFact, LibraryPeriodFact
from branches.lists import ListItem


class CatalogueDatabase(ListItem):
    """A database of the electronic catalogue: ЭК «Книга», «Статьи», «Краеведение»..."""

    history = HistoricalRecords()

    class Meta(ListItem.Meta):
        verbose_name = _("база электронного каталога")
        verbose_name_plural = _("базы электронного каталога")


class RecordCount(LibraryFact):
    """How many records a catalogue database had at the start of a day."""

    database = models.ForeignKey(
        CatalogueDatabase, verbose_name=_("база каталога"), on_delete=models.PROTECT
    )
    date = models.DateField(_("на дату"), help_text=_("Число записей на начало этого дня."))
    records = models.PositiveIntegerField(_("записей"))

    # Admin forms show each constraint's message next to this field.
    constraint_error_fields = {
        "record_count_unique_per_day": "date",
        "record_count_not_negative": "records",
    }

    class Meta:
        verbose_name = _("объём базы каталога")
        verbose_name_plural = _("объёмы баз каталога")
        ordering = ["-date", "database__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["library", "database", "date"],
                name="record_count_unique_per_day",
                violation_error_message=_(
                    "Для этой базы каталога на эту дату число записей уже внесено."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(records__gte=0),
                name="record_count_not_negative",
                violation_error_message=_("Число записей не может быть отрицательным."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.database} на {self.date:%d.%m.%Y}: {self.records}"


class VirtualReferences(LibraryPeriodFact):
    """Virtual bibliographic references a library answered in a period."""

    count = models.PositiveIntegerField(_("выполнено справок"))

    # Admin forms show each constraint's message next to this field.
    constraint_error_fields = {
        "virtual_references_unique_per_period": "period",
        "virtual_references_not_negative": "count",
    }

    class Meta:
        verbose_name = _("виртуальные библиографические справки")
        verbose_name_plural = _("виртуальные библиографические справки")
        ordering = ["-period__year", "-period__half", "library__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["library", "period"],
                name="virtual_references_unique_per_period",
                violation_error_message=_(
                    "Справки этой библиотеки за этот период уже внесены: измените ту запись."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(count__gte=0),
                name="virtual_references_not_negative",
                violation_error_message=_("Число справок не может быть отрицательным."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.library} {self.period.code}: {self.count}"
