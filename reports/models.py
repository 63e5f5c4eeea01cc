"""The half-year report: one per reporting period, with the methodologist's narrative,
and the report files the task worker writes.

Figures are never stored here: the builder computes them from the data while the
report is a draft or submitted; on approval a snapshot of what the report said
is frozen in `snapshot` and every later rendering reads it.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from branches.facts import GuardedFact, fact_write_guard
from branches.models import Organization, ReportingPeriod
from reportkit.sections import SECTION_CHOICES


class Untranslated(models.TextChoices):
    """What the Kazakh report does with a section whose narrative has no Kazakh text:
    never leave it out without a word (the reader must see something is missing)."""

    PLACEHOLDER = (
        "placeholder",
        _("отметить место в разделе: «[текст на казахском языке не введён]»"),
    )
    LISTED = "listed", _("перечислить такие разделы в примечаниях отчёта")
    MARKED = "marked", _("печатать русский текст с пометкой «не переведено»")


class Report(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("черновик")
        SUBMITTED = "submitted", _("сдан")
        APPROVED = "approved", _("утверждён")

    organization = models.ForeignKey(
        Organization, verbose_name=_("организация"), on_delete=models.PROTECT
    )
    period = models.OneToOneField(
        ReportingPeriod,
        verbose_name=_("период"),
        on_delete=models.PROTECT,
        related_name="report",
    )
    status = models.CharField(
        _("статус"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    snapshot = models.JSONField(
        _("снимок утверждённого отчёта"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("создан"), auto_now_add=True)
    updated_at = models.DateTimeField(_("изменён"), auto_now=True)
    approved_at = models.DateTimeField(_("утверждён"), null=True, blank=True, editable=False)
    untranslated = models.CharField(
        _("раздел без казахского текста"),
        max_length=12,
        choices=Untranslated.choices,
        default=Untranslated.MARKED,
        help_text=_("Что печатать в казахском отчёте, пока текст раздела не переведён."),
    )
    # The events, publications… whose texts have no Kazakh version print as entered in the
    # Kazakh report (its page lists them); the methodologist may say so in its notes.
    untranslated_items_noted = models.BooleanField(
        _("записи без казахского текста — в примечаниях"),
        default=False,
        help_text=_(
            "Сказать в примечаниях казахского отчёта, сколько записей напечатано так, "
            "как внесены, без казахского текста."
        ),
    )

    library_lookup = None
    organization_lookup = "organization"

    class Meta:
        verbose_name = _("отчёт")
        verbose_name_plural = _("отчёты")
        ordering = ["-period__year", "-period__half"]
        permissions = [("approve_report", _("Может утверждать отчёт"))]

    def __str__(self) -> str:
        # "ЦБС: 1 полугодие 2021" reads better on the report's page than a code.
        period = self.period
        return f"{self.organization.abbreviation()}: {period.get_half_display()} {period.year}"

    def clean(self):
        super().clean()
        if self.period_id and self.organization_id:
            if self.period.organization_id != self.organization_id:
                raise ValidationError({"period": _("Период относится к другой ЦБС.")})


TEXT_OF_APPROVED_REPORT = _(
    "Отчёт за %(period)s утверждён: тексты его разделов больше нельзя менять."
)


class SectionText(GuardedFact):
    """The narrative paragraphs of one section, written by the methodologist.

    A guarded fact of its report's period (`periods_reading`): once that half-year is
    approved, no door (the report's page, `import_data`, a queryset, a cascade from
    its report) changes what the approved report said.
    """

    report = models.ForeignKey(
        Report, verbose_name=_("отчёт"), on_delete=models.CASCADE, related_name="texts"
    )
    section = models.CharField(_("раздел"), max_length=30, choices=SECTION_CHOICES)
    text_ru = models.TextField(_("текст (рус.)"), blank=True)
    text_kk = models.TextField(_("текст (каз.)"), blank=True)
    text_after_ru = models.TextField(_("текст после списка (рус.)"), blank=True)
    text_after_kk = models.TextField(_("текст после списка (каз.)"), blank=True)

    library_lookup = None
    organization_lookup = "report__organization"
    frozen_field = "section"
    closed_message = TEXT_OF_APPROVED_REPORT

    class Meta:
        verbose_name = _("текст раздела")
        verbose_name_plural = _("тексты разделов")
        ordering = ["report", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "section"],
                name="section_text_unique_per_report",
                violation_error_message=_("Текст этого раздела уже есть в отчёте."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report}: {self.get_section_display()}"

    def periods_reading(self):
        return ReportingPeriod.objects.filter(report__pk=self.report_id)

    @property
    def all_texts(self) -> list[str]:
        fields = ("text_ru", "text_after_ru", "text_kk", "text_after_kk")
        return [getattr(self, name) for name in fields if getattr(self, name)]

    def text(self, language: str = "ru", where: str = "") -> str:
        """The text in `language` as written, "" when it is not: the caller decides
        what a missing translation prints (see `Report.untranslated`)."""
        return getattr(self, f"text{where}_{language}", "") or ""


@receiver(pre_delete, sender=SectionText)
def _cascade_delete_guard(sender, instance, origin=None, **kwargs):
    """A text deleted with its report (a cascade) obeys the same rule; a text's own
    delete (one row or a queryset) was already checked by GuardedFact."""
    if getattr(origin, "model", type(origin)) is not SectionText:
        fact_write_guard([instance])


class ReportFile(models.Model):
    """A report file too big to write in a request (REPORT_BACKGROUND_ROWS): written by
    the task worker (`reports.report_files`), kept until its user downloads it (and for
    a day after). Its table keeps the name it had in `dataio`, where it was first kept."""

    class State(models.TextChoices):
        PENDING = "pending", _("готовится")
        READY = "ready", _("готов")
        FAILED = "failed", _("сбой")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    fmt = models.CharField(max_length=10)
    language = models.CharField(max_length=10)
    year = models.BooleanField(default=False)  # the whole year, not the report's half
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    content = models.BinaryField(default=b"", editable=False)
    filename = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "dataio_reportfile"
        verbose_name = _("файл отчёта")
        verbose_name_plural = _("файлы отчёта")

    def __str__(self):
        return self.filename or f"{self.report} ({self.fmt}, {self.language})"
