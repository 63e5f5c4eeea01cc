"""The organization (ЦБС), its libraries, reporting periods and who works where;
above the ЦБС, the region (oblast or city of republican significance) it belongs
to and the republic the regions make up.

The hand-ins of the libraries' half-years are models of this app too, declared in
`branches.handins` (the lock state's rows) and imported here so Django registers them.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from branches.calendar import HalfYearDates

# Imported so Django registers them with this app (see the docstring).
from branches.handins import (  # noqa: F401
    HandIn,
    HandInTransition,
    RegionHandIn,
    RegionHandInTransition,
)
from branches.lists import ListItem, localized

# The short name an organization has until it is given its own (the field's default).
GENERIC_SHORT_NAME = "ЦБС"
GENERIC_WORD = _("ЦБС")


class WriteRefused(ValidationError):
    """A write the data layer refuses (a closed period, a fund below zero, a printed page).

    A ValidationError, so forms and imports show its message; raised by a save,
    a delete or a queryset write when the form's own checks were bypassed.
    """


SOCIAL_PAGE_PRINTED = _(
    "Эта страница напечатана в утверждённом отчёте: её нельзя изменить или удалить. "
    "Если у библиотеки появилась новая страница, добавьте её отдельной записью."
)


class Republic(models.Model):
    """The top level: the country whose regions report to its ministry (Kazakhstan).

    An installation has one; the republic's figures are the sum of its regions'.
    """

    code = models.SlugField(_("код"), max_length=50, unique=True)
    name_ru = models.CharField(_("название (рус.)"), max_length=300)
    name_kk = models.CharField(_("название (каз.)"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("республика")
        verbose_name_plural = _("республики")
        ordering = ["name_ru"]

    def __str__(self) -> str:
        return self.name()

    def name(self, language: str | None = None) -> str:
        return localized(self, "name", language)

    def natural_key(self):
        return (self.code,)


class Region(models.Model):
    """An oblast or a city of republican significance: the level that receives its
    ЦБС's approved reports (the oblast library's methodological department)."""

    class Kind(models.TextChoices):
        OBLAST = "oblast", _("область")
        CITY = "city", _("город республиканского значения")

    republic = models.ForeignKey(
        Republic,
        verbose_name=_("республика"),
        on_delete=models.PROTECT,
        related_name="regions",
    )
    code = models.SlugField(
        _("код"), max_length=50, unique=True, help_text=_("Латиницей, например karaganda.")
    )
    kind = models.CharField(_("вид"), max_length=10, choices=Kind.choices, default=Kind.OBLAST)
    name_ru = models.CharField(_("название (рус.)"), max_length=300)
    name_kk = models.CharField(_("название (каз.)"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("регион")
        verbose_name_plural = _("регионы")
        ordering = ["name_ru"]

    def __str__(self) -> str:
        return self.name()

    def name(self, language: str | None = None) -> str:
        return localized(self, "name", language)

    def natural_key(self):
        return (self.code,)


class Organization(models.Model):
    code = models.SlugField(_("код"), max_length=50, unique=True)
    # Set by the installation's superuser: a ЦБС's methodologist never moves it
    # to another region (its admin shows the field read-only), nor does a file.
    region = models.ForeignKey(
        Region,
        verbose_name=_("регион"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
    )
    name_ru = models.CharField(_("название (рус.)"), max_length=300)
    name_kk = models.CharField(_("название (каз.)"), max_length=300, blank=True)
    short_name = models.CharField(_("краткое название"), max_length=50, default=GENERIC_SHORT_NAME)
    short_name_kk = models.CharField(
        _("краткое название (каз.)"),
        max_length=50,
        blank=True,
        help_text=_(
            "Как в казахском отчёте, например: Шет ауд. ОКЖ. Пусто — печатается "
            "краткое название на русском (общее «ЦБС» — как «ОКЖ»)."
        ),
    )
    city_ru = models.CharField(_("город (рус.)"), max_length=100)
    city_kk = models.CharField(_("город (каз.)"), max_length=100, blank=True)
    site = models.URLField(_("сайт"), blank=True)
    # The annual report's signature block (reports.builder): who signs it and whom to call.
    director_position_ru = models.CharField(
        _("должность руководителя (рус.)"), max_length=200, blank=True, default="Директор"
    )
    director_position_kk = models.CharField(
        _("должность руководителя (каз.)"), max_length=200, blank=True, default="Директор"
    )
    director_name = models.CharField(
        _("руководитель (Ф.И.О.)"),
        max_length=100,
        blank=True,
        help_text=_("Подписывает годовой отчёт, например: А.Б. Сейітова."),
    )
    executor_name = models.CharField(_("исполнитель отчёта (Ф.И.О.)"), max_length=100, blank=True)
    phone = models.CharField(_("телефон исполнителя"), max_length=50, blank=True)
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
        """The short name, the Kazakh one in a Kazakh text while it is filled; the generic
        «ЦБС» an organization has until it is given one is a word, not a name, and is
        said in the page's language («ОКЖ» in Kazakh)."""
        language = language or get_language() or "ru"
        if language[:2] == "kk" and self.short_name_kk:
            return self.short_name_kk
        if self.short_name != GENERIC_SHORT_NAME:
            return self.short_name
        with translation.override(language):
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


