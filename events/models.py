"""Events and the online-work figures of each library."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from branches.facts import DatedLibraryFact, LibraryPeriodFact
from branches.lists import ListItem
from branches.models import Platform
from branches.wording import ReportWording, wording_field


class EventForm(ListItem):
    """Challenge, live broadcast, master class, quiz, action, contest, TikTok..."""

    history = HistoricalRecords()

    class Meta(ListItem.Meta):
        verbose_name = _("форма мероприятия")
        verbose_name_plural = _("формы мероприятий")


class Initiative(ListItem):
    """A programme, centre or campaign events belong to: «Парасат жолы», «KITAP FEST»..."""

    description_ru = models.TextField(_("описание (рус.)"), blank=True)
    description_kk = models.TextField(_("описание (каз.)"), blank=True)
    history = HistoricalRecords()

    class Meta(ListItem.Meta):
        verbose_name = _("инициатива, программа")
        verbose_name_plural = _("инициативы, программы")


class Audience(ListItem):
    """Who an event was for: children, youth, adults... An event may have several."""

    history = HistoricalRecords()

    class Meta(ListItem.Meta):
        verbose_name = _("категория аудитории")
        verbose_name_plural = _("категории аудитории")


class GlossaryEntry(ListItem):
    """A phrase of event texts and its regular Kazakh form: «для старшеклассников» →
    «жоғары сынып оқушыларына арналған», «ко Дню Независимости» → «Тәуелсіздік күніне
    орай», or a pattern with {n} (a number) and {name} (a person, as after «к … -летию»):
    «к {n}-летию {name}» → «{name} туғанына {n} жыл толуына орай», {name} in the Kazakh
    genitive («Ж.Жабаевтың»). The event form offers what it composes as a suggestion."""

    history = HistoricalRecords()

    class Meta(ListItem.Meta):
        verbose_name = _("фраза глоссария")
        verbose_name_plural = _("глоссарий: казахские формы фраз")


class SeriesKind(models.TextChoices):
    CLUB = "club", _("клуб")
    CIRCLE = "circle", _("кружок")
    PROJECT = "project", _("проект")
    RUBRIC = "rubric", _("рубрика")
    PROGRAMME = "programme", _("программа")


# How each kind reads inside a sentence: Russian genitive after «в рамках», Kazakh
# possessive before «аясында». Words of the report's text, not of the interface.
SERIES_WORDS = {
    SeriesKind.CLUB: ("клуба", "клубы"),
    SeriesKind.CIRCLE: ("кружка", "үйірмесі"),
    SeriesKind.PROJECT: ("проекта", "жобасы"),
    SeriesKind.RUBRIC: ("рубрики", "айдары"),
    SeriesKind.PROGRAMME: ("программы", "бағдарламасы"),
}


# The event's texts the report prints that have a Kazakh version `<name>_kk`.
KAZAKH_TEXTS = ("title", "series", "dedication", "audience", "guests", "note")
# Of them, names: wholly in quotes they read the same in either language.
NAME_TEXTS = ("title", "series")
# Each text's field and its Kazakh version's, named once (read per event and per line).
KAZAKH_FIELDS = {name: f"{name}_kk" for name in KAZAKH_TEXTS}


def wholly_quoted(text: str) -> bool:
    """«Name» or «Name «inner»», with nothing outside the outer quotes."""
    text = text.strip()
    if not (text.startswith("«") and text.endswith("»")):
        return False
    depth = 0
    for index, char in enumerate(text):
        depth += {"«": 1, "»": -1}.get(char, 0)
        if depth == 0 and index < len(text) - 1:
            return False
    return depth == 0


class Direction(models.TextChoices):
    """The subject area of an event, as the annual report counts mass work by direction."""

    PATRIOTIC = "patriotic", _("патриотическое воспитание")
    LEGAL = "legal", _("правовое просвещение")
    ECOLOGICAL = "ecological", _("экологическое просвещение")
    HEALTHY = "healthy", _("здоровый образ жизни")
    LOCAL_HISTORY = "local_history", _("краеведение")
    STATE_LANGUAGE = "state_language", _("государственный язык")
    READING = "reading", _("продвижение чтения")
    OTHER = "other", _("другое")


class Event(ReportWording, DatedLibraryFact):
    class Highlight(models.TextChoices):
        NONE = "", _("—")
        LITERARY = "literary", _("значимое литературное событие")
        LOCAL = "local", _("крупное событие местного значения")

    title = models.CharField(_("название"), max_length=500)
    title_kk = models.CharField(
        _("название (каз.)"),
        max_length=500,
        blank=True,
        help_text=_(
            "Как название читается в казахском отчёте: слова формы по-казахски, "
            "название в кавычках — как есть. Пусто — если всё название в кавычках."
        ),
    )
    form = models.ForeignKey(EventForm, verbose_name=_("форма"), on_delete=models.PROTECT)
    is_online = models.BooleanField(_("онлайн"), default=False)
    platforms = models.ManyToManyField(Platform, verbose_name=_("платформы"), blank=True)
    initiatives = models.ManyToManyField(
        Initiative, verbose_name=_("инициативы, программы"), blank=True
    )
    highlight = models.CharField(
        _("выделить в отчёте"), max_length=10, choices=Highlight.choices, blank=True, default=""
    )
    direction = models.CharField(
        _("направление"),
        max_length=20,
        choices=Direction.choices,
        blank=True,
        default="",
        help_text=_("Для годового отчёта: массовая работа по направлениям."),
    )
    dedication = models.CharField(
        _("посвящено"), max_length=300, blank=True, help_text=_("Например: к 175-летию Ж.Жабаева.")
    )
    dedication_kk = models.CharField(
        _("посвящено (каз.)"),
        max_length=300,
        blank=True,
        help_text=_("Например: Ж.Жабаевтың туғанына 175 жыл толуына орай."),
    )
    series_kind = models.CharField(
        _("в рамках (что)"), max_length=10, choices=SeriesKind.choices, blank=True, default=""
    )
    series = models.CharField(
        _("в рамках (название)"),
        max_length=300,
        blank=True,
        help_text=_("Клуб, кружок, проект, рубрика, в которых прошло мероприятие: «33 идеи»."),
    )
    series_kk = models.CharField(
        _("в рамках (название, каз.)"),
        max_length=300,
        blank=True,
        help_text=_("Пусто — если всё название в кавычках: оно печатается как есть."),
    )
    # The words the report prints («для старшеклассников») stay text; the
    # categories below are what section IV counts by.
    audience = models.CharField(
        _("аудитория"),
        max_length=300,
        blank=True,
        help_text=_("Как в тексте отчёта: для старшеклассников."),
    )
    audience_kk = models.CharField(
        _("аудитория (каз.)"),
        max_length=300,
        blank=True,
        help_text=_("Как в казахском тексте отчёта: жоғары сынып оқушыларына арналған."),
    )
    audiences = models.ManyToManyField(
        Audience,
        verbose_name=_("категории аудитории"),
        blank=True,
        help_text=_(
            "Для кого мероприятие: по ним раздел IV считает мероприятия и участников. "
            "Можно отметить несколько."
        ),
    )
    guests = models.CharField(
        _("гости"),
        max_length=1000,
        blank=True,
        help_text=_("Как в тексте отчёта: с поэтом, журналистом К.Саденовым."),
    )
    guests_kk = models.CharField(_("гости (каз.)"), max_length=1000, blank=True)
    participants = models.PositiveIntegerField(_("участников"), null=True, blank=True)
    views = models.PositiveIntegerField(_("просмотров"), null=True, blank=True)
    url = models.URLField(_("ссылка"), max_length=500, blank=True)
    note = models.TextField(_("примечание"), blank=True)
    note_kk = models.TextField(_("примечание (каз.)"), blank=True)
    note_in_report = models.BooleanField(
        _("печатать примечание в отчёте"),
        default=False,
        help_text=_("Например, участники и победители конкурса, о чём шла беседа."),
    )
    position = models.PositiveIntegerField(
        _("место в списке отчёта"),
        null=True,
        blank=True,
        help_text=_(
            "Порядок в своей группе отчёта: меньший номер печатается выше; "
            "мероприятия без номера идут после них, по дате."
        ),
    )
    wording_ru = wording_field("ru")
    wording_kk = wording_field("kk")
    whole_system = models.BooleanField(
        _("от имени ЦБС в целом"),
        default=False,
        help_text=_(
            "Мероприятие всей ЦБС: в отчёте печатается без пометки библиотеки. "
            "Библиотека остаётся владельцем записи."
        ),
    )

    class Meta:
        verbose_name = _("мероприятие")
        verbose_name_plural = _("мероприятия")
        ordering = ["date", "pk"]
        indexes = [models.Index(fields=["library", "date"])]

    def kazakh_missing(self) -> list[str]:
        """The printed texts that have no Kazakh version: [] when the event can print
        wholly in Kazakh. A note counts only when it is printed; a name wholly in
        quotes («33 идеи») is a name and prints as entered in either language."""
        missing = []
        for name, kazakh in KAZAKH_FIELDS.items():
            value = getattr(self, name).strip()
            if not value or (name == "note" and not self.note_in_report):
                continue
            if getattr(self, kazakh).strip():
                continue
            if name in NAME_TEXTS and wholly_quoted(value):
                continue
            missing.append(name)
        return missing

    def text_language(self, language: str | None = None) -> str:
        """The language the event's line is printed in, for a report in `language`: its
        own Kazakh where every printed text has one, else wholly Russian, as entered."""
        language = (language or get_language() or "ru")[:2]
        return "kk" if language == "kk" and not self.kazakh_missing() else "ru"

    def linked(self, name: str) -> list:
        """The event's `initiatives` or `platforms`: as `events.selectors.events_in` read
        them (no query, no related manager per call), else from the database."""
        prefetched = getattr(self, "_prefetched_objects_cache", {})
        if name in prefetched:
            return prefetched[name]
        return list(getattr(self, name).all())

    def text(self, name: str, language: str) -> str:
        """One of KAZAKH_TEXTS in `language` (from `text_language`)."""
        if language == "kk":
            kazakh = getattr(self, KAZAKH_FIELDS[name]).strip()
            if kazakh:
                return kazakh
        return getattr(self, name)

    def series_phrase(self, language: str | None = None) -> str:
        """«в рамках кружка «33 идеи»» / ««33 идеи» үйірмесі аясында», or ""."""
        if not self.series:
            return ""
        language = (language or get_language() or "ru")[:2]
        ru, kk = SERIES_WORDS.get(self.series_kind, ("", ""))
        series = self.text("series", language)
        if language == "kk":
            return f"{series} {kk} аясында" if kk else f"{series} аясында"
        return f"в рамках {ru} {series}" if ru else f"в рамках {series}"

    def __str__(self) -> str:
        return f"{self.title} ({self.library}, {self.date:%d.%m.%Y})"


class OnlineFigures(LibraryPeriodFact):
    """Online work of a library in a period, as totals (optionally per platform).

    The seed knows 183 online events, 25192 subscribers, 164785 views and 2128
    posts only as totals: they are entered as such, never as invented events.
    """

    platform = models.ForeignKey(
        Platform,
        verbose_name=_("платформа"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Пусто — итог по всем платформам."),
    )
    online_events = models.PositiveIntegerField(_("онлайн-мероприятий"), default=0)
    subscribers = models.PositiveIntegerField(_("подписчиков"), default=0)
    views = models.PositiveIntegerField(_("просмотров"), default=0)
    posts = models.PositiveIntegerField(_("публикаций"), default=0)

    # Admin forms show each constraint's message next to this field.
    constraint_error_fields = {
        "online_figures_unique_per_platform": "platform",
        "online_figures_unique_total": "platform",
    }

    class Meta:
        verbose_name = _("показатели онлайн-работы")
        verbose_name_plural = _("показатели онлайн-работы")
        ordering = ["-period__year", "-period__half", "library__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["library", "period", "platform"],
                name="online_figures_unique_per_platform",
                violation_error_message=_(
                    "Показатели этой библиотеки за период по этой платформе уже внесены."
                ),
            ),
            models.UniqueConstraint(
                fields=["library", "period"],
                condition=models.Q(platform__isnull=True),
                name="online_figures_unique_total",
                violation_error_message=_(
                    "Итоговые показатели этой библиотеки за период уже внесены."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(
                    online_events__gte=0, subscribers__gte=0, views__gte=0, posts__gte=0
                ),
                name="online_figures_not_negative",
                violation_error_message=_("Показатели не могут быть отрицательными."),
            ),
        ]

    def __str__(self) -> str:
        platform = self.platform or _("все платформы")
        return f"{self.library} {self.period.code}: {platform}"
