"""The registry of kinds of data: every kind the ЦБС records, declared once.

Roles' permissions, the import/export sheets, completeness, the «no data»
check, the periods with data, the admin index and the test factories all read
`KINDS`; a test fails when a kind lacks a sheet, a label or a factory.

Declare a kind with `Kind(...)` in `KINDS` below (or `register(Kind(...))` from
an app's `ready()`):

    Kind(
        "visits",                       # code: stable, the completeness key
        "events.Visits",                # the model, "app_label.ModelName"
        owner=LIBRARY,                  # LIBRARY or ORGANIZATION
        binding=PER_PERIOD,             # DATED, PER_PERIOD, STATE or STANDING
        rights=LIBRARY_FACT,            # {role: actions}; presets below
        sheet=Sheet("Посещения"),       # the import/export sheet (None: not in files)
        label=_("Посещения"),           # its completeness column (facts only)
        figures=(Figure("visits", Sum("visits")),),  # per-library figures, summed
    )

Models are named by label, not imported, so this module imports no app.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Aggregate, Count, Model, Sum
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Roles (the names of their auth groups).
LIBRARIAN = "Библиотекарь"
METHODOLOGIST = "Методист"
DIRECTOR = "Директор"
# Above the ЦБС: the region's methodologist (the oblast library's methodological
# department) and its management. They read every member ЦБС's rows and change
# none: their rights are derived (`role_permissions`), view on every kind.
REGION_METHODOLOGIST = "Методист региона"
REGION_MANAGEMENT = "Руководство региона"
REGION_ROLES = (REGION_METHODOLOGIST, REGION_MANAGEMENT)
ROLES = (LIBRARIAN, METHODOLOGIST, DIRECTOR, *REGION_ROLES)

# Who owns a row: one library, or the ЦБС as a whole.
LIBRARY = "library"
ORGANIZATION = "organization"

# How a row binds to time.
DATED = "dated"  # happens on a day (a receipt, an event): its period follows from `date`
PER_PERIOD = "period"  # a total for a whole half-year: carries `period`
STATE = "state"  # true at a moment (a fund size, a record count): `date` of the snapshot
STANDING = "standing"  # not bound to time (a list value, a library, a social page)

VIEW = ("view",)
ALL = ("view", "add", "change", "delete")

# Rights presets: {role: actions on the model}.
LIBRARY_FACT = {LIBRARIAN: ALL, METHODOLOGIST: ALL, DIRECTOR: VIEW}
PICK_LIST = {LIBRARIAN: VIEW, METHODOLOGIST: ALL, DIRECTOR: VIEW}
ORGANIZATION_RECORD = {METHODOLOGIST: ALL, DIRECTOR: VIEW}
# A library's row the methodologist keeps (its plans): its librarian reads it.
LIBRARY_PLAN = {LIBRARIAN: VIEW, METHODOLOGIST: ALL, DIRECTOR: VIEW}

# Figure rules: how a library's figure for a year follows from its halves.
SUM = "sum"  # a flow: the halves add up (events, copies received)
AT_END = "at_end"  # a state: the latest half's value (subscribers)
# A count of items that recur in both halves (titles subscribed): the larger half's.
MAX = "max"


@dataclass(frozen=True)
class Sheet:
    """The kind's sheet in import/export files (see dataio.schema)."""

    title: str  # Russian, never translated: it is the file format (≤ 31 characters)
    # Reference data is matched by these fields and updated; facts are only added.
    key: tuple[str, ...] = ()
    # Fields applied after every sheet is in (a status closing a period).
    deferred: tuple[str, ...] = ()
    in_admin: bool = True  # offered by the admin's import/export buttons
    # Columns added after files were made: a file without them still imports (a new
    # row takes the default, an existing one keeps its value).
    optional: tuple[str, ...] = ()
    # Facts saved one at a time, not in batches: a row's check reads the rows stored
    # before it (a write-off's fund).
    row_by_row: bool = False
    # "app.module.function"(obj, values) that applies the deferred fields through the
    # kind's own workflow (a report's status), raising ValidationError; applied before
    # the sheets without one, whose fields are set, cleaned and saved.
    apply_deferred: str = ""


