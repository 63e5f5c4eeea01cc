"""The organization (ЦБС), its libraries, reporting periods and who works where.

The hand-ins of the libraries' half-years are models of this app too, declared in
`branches.handins` (the lock state's rows) and imported here so Django registers them.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from branches.calendar import HalfYearDates

# Imported so Django registers them with this app (see the docstring).
from branches.handins import HandIn, HandInTransition  # noqa: F401
from branches.lists import ListItem, localized

# The short name an organization has until it is given its own (the field's default).
GENERIC_SHORT_NAME = "ЦБС"
GENERIC_WORD = _("ЦБС")


class Organization(models.Model):
    code = models.SlugField(_("код"), max_length=50, unique=True)
    name_ru = models.CharField(_("название (рус.)"), max_length=300)
    name_kk = models.CharField(_("название (каз.)"), max_length=300, blank=True)
    short_name = models.CharField(_("краткое название"), max_length=50, default=GENERIC_SHORT_NAME)
    city_ru = models.CharField(_("город (рус.)"), max_length=100)
    city_kk = models.CharField(_("город (каз.)"), max_length=100, blank=True)
    site = models.URLField(_("сайт"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("организация (ЦБС)")
        verbose_name_plural = _("организации (ЦБС)")
        ordering = ["name_ru"]

    def __str__(self) -> str:
        return self.name()

    def name(self, language: str | None = None) -> str:
        return localized(self, "name", language)

    def abbreviation(self, language: str | None = None) -> str:
        """The short name; the generic «ЦБС» an organization has until it is given one
        is a word, not a name, and is said in the page's language («ОКЖ» in Kazakh)."""
        if self.short_name != GENERIC_SHORT_NAME:
            return self.short_name
        with translation.override(language or get_language() or "ru"):
            return str(GENERIC_WORD)

    def city(self, language: str | None = None) -> str:
        return localized(self, "city", language)

    def natural_key(self):
        return (self.code,)


class Library(models.Model):
    class Kind(models.TextChoices):
        CENTRAL = "central", _("центральная городская библиотека")
        CENTRAL_CHILDREN = "central_children", _("центральная детская библиотека")
        BRANCH = "branch", _("библиотека-филиал")
        CHILDREN_BRANCH = "children_branch", _("детская библиотека-филиал")
        VILLAGE = "village", _("сельская библиотека-филиал")

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("организация"),
        on_delete=models.PROTECT,
        related_name="libraries",
    )
    code = models.SlugField(_("код"), max_length=50, help_text=_("Латиницей, например cgb, f4."))
    kind = models.CharField(_("вид"), max_length=20, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(_("номер филиала"), null=True, blank=True)
    name_ru = models.CharField(_("название (рус.)"), max_length=300)
    name_kk = models.CharField(_("название (каз.)"), max_length=300, blank=True)
    short_name = models.CharField(
        _("сокращение"), max_length=30, help_text=_("Как в отчёте: ЦГБ, ЦГДБ, ф№4.")
    )
    short_name_kk = models.CharField(
        _("сокращение (каз.)"),
        max_length=30,
        blank=True,
        help_text=_("Как в казахском отчёте: ОҚК, ОҚБК, №4 филиал."),
    )
    order = models.PositiveSmallIntegerField(_("порядок"), default=0)
    history = HistoricalRecords()

    # Admin forms show each constraint's message next to this field.
    constraint_error_fields = {
        "library_code_unique_in_organization": "code",
    }

    class Meta:
        verbose_name = _("библиотека")
        verbose_name_plural = _("библиотеки")
        ordering = ["organization", "order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "code"],
                name="library_code_unique_in_organization",
                violation_error_message=_("Библиотека с таким кодом уже есть в этой ЦБС."),
            ),
        ]

    def __str__(self) -> str:
        # In the page's language: «№4 филиал» in the Kazakh admin, not «ф№4».
        return self.abbreviation() or self.name()

    def name(self, language: str | None = None) -> str:
        return localized(self, "name", language)

    def abbreviation(self, language: str | None = None) -> str:
        """ЦГБ, or ОҚК in a Kazakh text; the Russian one while the Kazakh is not filled."""
        language = (language or get_language() or "ru")[:2]
        if language == "kk" and self.short_name_kk:
            return self.short_name_kk
        return self.short_name

    def natural_key(self):
        return (self.organization.code, self.code)


class Platform(ListItem):
    """A social network or video platform: Facebook, Instagram, YouTube, Zoom..."""

    history = HistoricalRecords()

    class Meta(ListItem.Meta):
        verbose_name = _("платформа")
        verbose_name_plural = _("платформы")