class SocialPageQuerySet(models.QuerySet):
    """Queryset writes obey the page's own rule (`SocialPage.save`): no printed page changes."""

    def update(self, **kwargs):
        with transaction.atomic(using=self.db):
            SocialPage.printed_guard(self.model._base_manager.filter(pk__in=self.values("pk")))
            return super().update(**kwargs)

    update.queryset_only = True

    def bulk_update(self, objs, fields, *args, **kwargs):
        objs = list(objs)
        with transaction.atomic(using=self.db):
            SocialPage.printed_guard(
                self.model._base_manager.filter(pk__in=[obj.pk for obj in objs])
            )
            return super().bulk_update(objs, fields, *args, **kwargs)


class SocialPage(models.Model):
    """A page of the whole ЦБС (no library) or of one library in a social network.

    The half-year report prints the pages' addresses. A page is standing (not dated),
    so instead of dating it we freeze what an approved report printed: approving a
    half-year marks every page of the ЦБС `printed` (`ReportingPeriod.save`), and a
    printed page is never changed or deleted again, by any door (save, queryset,
    bulk, cascade, history revert); a new page is added beside it. Its writers lock
    the ЦБС's periods first, as an approval does, so a page cannot change between
    the approval's snapshot and the mark.
    """

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
    printed = models.BooleanField(
        _("напечатана в утверждённом отчёте"), default=False, editable=False
    )
    history = HistoricalRecords()

    objects = SocialPageQuerySet.as_manager()

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
        owner = self.library or self.organization.abbreviation()
        return f"{owner}: {self.platform} — {self.url}"

    def save(self, *args, **kwargs):
        with transaction.atomic(using=kwargs.get("using") or "default"):
            if self.pk is not None and not self._state.adding:
                stored = type(self)._base_manager.filter(pk=self.pk)
                if stored.exclude(**self._page_fields()).exists():
                    # Saving a printed page unchanged (an admin form sent back) is harmless.
                    self.printed_guard(stored)
            super().save(*args, **kwargs)

    save.alters_data = True

    def clean(self):
        if self.library_id and self.organization_id:
            if self.library.organization_id != self.organization_id:
                raise ValidationError({"library": _("Библиотека относится к другой ЦБС.")})
        reason = self.printed_reason()
        if reason is not None:
            raise ValidationError(reason)

    def printed_reason(self) -> str | None:
        """Why this page (as stored) may not change: an approved report printed it.
        `branches.facts.frozen_reason` asks it, so the admin shows the page read-only."""
        if self.pk is None:
            return None
        stored = type(self)._base_manager.filter(pk=self.pk).values_list("printed", flat=True)
        return str(SOCIAL_PAGE_PRINTED) if stored.first() else None

    @staticmethod
    def printed_guard(pages) -> None:
        """Refuse (WriteRefused) when any of `pages` (a queryset) was printed; the
        ЦБС's periods are locked first, so an approval waits or is seen."""
        organizations = pages.values("organization_id")
        list(
            ReportingPeriod.objects.select_for_update()
            .filter(organization_id__in=organizations)
            .order_by("year", "half")
            .values("pk")
        )
        if pages.filter(printed=True).exists():
            raise WriteRefused(SOCIAL_PAGE_PRINTED)

    def _page_fields(self) -> dict:
        return {
            "organization_id": self.organization_id,
            "library_id": self.library_id,
            "platform_id": self.platform_id,
            "url": self.url,
            "printed": self.printed,
        }


@receiver(pre_delete, sender=SocialPage)
def _printed_page_delete_guard(sender, instance, **kwargs):
    """Every delete (one row, a queryset, a library's or ЦБС's cascade) sends this
    per row, inside the delete's transaction."""
    SocialPage.printed_guard(SocialPage._base_manager.filter(pk=instance.pk))


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

    def save(self, *args, **kwargs):
        with transaction.atomic(using=kwargs.get("using") or "default"):
            super().save(*args, **kwargs)
            if self.status == self.Status.APPROVED:
                # What the approved report printed stays as printed (see SocialPage):
                # marked by whatever approves (the report's workflow, an import).
                SocialPage.objects.filter(
                    organization_id=self.organization_id, printed=False
                ).update(printed=True)

    save.alters_data = True

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
    """Ties a user to an organization and, for a librarian, to one library; or,
    for the region's methodologist and management, to a region (and no ЦБС)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("пользователь"),
        on_delete=models.CASCADE,
        related_name="staff_profile",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("организация"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    library = models.ForeignKey(
        Library,
        verbose_name=_("библиотека"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Только для библиотекаря: библиотека, данные которой он вносит."),
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("регион"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_(
            "Только для методиста и руководства региона: вместо ЦБС — регион, "
            "все ЦБС которого они видят."
        ),
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
        constraints = [
            # A profile works at one level: a ЦБС (and maybe one of its libraries)
            # or a region, never both and never neither.
            models.CheckConstraint(
                condition=(
                    models.Q(organization__isnull=False, region__isnull=True)
                    | models.Q(
                        organization__isnull=True, region__isnull=False, library__isnull=True
                    )
                ),
                name="staff_profile_organization_or_region",
                violation_error_message=_(
                    "Укажите либо ЦБС (и, для библиотекаря, библиотеку), либо регион."
                ),
            ),
        ]

    def __str__(self) -> str:
        where = self.library or (self.organization or self.region)
        if self.organization_id and not self.library_id:
            where = self.organization.abbreviation()
        return f"{self.user.get_full_name() or self.user.get_username()} — {where}"

    def clean(self):
        if self.library_id and self.organization_id:
            if self.library.organization_id != self.organization_id:
                raise ValidationError({"library": _("Библиотека относится к другой ЦБС.")})