@dataclass(frozen=True)
class Figure:
    """A per-library figure computed from the kind's rows by a plain aggregate.

    Used for kinds whose figure needs no rule of its own (a period total);
    kinds with a rule of their own (the fund ledger) have an app selector.
    """

    name: str
    aggregate: Aggregate
    rule: str = SUM
    label: Promise | str = ""
    # A key figure is a dashboard card and a row of the report's key figures (the XLSX
    # summary). False: a detail (a fund's part by language, users by age) that is still
    # read per library, a figure code (the annex) and compared by the checks.
    key: bool = True


@dataclass(frozen=True)
class Kind:
    code: str
    model: str  # "app_label.ModelName"
    owner: str = LIBRARY
    binding: str = DATED
    rights: dict = field(default_factory=dict)
    sheet: Sheet | None = None
    # A fact's name in completeness (its column) and in the figures' tables; other
    # kinds are named by their model's verbose name.
    label: Promise | str = ""
    # Kinds sharing a column are counted together (listed and total media mentions).
    column: str = ""
    # What completeness counts per library: rows by default (COUNT(*): the count of
    # rows, read from the index on the library and the date, without the table).
    entered: Aggregate = field(default_factory=lambda: Count("*"))
    # Whether a library or the ЦБС enters it for a span (False: lists, libraries…).
    in_completeness: bool = True
    figures: tuple[Figure, ...] = ()

    @property
    def model_class(self) -> type[Model]:
        return apps.get_model(self.model)

    @property
    def app_label(self) -> str:
        return self.model.split(".")[0]

    @property
    def model_name(self) -> str:
        return self.model.split(".")[1].lower()

    @property
    def title(self) -> Promise | str:
        return self.label or self.model_class._meta.verbose_name_plural

    @property
    def column_code(self) -> str:
        return self.column or self.code

    @property
    def is_fact(self) -> bool:
        """Recorded for a span (completeness, «no data», periods with data read it)."""
        return self.binding != STANDING and self.in_completeness


def _details(rule: str, prefix: str, fields: tuple) -> tuple[Figure, ...]:
    """Figures that are no key figures (key=False), one per field: `<prefix>_<field>`
    sums the field (its rule says how a year follows from its halves)."""
    return tuple(
        Figure(f"{prefix}_{name}", Sum(name), rule, label, key=False) for name, label in fields
    )


# The methodologist's wording of a printed item (branches.wording), added after files
# were made.
WORDING_COLUMNS = ("wording_ru", "wording_kk")

# The premises' columns of a library's state (issue 27), added after files were made.
PREMISES_COLUMNS = (
    "computers_internet", "condition", "last_repair_year", "last_repair_kind", "fire_alarm",
    "security_alarm", "accessible",
)  # fmt: skip
# The reference work's figures (services.ReferenceWork): code, field, label.
REFERENCE_FIGURES = (
    ("refs_total", "references", _("Справок выполнено (справочная работа)")),
    ("refs_remote", "remote", _("из них удалённо")),
    ("refs_thematic", "thematic", _("Тематических справок")),
    ("refs_factual", "factual", _("Фактографических справок")),
    ("refs_address", "address", _("Адресных справок")),
    ("refs_clarifying", "clarifying", _("Уточняющих справок")),
    ("information_days", "information_days", _("Дней информации")),
    ("library_lessons", "library_lessons", _("Библиотечных уроков")),
    ("reviews", "reviews", _("Обзоров литературы")),
    ("ill_received", "ill_received", _("МБА: получено запросов")),
    ("ill_sent", "ill_sent", _("МБА: отправлено запросов")),
    ("ill_supplied", "ill_supplied", _("МБА: выдано документов")),
    ("edd_received", "edd_received", _("ЭДД: получено запросов")),
    ("edd_sent", "edd_sent", _("ЭДД: отправлено запросов")),
    ("edd_supplied", "edd_supplied", _("ЭДД: выдано документов")),
)

