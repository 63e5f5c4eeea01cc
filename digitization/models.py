"""Digitization of local-history documents: the plan and the digitized documents."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from branches.bibliography import (
    DOCUMENT_LANGUAGE_HELP,
    DocumentLanguage,
    description_language,
    pages_word,
)
from branches.facts import DatedLibraryFact, OrganizationPeriodFact
from branches.lists import ListItem


class DocumentKind(ListItem):
    """Articles, books..."""

    history = HistoricalRecords()

    class Meta(ListItem.Meta):
        verbose_name = _("вид документа")
        verbose_name_plural = _("виды документов")


class DigitizationPlan(OrganizationPeriodFact):
    kind = models.ForeignKey(
        DocumentKind, verbose_name=_("вид документа"), on_delete=models.PROTECT
    )
    planned = models.PositiveIntegerField(_("план, документов"))

    # Admin forms show each constraint's message next to this field.
    constraint_error_fields = {
        "digitization_plan_unique": "kind",
        "digitization_plan_not_negative": "planned",
    }

    class Meta:
        verbose_name = _("план оцифровки")
        verbose_name_plural = _("планы оцифровки")
        ordering = ["-period__year", "-period__half", "kind__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "period", "kind"],
                name="digitization_plan_unique",
                violation_error_message=_("План по этому виду документов за период уже внесён."),
            ),
            models.CheckConstraint(
                condition=models.Q(planned__gte=0),
                name="digitization_plan_not_negative",
                violation_error_message=_("План не может быть отрицательным."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period.code}: {self.kind} — {self.planned}"


class DigitizedDocument(DatedLibraryFact):
    """A digitized document, or a batch of them when only the totals are known.

    The seed knows 207 newspaper articles only as "207 documents, 158 pages":
    such a batch is one row with documents=207 rather than 207 invented rows.
    """

    kind = models.ForeignKey(
        DocumentKind, verbose_name=_("вид документа"), on_delete=models.PROTECT
    )
    author = models.CharField(
        _("автор"), max_length=200, blank=True, help_text=_("Как в описании: Скляров, Н.")
    )
    author_short = models.CharField(
        _("автор после косой черты"),
        max_length=200,
        blank=True,
        help_text=_("Сведения об ответственности: Н.Скляров."),
    )
    title = models.CharField(_("заглавие"), max_length=500)
    source = models.CharField(
        _("источник (газета)"), max_length=300, blank=True, help_text=_("Для статей: газета.")
    )
    place = models.CharField(_("место издания"), max_length=100, blank=True)
    publisher = models.CharField(_("издательство"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("год издания"), null=True, blank=True)
    documents = models.PositiveIntegerField(
        _("документов"), default=1, help_text=_("Больше 1 — если внесена партия статей итогом.")
    )
    pages = models.PositiveIntegerField(_("страниц"))
    language = models.CharField(
        _("язык документа"),
        max_length=2,
        choices=DocumentLanguage.choices,
        blank=True,
        help_text=DOCUMENT_LANGUAGE_HELP,
    )

    # Admin forms show each constraint's message next to this field.
    constraint_error_fields = {
        "digitized_documents_at_least_one": "documents",
        "digitized_pages_not_negative": "pages",
    }

    class Meta:
        verbose_name = _("оцифрованный документ")
        verbose_name_plural = _("оцифрованные документы")
        # The selectors filter by library and a date range.
        indexes = [models.Index(fields=["library", "date"], name="digitized_library_date")]
        ordering = ["-date", "kind__order", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(documents__gte=1),
                name="digitized_documents_at_least_one",
                violation_error_message=_("Документов должно быть не меньше одного."),
            ),
            models.CheckConstraint(
                condition=models.Q(pages__gte=0),
                name="digitized_pages_not_negative",
                violation_error_message=_("Число страниц не может быть отрицательным."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def description(self) -> str:
        return self.description_in()

    def description_in(self, language: str | None = None) -> str:
        """The bibliographic description, as the report lists digitized books:
        Скляров, Н. Моя лирика / Н.Скляров. - Алматы: Издательство LEM, 2008. – 216 с.
        The page word is the book's language's («216 с.» for a Russian book, «216 б.» for
        a Kazakh one), the report's `language` if the book's is not given."""
        language = description_language(self.language, language)
        head = f"{self.author} {self.title}" if self.author else self.title
        if self.author_short:
            head += f" / {self.author_short}"
        imprint = self.place
        if self.publisher:
            imprint = f"{imprint}: {self.publisher}" if imprint else self.publisher
        if self.year:
            imprint = f"{imprint}, {self.year}" if imprint else str(self.year)
        parts = [head]
        if imprint:
            parts.append(imprint)
        parts.append(f"{self.pages} {pages_word(language)}")
        return ". – ".join(parts)