class SocialPage(models.Model):
    """A page of the whole ЦБС (no library) or of one library in a social network."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("организация"), on_delete=models.CASCADE
    )
    library = models.ForeignKey(
        Library,
        verbose_name=_("библиотека"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="social_pages",
        help_text=_("Пусто — общая страница ЦБС."),
    )
    platform = models.ForeignKey(Platform, verbose_name=_("платформа"), on_delete=models.PROTECT)
    url = models.URLField(_("ссылка"), max_length=500)
    history = HistoricalRecords()

    library_lookup = "library"
    organization_lookup = "organization"

    # Admin forms show each constraint's message next to this field.
    constraint_error_fields = {
        "social_page_url_unique": "url",
    }

    class Meta:
        verbose_name = _("страница в соцсети")
        verbose_name_plural = _("страницы в соцсетях")
        ordering = ["organization", "library__order", "platform__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "url"],
                name="social_page_url_unique",
                violation_error_message=_("Такая страница уже внесена."),
            ),
        ]

    def __str__(self) -> str:
        owner = self.library or self.organization.short_name
        return f"{owner}: {self.platform} — {self.url}"

    def clean(self):
        if self.library_id and self.organization_id:
            if self.library.organization_id != self.organization_id:
                raise ValidationError({"library": _("Библиотека относится к другой ЦБС.")})


class ReportingPeriod(HalfYearDates, models.Model):
    """A half-year of one organization. A year is the sum of its two halves.

    Its dates and code (`start`, `end`, `day_after`, `code`) are the calendar's.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("открыт")
        SUBMITTED = "submitted", _("сдан")
        APPROVED = "approved", _("утверждён")

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("организация"),
        on_delete=models.PROTECT,
        related_name="periods",
    )
    year = models.PositiveSmallIntegerField(_("год"))
    half = models.PositiveSmallIntegerField(
        _("полугодие"), choices=[(1, _("1 полугодие")), (2, _("2 полугодие"))]
    )
    status = models.CharField(
        _("статус"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    libraries_due = models.DateField(
        _("срок сдачи библиотеками"),
        null=True,
        blank=True,
        help_text=_("До какого дня библиотеки сдают данные за полугодие."),
    )
    organization_due = models.DateField(
        _("срок сдачи отчёта ЦБС"),
        null=True,
        blank=True,
        help_text=_("До какого дня ЦБС сдаёт отчёт за полугодие."),
    )
    # The methodologist's recorded override (`handin.services.handin_override`): the
    # report may be submitted and approved although not every library's hand-in is
    # accepted; the report's notes print why, who and when.
    handin_override_reason = models.TextField(
        _("причина сдачи без принятия всех библиотек"), blank=True, editable=False
    )
    handin_override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто разрешил"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    handin_override_at = models.DateTimeField(
        _("когда разрешено"), null=True, blank=True, editable=False
    )
    history = HistoricalRecords()

    library_lookup = None
    organization_lookup = "organization"

    # Admin forms show each constraint's message next to this field.
    constraint_error_fields = {
        "period_unique_per_organization": "half",
        "period_half_is_1_or_2": "half",
        "period_year_in_range": "year",
    }

    class Meta:
        verbose_name = _("отчётный период")
        verbose_name_plural = _("отчётные периоды")
        ordering = ["organization", "-year", "-half"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year", "half"],
                name="period_unique_per_organization",
                violation_error_message=_(
                    "Этот период уже есть: полугодия одной ЦБС не могут пересекаться."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(half__in=[1, 2]),
                name="period_half_is_1_or_2",
                violation_error_message=_("Полугодие — 1 или 2."),
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=2000, year__lte=2100),
                name="period_year_in_range",
                violation_error_message=_("Год должен быть между 2000 и 2100."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.get_half_display()} {self.year})"

    def clean(self):
        super().clean()
        # An approved half-year is final: its report is frozen and its data locked,
        # so no form, inline or import may reopen or move it.
        if self.pk is None:
            return
        stored = (
            type(self)
            .objects.filter(pk=self.pk)
            .values_list("status", "year", "half", "organization_id")
            .first()
        )
        now = (self.status, self.year, self.half, self.organization_id)
        if stored and stored[0] == self.Status.APPROVED and stored != now:
            raise ValidationError(
                {"status": _("Период утверждён: его больше нельзя открыть заново или изменить.")}
            )


class StaffProfile(models.Model):
    """Ties a user to an organization and, for a librarian, to one library."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("пользователь"),
        on_delete=models.CASCADE,
        related_name="staff_profile",
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("организация"), on_delete=models.PROTECT
    )
    library = models.ForeignKey(
        Library,
        verbose_name=_("библиотека"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Только для библиотекаря: библиотека, данные которой он вносит."),
    )
    position = models.CharField(_("должность"), max_length=200, blank=True)
    language = models.CharField(
        _("язык писем"),
        max_length=2,
        choices=[("ru", "Русский"), ("kk", "Қазақша")],
        default="ru",
    )
    history = HistoricalRecords()

    library_lookup = "library"
    organization_lookup = "organization"

    class Meta:
        verbose_name = _("профиль сотрудника")
        verbose_name_plural = _("профили сотрудников")

    def __str__(self) -> str:
        return f"{self.user.get_full_name() or self.user.get_username()} — {self.library or self.organization.short_name}"

    def clean(self):
        if self.library_id and self.organization_id:
            if self.library.organization_id != self.organization_id:
                raise ValidationError({"library": _("Библиотека относится к другой ЦБС.")})