KINDS: list[Kind] = [
    # The organization itself: what a library belongs to and when.
    Kind(
        "organizations",
        "branches.Organization",
        owner=ORGANIZATION,
        binding=STANDING,
        # A methodologist corrects their organization's card but never creates or
        # deletes one: that is the superuser's job.
        rights={METHODOLOGIST: ("view", "change"), DIRECTOR: VIEW},
        sheet=Sheet(
            "ЦБС",
            key=("code",),
            # The annual report's signature (issue 27) and the Kazakh short name: a file
            # (or a package) made before them has none.
            optional=(
                "short_name_kk",
                "director_position_ru",
                "director_position_kk",
                "director_name",
                "executor_name",
                "phone",
            ),
        ),
    ),
    Kind(
        "libraries",
        "branches.Library",
        owner=ORGANIZATION,
        binding=STANDING,
        # Libraries and periods are seen by a librarian only to pick them in forms.
        rights={LIBRARIAN: VIEW, METHODOLOGIST: ALL, DIRECTOR: VIEW},
        sheet=Sheet("Библиотеки", key=("code",), optional=("short_name_kk",)),
    ),
    Kind(
        "periods",
        "branches.ReportingPeriod",
        owner=ORGANIZATION,
        binding=STANDING,
        rights={LIBRARIAN: VIEW, METHODOLOGIST: ALL, DIRECTOR: VIEW},
        sheet=Sheet("Отчётные периоды", key=("year", "half"), deferred=("status",)),
    ),
    Kind(
        "staff",
        "branches.StaffProfile",
        owner=ORGANIZATION,
        binding=STANDING,
        rights=ORGANIZATION_RECORD,
    ),
    # The pick lists: the methodologist edits them, everybody reads them.
    Kind("platforms", "branches.Platform", owner=ORGANIZATION, binding=STANDING,
         rights=PICK_LIST, sheet=Sheet("Платформы", key=("code",))),
    Kind("funding_sources", "holdings.FundingSource", owner=ORGANIZATION, binding=STANDING,
         rights=PICK_LIST, sheet=Sheet("Источники поступления", key=("code",))),
    Kind("writeoff_reasons", "holdings.WriteOffReason", owner=ORGANIZATION, binding=STANDING,
         rights=PICK_LIST, sheet=Sheet("Причины списания", key=("code",))),
    Kind("catalogue_databases", "catalogue.CatalogueDatabase", owner=ORGANIZATION,
         binding=STANDING, rights=PICK_LIST, sheet=Sheet("Базы каталога", key=("code",))),
    Kind("document_kinds", "digitization.DocumentKind", owner=ORGANIZATION, binding=STANDING,
         rights=PICK_LIST, sheet=Sheet("Виды документов", key=("code",))),
    Kind("publication_kinds", "publications.PublicationKind", owner=ORGANIZATION,
         binding=STANDING, rights=PICK_LIST, sheet=Sheet("Виды изданий", key=("code",))),
    Kind("event_forms", "events.EventForm", owner=ORGANIZATION, binding=STANDING,
         rights=PICK_LIST, sheet=Sheet("Формы мероприятий", key=("code",))),
    Kind("initiatives", "events.Initiative", owner=ORGANIZATION, binding=STANDING,
         rights=PICK_LIST, sheet=Sheet("Инициативы, программы", key=("code",))),
    Kind("audiences", "events.Audience", owner=ORGANIZATION, binding=STANDING,
         rights=PICK_LIST, sheet=Sheet("Категории аудитории", key=("code",))),
    # The Kazakh forms of frequent phrases the event form suggests (events.glossary).
    Kind("glossary", "events.GlossaryEntry", owner=ORGANIZATION, binding=STANDING,
         rights=PICK_LIST, sheet=Sheet("Глоссарий", key=("code",))),
    # The libraries' facts and the ЦБС's own figures.
    Kind("social_pages", "branches.SocialPage", binding=STANDING, rights=LIBRARY_FACT,
         sheet=Sheet("Страницы в соцсетях")),
    Kind("budget", "holdings.AcquisitionBudget", owner=ORGANIZATION, binding=PER_PERIOD,
         rights=ORGANIZATION_RECORD, sheet=Sheet("Бюджет комплектования"),
         label=_("Бюджет комплектования")),
    # Snapshots and receipts before write-offs: an imported write-off is
    # checked against the fund they make up.
    Kind("fund_snapshots", "holdings.FundSnapshot", binding=STATE, rights=LIBRARY_FACT,
         sheet=Sheet("Состояния фонда"), label=_("Состояние фонда")),
    Kind("receipts", "holdings.Receipt", rights=LIBRARY_FACT, sheet=Sheet("Поступления"),
         label=_("Поступления")),
    Kind("writeoffs", "holdings.WriteOff", rights=LIBRARY_FACT,
         sheet=Sheet("Списания", row_by_row=True), label=_("Списания")),
    # Completeness counts the databases recounted, not the rows.
    Kind("catalogue", "catalogue.RecordCount", binding=STATE, rights=LIBRARY_FACT,
         sheet=Sheet("Объёмы баз каталога"), label=_("Каталог"),
         entered=Count("database", distinct=True)),
    Kind("virtual_references", "catalogue.VirtualReferences", binding=PER_PERIOD,
         rights=LIBRARY_FACT, sheet=Sheet("Виртуальные справки"), label=_("Справки")),
    Kind("digitization_plan", "digitization.DigitizationPlan", owner=ORGANIZATION,
         binding=PER_PERIOD, rights=ORGANIZATION_RECORD, sheet=Sheet("План оцифровки"),
         label=_("План оцифровки")),
    Kind("digitized", "digitization.DigitizedDocument", rights=LIBRARY_FACT,
         sheet=Sheet("Оцифрованные документы"), label=_("Оцифровка")),
    Kind("publications", "publications.Publication", rights=LIBRARY_FACT,
         sheet=Sheet("Издания библиотек", optional=WORDING_COLUMNS), label=_("Издания")),
    Kind("media", "publications.MediaMention", rights=LIBRARY_FACT,
         sheet=Sheet("Публикации в СМИ", optional=WORDING_COLUMNS), label=_("СМИ")),
    Kind("media_totals", "publications.MediaMentionTotal", binding=PER_PERIOD,
         rights=LIBRARY_FACT, sheet=Sheet("Публикации в СМИ итогом"), label=_("СМИ"),
         column="media"),
    Kind("events", "events.Event", rights=LIBRARY_FACT,
         sheet=Sheet("Мероприятия",
                     optional=("series_kind", "series", "note_in_report", "position",
                               "audiences", "title_kk", "dedication_kk", "series_kk",
                               "audience_kk", "guests_kk", "note_kk", "whole_system", "direction",
                               *WORDING_COLUMNS)),
         label=_("Мероприятия")),
    Kind("online", "events.OnlineFigures", binding=PER_PERIOD, rights=LIBRARY_FACT,
         sheet=Sheet("Онлайн-работа"), label=_("Онлайн")),
    # The fund's structure, subscriptions, users by group, outreach (collection/; the annual
    # report's sections). Their figures are codes and checks, not key figures (key=False).
    Kind("knowledge_branches", "collection.KnowledgeBranch", owner=ORGANIZATION,
         binding=STANDING, rights=PICK_LIST, sheet=Sheet("Отрасли знаний (ББК)", key=("code",))),
    Kind("fund_structure", "collection.FundStructure", binding=PER_PERIOD, rights=LIBRARY_FACT,
         sheet=Sheet("Структура фонда"), label=_("Структура фонда"),
         figures=_details(AT_END, "structure", (
             ("total", _("Фонд по структуре, экз.")),
             ("books", _("Фонд: книги")),
             ("periodicals", _("Фонд: периодические издания")),
             ("electronic", _("Фонд: электронные издания")),
             ("audiovisual", _("Фонд: аудиовизуальные документы")),
             ("other_media", _("Фонд: прочие документы")),
             ("kazakh", _("Фонд на казахском языке")),
             ("russian", _("Фонд на русском языке")),
             ("other_languages", _("Фонд на других языках")),
         ))),
    Kind("fund_branches", "collection.FundBranchCopies", binding=PER_PERIOD,
         rights=LIBRARY_FACT, sheet=Sheet("Фонд по отраслям знаний"),
         label=_("Фонд по ББК"),
         figures=(Figure("structure_by_branches", Sum("copies"), AT_END,
                         _("Фонд по отраслям знаний, экз."), key=False),)),
    Kind("subscriptions", "collection.Subscription", binding=PER_PERIOD, rights=LIBRARY_FACT,
         sheet=Sheet("Подписка"), label=_("Подписка"),
         figures=(
             *_details(MAX, "subscription", (
                 ("titles", _("Подписка: наименований")),
                 ("titles_kk", _("Подписка: наименований на казахском языке")),
             )),
             *_details(SUM, "subscription", (
                 ("copies", _("Подписка: экземпляров")),
                 ("copies_kk", _("Подписка: экземпляров на казахском языке")),
                 ("amount", _("Подписка: сумма, тенге")),
             )),
         )),
    Kind("user_groups", "collection.UserGroups", binding=PER_PERIOD, rights=LIBRARY_FACT,
         sheet=Sheet("Пользователи по группам"), label=_("Группы пользователей"),
         figures=_details(AT_END, "group", (
             ("total", _("Пользователи по группам, всего")),
             ("children", _("Пользователи: дети до 14 лет")),
             ("youth", _("Пользователи: молодёжь 15–30 лет")),
             ("adults", _("Пользователи: взрослые")),
             ("pensioners", _("Пользователи: пенсионеры")),
             ("disabled", _("Пользователи: люди с инвалидностью")),
         ))),
    Kind("outreach", "collection.OutreachService", binding=PER_PERIOD, rights=LIBRARY_FACT,
         sheet=Sheet("Внестационарное обслуживание"), label=_("Внестационарное"),
         figures=(
             *_details(AT_END, "outreach", (
                 ("points_users", _("Пункты внестационарного обслуживания: пользователей")),
                 ("mobile_users", _("Выездное обслуживание: пользователей")),
             )),
             *_details(SUM, "outreach", (
                 ("points_visits", _("Пункты внестационарного обслуживания: посещений")),
                 ("points_loans", _("Пункты внестационарного обслуживания: книговыдача")),
                 ("mobile_trips", _("Выездное обслуживание: выездов")),
                 ("mobile_visits", _("Выездное обслуживание: посещений")),
                 ("mobile_loans", _("Выездное обслуживание: книговыдача")),
             )),
         )),
    # The main indicators (indicators/): the work log, plans, the network's states.
    # Their figures have rules of their own (a reader counts once a year): the
    # selectors in indicators/selectors.py.
    Kind("work_log", "indicators.WorkLogEntry", rights=LIBRARY_FACT,
         sheet=Sheet("Дневник работы"), label=_("Дневник работы")),
    Kind("indicator_plans", "indicators.IndicatorPlan", binding=STANDING, rights=LIBRARY_PLAN,
         sheet=Sheet("Планы показателей"), in_completeness=False),
    Kind("library_states", "indicators.LibraryState", binding=STATE, rights=LIBRARY_FACT,
         sheet=Sheet("Сеть — библиотеки", optional=PREMISES_COLUMNS), label=_("Сеть")),
    Kind("staff_states", "indicators.StaffState", binding=STATE, rights=LIBRARY_FACT,
         sheet=Sheet("Сеть — кадры"), label=_("Кадры")),
    # The ЦБС's own rows for the annual report (management/): its methodical work and
    # its money, per half-year (a year adds its halves, as the acquisition budget).
    Kind("methodical_work", "management.MethodicalWork", owner=ORGANIZATION,
         binding=PER_PERIOD, rights=ORGANIZATION_RECORD, sheet=Sheet("Методическая работа"),
         label=_("Методическая работа")),
    Kind("finance", "management.Finance", owner=ORGANIZATION, binding=PER_PERIOD,
         rights=ORGANIZATION_RECORD, sheet=Sheet("Финансирование"), label=_("Финансирование")),
    # Services to readers (services/, the annual report's sections): reference work
    # with МБА/ЭДД, clubs, partners. Their figures are codes for the annex and the
    # checks, not the dashboard's cards (key=False).
    Kind("reference_work", "services.ReferenceWork", binding=PER_PERIOD, rights=LIBRARY_FACT,
         sheet=Sheet("Справочная работа, МБА"), label=_("Справочная работа"),
         figures=tuple(Figure(name, Sum(field), label=label, key=False)
                       for name, field, label in REFERENCE_FIGURES)),
    Kind("clubs", "services.ClubWork", binding=PER_PERIOD, rights=LIBRARY_FACT,
         sheet=Sheet("Клубы по интересам"), label=_("Клубы"),
         figures=(
             # A year's clubs and members are its latest half's; meetings add up.
             Figure("clubs", Count("pk"), rule=AT_END, label=_("Клубов по интересам"),
                    key=False),
             Figure("club_members", Sum("members"), rule=AT_END,
                    label=_("Участников клубов"), key=False),
             Figure("club_meetings", Sum("meetings"), label=_("Заседаний клубов"), key=False),
         )),
    Kind("recognitions", "services.Recognition", rights=LIBRARY_FACT,
         sheet=Sheet("Партнёры, проекты, награды"), label=_("Партнёры, награды")),
    # The report of each period (its status) and its narrative texts.
    Kind("reports", "reports.Report", owner=ORGANIZATION, binding=STANDING,
         rights={METHODOLOGIST: (*ALL, "approve"), DIRECTOR: VIEW},
         sheet=Sheet("Отчёты", key=("period",), deferred=("status",), in_admin=False,
                     optional=("untranslated", "untranslated_items_noted"),
                     apply_deferred="reports.restoring.report_status_restore")),
    Kind("section_texts", "reports.SectionText", owner=ORGANIZATION, binding=STANDING,
         rights=ORGANIZATION_RECORD,
         sheet=Sheet("Тексты разделов", key=("report", "section"), in_admin=False,
                     optional=("text_after_ru", "text_after_kk"))),
]  # fmt: skip


