"""The libraries' own publications (booklets, book trailers...) and media mentions."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from branches.bibliography import (
    DOCUMENT_LANGUAGE_HELP,
    DocumentLanguage,
    compilers_word,
    day_and_month,
    description_language,
    illustrated_word,
    page_reference,
    pages_word,
)
from branches.facts import DatedLibraryFact, LibraryPeriodFact
from branches.lists import ListItem
from branches.wording import ReportWording, wording_field


class PublicationKind(ListItem):
    """E-booklet, booklet, literary podium, book trailer, video, virtual exhibition..."""

    is_multimedia = models.BooleanField(
        _("мультимедиа"),
        default=False,
        help_text=_(
            "Буктрейлеры, видеоролики, виртуальные выставки: в отчёте идут отдельным "
            "списком, с размером файла в МБ."
        ),
    )
    history = HistoricalRecords()

    class Meta(ListItem.Meta):
        verbose_name = _("вид издания")
        verbose_name_plural = _("виды изданий")


def _number(value: Decimal) -> str:
    """32.4 -> "32,4"; 171.0 -> "171": sizes as the seed prints them."""
    # normalize() drops the field's trailing zeros: Decimal("32.40") -> 32.4.
    return format(value.normalize(), "f").replace(".", ",")


class Publication(ReportWording, DatedLibraryFact):
    class Language(models.TextChoices):
        KAZAKH = "kk", _("казахский")
        RUSSIAN = "ru", _("русский")
        BOTH = "kk-ru", _("казахский и русский")

    kind = models.ForeignKey(
        PublicationKind, verbose_name=_("вид издания"), on_delete=models.PROTECT
    )
    title = models.CharField(_("заглавие"), max_length=500)
    quoted = models.BooleanField(
        _("заглавие в кавычках"), default=True, help_text=_("«Заглавие» — как в описании.")
    )
    annotation = models.TextField(_("аннотация"), blank=True)
    issuer = models.CharField(
        _("подразделение-составитель"),
        max_length=300,
        blank=True,
        help_text=_("Например: Ақпараттық библиографиялық бөлімі. Пусто — название библиотеки."),
    )
    compilers = models.CharField(
        _("составители"),
        max_length=300,
        blank=True,
        help_text=_("Например: Ж.Әлиева, Л.Кенжебекова."),
    )
    place = models.CharField(_("место издания"), max_length=100, default="Балқаш")
    year = models.PositiveSmallIntegerField(_("год"))
    pages = models.PositiveIntegerField(_("страниц"), null=True, blank=True)
    size_mb = models.DecimalField(
        _("размер, МБ"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    illustrated = models.BooleanField(_("иллюстрировано"), default=False)
    url = models.URLField(_("ссылка"), max_length=500, blank=True)
    language = models.CharField(
        _("язык"), max_length=5, choices=Language.choices, default=Language.KAZAKH
    )
    wording_ru = wording_field("ru")
    wording_kk = wording_field("kk")

    # Admin forms show each constraint's message next to this field.
    constraint_error_fields = {
        "publication_size_positive": "size_mb",
        "publication_year_in_range": "year",
    }

    class Meta:
        verbose_name = _("издание библиотеки")
        verbose_name_plural = _("издания библиотек")
        # The selectors filter by library and a date range.
        indexes = [models.Index(fields=["library", "date"], name="publication_library_date")]
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(size_mb__isnull=True) | models.Q(size_mb__gt=0),
                name="publication_size_positive",
                violation_error_message=_("Размер файла должен быть больше нуля."),
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=1900, year__lte=2100),
                name="publication_year_in_range",
                violation_error_message=_("Год издания должен быть между 1900 и 2100."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title_display(self) -> str:
        return f"«{self.title}»" if self.quoted else self.title

    def report_line(self, language: str) -> str:
        """What the report prints: the methodologist's wording in `language`, or the
        bibliographic description."""
        return self.wording_in(language) or self.description()

    def description(self, issuer_name: str | None = None) -> str:
        """The bibliographic description in the seed's style, in the publication's
        language (a Kazakh or bilingual one in Kazakh, a Russian one in Russian).

        Print: «Кел оқиық, бәріміз»: Электронды буклет // №4 «Сырлас» кітапхана-филиалы;
        құраст.: Ж.Әлиева. - Балқаш, 2021. – 22 б. - суретті.
        Multimedia: «Title»: annotation / Ақпараттық библиографиялық бөлімі;
        құраст.: Т.Ахметбекова. – Балқаш, 2021. – 32,4 МБ. A department that compiled
        it with no issuer named keeps its role: «… / құраст.: ақпараттық библиографиялық
        бөлімі. – …».
        """
        language = description_language(
            DocumentLanguage.RUSSIAN if self.language == self.Language.RUSSIAN else "kk"
        )
        compiled = f"{compilers_word(language)}: {self.compilers}" if self.compilers else ""
        if self.kind.is_multimedia:
            head = (
                f"{self.title_display}: {self.annotation}"
                if self.annotation
                else self.title_display
            )
            issuer = self.issuer or ("" if compiled else issuer_name or self.library.name("kk"))
            responsibility = "; ".join(part for part in (issuer, compiled) if part)
            text = f"{head} / {responsibility}. – {self.place}, {self.year}."
            if self.size_mb is not None:
                text += f" – {_number(self.size_mb)} МБ."
            return text
        issuer = self.issuer or issuer_name or self.library.name("kk")
        text = f"{self.title_display}: {self.kind.name_in(language)} // {issuer}"
        if compiled:
            text += f"; {compiled}"
        text += f". - {self.place}, {self.year}."
        if self.pages:
            text += f" – {self.pages} {pages_word(language)}"
        if self.illustrated:
            text += f" - {illustrated_word(language)}."
        return text


class MediaMention(ReportWording, DatedLibraryFact):
    class Kind(models.TextChoices):
        PRINT = "print", _("печатное издание")
        ONLINE = "online", _("интернет-издание")
        TV = "tv", _("телевидение")

    kind = models.CharField(_("вид"), max_length=10, choices=Kind.choices, default=Kind.PRINT)
    author = models.CharField(_("автор"), max_length=200, blank=True, help_text=_("Сәденов, Қ."))
    author_short = models.CharField(
        _("автор после косой черты"), max_length=200, blank=True, help_text=_("Қ.Сәденов")
    )
    title = models.CharField(_("заглавие"), max_length=1000)
    outlet = models.CharField(_("издание / канал"), max_length=200, blank=True)
    issue_number = models.CharField(_("номер выпуска"), max_length=50, blank=True)
    page = models.CharField(_("страница"), max_length=20, blank=True)
    by_librarian = models.BooleanField(_("написано библиотекарем"), default=False)
    url = models.URLField(_("ссылка"), max_length=500, blank=True)
    language = models.CharField(
        _("язык документа"),
        max_length=2,
        choices=DocumentLanguage.choices,
        blank=True,
        help_text=DOCUMENT_LANGUAGE_HELP,
    )
    wording_ru = wording_field("ru")
    wording_kk = wording_field("kk")

    class Meta:
        verbose_name = _("публикация в СМИ")
        verbose_name_plural = _("публикации в СМИ")
        # The selectors filter by library and a date range.
        indexes = [models.Index(fields=["library", "date"], name="media_mention_library_date")]
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return self.title[:100]

    @property
    def description(self) -> str:
        return self.description_in()

    def report_line(self, language: str) -> str:
        """What the report prints: the methodologist's wording in `language`, or the
        composed line (a TV story with no outlet: its link)."""
        return self.wording_in(language) or self.composed_line(language)

    def composed_line(self, language: str) -> str:
        if self.kind == self.Kind.TV:
            return self.url or self.description_in(language)
        return self.description_in(language)

    def description_in(self, language: str | None = None) -> str:
        """Сәденов, Қ. «Title» / Қ.Сәденов // Пульс. – 2021. – 30 сәуір (№18). – 7 б.:
        the date and page words in the article's language (a Russian article: – 30 апреля
        (№34-35). – С. 10), in the report's `language` if the article's is not given."""
        if self.kind == self.Kind.TV and not self.outlet:
            return self.url or self.title
        language = description_language(self.language, language)
        head = f"{self.author} {self.title}" if self.author else self.title
        if self.author_short:
            head += f" / {self.author_short}"
        day = day_and_month(self.date, language)
        if self.issue_number:
            day += f" (№{self.issue_number})"
        text = f"{head} // {self.outlet}. – {self.date.year}. – {day}"
        if self.page:
            text += f". – {page_reference(self.page, language)}"
        return text


class MediaMentionTotal(LibraryPeriodFact):
    """Mentions a library counted for a period but did not list one by one.

    The report's counts are the listed mentions plus these; the seed gives
    18 publications, 3 by librarians, 2 TV stories, but lists only four.
    """

    mentions = models.PositiveIntegerField(_("публикаций, не внесённых списком"))
    by_librarians = models.PositiveIntegerField(_("из них написано библиотекарями"), default=0)
    tv_stories = models.PositiveIntegerField(_("из них видеосюжетов на ТВ"), default=0)

    # Admin forms show each constraint's message next to this field.
    constraint_error_fields = {
        "media_total_unique_per_period": "period",
    }

    class Meta:
        verbose_name = _("публикации в СМИ итогом")
        verbose_name_plural = _("публикации в СМИ итогом")
        constraints = [
            models.UniqueConstraint(
                fields=["library", "period"],
                name="media_total_unique_per_period",
                violation_error_message=_("Итог этой библиотеки за этот период уже внесён."),
            ),
            models.CheckConstraint(
                condition=models.Q(by_librarians__lte=models.F("mentions"))
                & models.Q(tv_stories__lte=models.F("mentions")),
                name="media_total_parts_within_total",
                violation_error_message=_("Часть не может быть больше итога публикаций."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.library} {self.period.code}: {self.mentions}"
