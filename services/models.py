"""Services to readers beyond loans (the annual report's sections): reference and
information work with interlibrary loan and document delivery, clubs, and the
partners, projects and awards of a library or of the whole ЦБС.

Every row is a library's fact (branches.facts), so the closed period and the
hand-in lock apply on every door; parts never exceed their totals, as database
constraints whose messages the admin's forms show next to the field.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from branches.facts import DatedLibraryFact, LibraryPeriodFact

REFERENCE_KINDS_SUM = _(
    "Тематические, фактографические, адресные и уточняющие справки в сумме должны "
    "равняться числу справок всего."
)
REMOTE_ABOVE_TOTAL = _("Удалённых справок не может быть больше, чем справок всего.")


def _count(label, help_text=""):
    return models.PositiveIntegerField(label, default=0, help_text=help_text)


class ReferenceWork(LibraryPeriodFact):
    """A library's reference and information work in a half-year (the work diary's totals)."""

    thematic = _count(_("тематических справок"))
    factual = _count(_("фактографических справок"))
    address = _count(_("адресных справок"))
    clarifying = _count(_("уточняющих справок"))
    references = _count(
        _("справок всего"),
        _(
            "Сумма справок четырёх видов. Должна совпадать со справками в дневнике "
            "работы библиотеки."
        ),
    )
    remote = _count(
        _("из них выполнено удалённо"),
        _(
            "По телефону, электронной почте, через сайт и соцсети. Виртуальные справки "
            "(раздел «Виртуальные справки») входят в удалённые: их не меньше."
        ),
    )
    information_days = _count(_("дней информации"))
    library_lessons = _count(_("библиотечных уроков"))
    reviews = _count(_("обзоров литературы"))
    ill_received = _count(_("МБА: получено запросов"))
    ill_sent = _count(_("МБА: отправлено запросов"))
    ill_supplied = _count(_("МБА: выдано документов"))
    edd_received = _count(_("ЭДД: получено запросов"))
    edd_sent = _count(_("ЭДД: отправлено запросов"))
    edd_supplied = _count(_("ЭДД: выдано документов"))
    note = models.CharField(_("примечание"), max_length=500, blank=True)

    constraint_error_fields = {
        "reference_work_unique_per_period": "period",
        "reference_work_kinds_sum_to_total": "references",
        "reference_work_remote_within_total": "remote",
    }

    class Meta:
        verbose_name = _("справочно-информационная работа")
        verbose_name_plural = _("справочно-информационная работа")
        ordering = ["-period__year", "-period__half", "library__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["library", "period"],
                name="reference_work_unique_per_period",
                violation_error_message=_(
                    "Справочная работа этой библиотеки за этот период уже внесена: "
                    "измените ту запись."
                ),
            ),
            models.CheckConstraint(
                condition=Q(
                    references=F("thematic") + F("factual") + F("address") + F("clarifying")
                ),
                name="reference_work_kinds_sum_to_total",
                violation_error_message=REFERENCE_KINDS_SUM,
            ),
            models.CheckConstraint(
                condition=Q(remote__lte=F("references")),
                name="reference_work_remote_within_total",
                violation_error_message=REMOTE_ABOVE_TOTAL,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.library} {self.period.code}: {self.references}"


class Audience(models.TextChoices):
    CHILDREN = "children", _("дети")
    YOUTH = "youth", _("молодёжь")
    ADULTS = "adults", _("взрослые")
    SENIORS = "seniors", _("пожилые")
    ALL = "all", _("все возрасты")


class ClubWork(LibraryPeriodFact):
    """A club or circle of a library and its work in a half-year: one row per club and
    half-year, as the work diary counts it (the club's name, audience and year
    founded repeat, so the data files need no reference to a row of another sheet)."""

    name_ru = models.CharField(_("название клуба (рус.)"), max_length=300)
    name_kk = models.CharField(_("название клуба (каз.)"), max_length=300, blank=True)
    audience = models.CharField(
        _("аудитория"), max_length=20, choices=Audience.choices, default=Audience.ALL
    )
    founded = models.PositiveIntegerField(_("год создания"), null=True, blank=True)
    members = _count(_("участников"), _("На конец полугодия."))
    meetings = _count(_("заседаний за полугодие"))
    note = models.CharField(_("примечание"), max_length=500, blank=True)

    constraint_error_fields = {
        "club_work_unique_per_period": "name_ru",
        "club_work_founded_plausible": "founded",
    }

    class Meta:
        verbose_name = _("клуб по интересам")
        verbose_name_plural = _("клубы по интересам")
        ordering = ["-period__year", "-period__half", "library__order", "name_ru"]
        constraints = [
            models.UniqueConstraint(
                fields=["library", "period", "name_ru"],
                name="club_work_unique_per_period",
                violation_error_message=_(
                    "Клуб с таким названием за этот период уже внесён: измените ту запись."
                ),
            ),
            models.CheckConstraint(
                condition=Q(founded__isnull=True) | Q(founded__gte=1900, founded__lte=2100),
                name="club_work_founded_plausible",
                violation_error_message=_("Год создания клуба — между 1900 и 2100."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name_ru} ({self.library}, {self.period.code})"

    def name(self, language: str) -> str:
        return (self.name_kk if language == "kk" else "") or self.name_ru


class Recognition(DatedLibraryFact):
    """A partner, a project or an award of a library (or, marked so, of the whole ЦБС)."""

    class Kind(models.TextChoices):
        PARTNER = "partner", _("партнёр")
        PROJECT = "project", _("проект")
        AWARD = "award", _("награда")

    kind = models.CharField(_("вид"), max_length=20, choices=Kind.choices)
    name_ru = models.CharField(_("название (рус.)"), max_length=500)
    name_kk = models.CharField(_("название (каз.)"), max_length=500, blank=True)
    whole_system = models.BooleanField(
        _("всей ЦБС"),
        default=False,
        help_text=_("Партнёр, проект или награда ЦБС в целом: в отчёте без пометки библиотеки."),
    )
    note = models.CharField(_("примечание"), max_length=500, blank=True)
    note_kk = models.CharField(_("примечание (каз.)"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("партнёр, проект, награда")
        verbose_name_plural = _("партнёры, проекты, награды")
        ordering = ["-date", "kind", "name_ru"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.name_ru}"

    def name(self, language: str) -> str:
        return (self.name_kk if language == "kk" else "") or self.name_ru

    def note_in(self, language: str) -> str:
        return (self.note_kk if language == "kk" else "") or self.note