# Models of the data apps that hold no data but what is derived from it (a report's file,
# written by the task worker): they are no kind, and writing them changes no figure
# (datacache moves no data version for them).
DERIVED: set[str] = {"reports.ReportFile"}

# Models of a kind's app that are no kind of data: the lock state's rows (a
# hand-in and its moves), written only by `branches.lockstate`, with no sheet and
# no completeness. The roles' rights on them are declared here all the same:
# the role groups hold exactly the declared permissions of a kind's app.
RECORD_RIGHTS: dict[str, dict] = {
    "branches.HandIn": {METHODOLOGIST: VIEW, DIRECTOR: VIEW},
    "branches.HandInTransition": {METHODOLOGIST: VIEW, DIRECTOR: VIEW},
    # A ЦБС's hand-in of its approved report to its region: moved only through
    # `handin.region` (the ЦБС's methodologist sends, the region's accepts or returns).
    "branches.RegionHandIn": {METHODOLOGIST: VIEW, DIRECTOR: VIEW},
    "branches.RegionHandInTransition": {METHODOLOGIST: VIEW, DIRECTOR: VIEW},
    # The levels above the ЦБС: the superuser keeps them; the region's roles read
    # their own region (as every record, `role_permissions`), a ЦБС's roles need not.
    "branches.Region": {},
    "branches.Republic": {},
}


def register(kind: Kind) -> Kind:
    """Add a kind declared outside this module (an app's `ready()`, a test app)."""
    if any(k.code == kind.code or k.model == kind.model for k in KINDS):
        raise ValueError(f"kind {kind.code} ({kind.model}) is already registered")
    KINDS.append(kind)
    return kind


def kind_by_code(code: str) -> Kind:
    for kind in KINDS:
        if kind.code == code:
            return kind
    raise KeyError(code)


def kind_for(model) -> Kind | None:
    """The kind of a model class (or None for a model that is no kind of data)."""
    found = _kinds_by_label().get(model._meta.label_lower)
    return None if found is None else found[1]


def kind_order(model) -> int | None:
    """The place of the model's kind in the registry's order (None: no kind of data)."""
    found = _kinds_by_label().get(model._meta.label_lower)
    return None if found is None else found[0]


_BY_LABEL: dict[str, tuple[int, Kind]] = {}


def _kinds_by_label() -> dict[str, tuple[int, Kind]]:
    """{model label: (place, kind)}, built again when a kind was registered since (the
    admin's index asks for each of its models on every page: a dict, not a walk)."""
    if len(_BY_LABEL) != len(KINDS):
        _BY_LABEL.clear()
        _BY_LABEL.update((kind.model.lower(), (i, kind)) for i, kind in enumerate(KINDS))
    return _BY_LABEL


def facts(owner: str | None = None) -> list[Kind]:
    """Kinds recorded for a span, in the registry's order; of one owner if given."""
    return [k for k in KINDS if k.is_fact and (owner is None or k.owner == owner)]


def completeness_columns(owner: str = LIBRARY) -> list[tuple[str, Promise | str]]:
    """(column code, label) of the completeness table, in the registry's order."""
    columns: dict[str, Promise | str] = {}
    for kind in facts(owner):
        columns.setdefault(kind.column_code, kind.label)
    return list(columns.items())


def role_permissions() -> dict[str, list[tuple[str, str]]]:
    """{role: [(app_label, codename)]} from the kinds' rights and RECORD_RIGHTS; the
    region's roles view every one of them (and `branches.scoping` narrows the rows
    to their region's ЦБС)."""
    result: dict[str, list[tuple[str, str]]] = {role: [] for role in ROLES}
    rights = [(kind.model, kind.rights) for kind in KINDS] + list(RECORD_RIGHTS.items())
    for label, by_role in rights:
        app_label, model_name = label.lower().split(".")
        for role, actions in {**by_role, **dict.fromkeys(REGION_ROLES, VIEW)}.items():
            result[role] += [(app_label, f"{a}_{model_name}") for a in actions]
    return result
