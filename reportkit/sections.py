"""The report's sections, in the seed's order, with their codes and titles.

The codes are shared with the demo loader (narrative texts per section) and
the dashboard; the titles are Russian source strings translated through
reports/locale/kk.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class SectionDef:
    code: str
    title: Promise
    level: int = 1  # 1: a chapter of the report; 2: a part of the chapter above it
    heading: bool = True  # False: printed as the closing lines of the part above, untitled


NETWORK = "network"
CONTROL = "control"
RESOURCES = "resources"
MASS_WORK = "mass_work"
LOCAL_HISTORY = "local_history"
BIBLIOGRAPHY = "bibliography"
PUBLISHING = "publishing"
MEDIA = "media"
EVENTS = "events"
PARASAT = "parasat"
KITAP_FEST = "kitap_fest"
CHALLENGES = "challenges"
ZOOM = "zoom"
LIVE = "live"
ONLINE_ACTIONS = "online_actions"
LITERARY = "literary"
LOCAL = "local"
ONE_COUNTRY_ONE_BOOK = "one_country_one_book"
CHILDREN_READING = "children_reading"
TOTALS = "totals"

SECTIONS: list[SectionDef] = [
    SectionDef(NETWORK, _("I. Библиотечная сеть")),
    SectionDef(CONTROL, _("II. Основные (контрольные) показатели")),
    SectionDef(RESOURCES, _("III. Библиотечные ресурсы: формирование фонда документов ЦБС")),
    SectionDef(MASS_WORK, _("IV. Массовая работа")),
    SectionDef(
        LOCAL_HISTORY,
        _("V. Краеведческая деятельность библиотек. Работа по оцифровке документов"),
    ),
    SectionDef(BIBLIOGRAPHY, _("VI. Библиографическая деятельность")),
    SectionDef(PUBLISHING, _("Издательская деятельность ЦБС"), level=2),
    SectionDef(MEDIA, _("Реклама библиотеки и имиджевые мероприятия")),
    SectionDef(EVENTS, _("Информационно-библиотечная поддержка значимых мероприятий")),
    SectionDef(PARASAT, _("Центр «Парасат жолы»"), level=2),
    SectionDef(KITAP_FEST, _("Книжный фестиваль «KITAP FEST»"), level=2),
    SectionDef(CHALLENGES, _("Челленджи"), level=2),
    SectionDef(ZOOM, _("На платформе Zoom"), level=2),
    SectionDef(LIVE, _("Прямые эфиры"), level=2),
    SectionDef(ONLINE_ACTIONS, _("Онлайн-акции, конкурсы и др."), level=2),
    SectionDef(LITERARY, _("Значимые литературные события"), level=2),
    SectionDef(LOCAL, _("Крупные события местного значения"), level=2),
    SectionDef(ONE_COUNTRY_ONE_BOOK, _("В рамках акции «Одна страна – одна книга»"), level=2),
    SectionDef(CHILDREN_READING, _("Год поддержки детского и юношеского чтения"), level=2),
    SectionDef(TOTALS, _("Итоги онлайн-работы"), level=2, heading=False),
]

# The groups of «events» that list events; TOTALS closes the chapter with its sums.
EVENT_GROUPS = {s.code for s in SECTIONS if s.level == 2} - {PUBLISHING, TOTALS}

SECTION_BY_CODE = {section.code: section for section in SECTIONS}

# The annual report's own sections (issue 27): a year's report prints them after the
# half-year's sections computed for the year, in this order, then the signature block.
# A half-year report never prints them. Each is filled by the report part a domain app
# registers for its code (`reportkit.parts`); «conclusions» is the methodologist's text only.
FUND_STRUCTURE = "fund_structure"
USER_GROUPS = "user_groups"
REFERENCE_WORK = "reference_work"
CLUBS = "clubs"
METHODICAL_WORK = "methodical_work"
FINANCE = "finance"
PARTNERS = "partners"
CONCLUSIONS = "conclusions"

ANNUAL_SECTIONS: list[SectionDef] = [
    SectionDef(FUND_STRUCTURE, _("Структура фонда. Подписка на периодические издания")),
    SectionDef(USER_GROUPS, _("Пользователи по группам. Внестационарное обслуживание")),
    SectionDef(
        REFERENCE_WORK,
        _("Справочно-библиографическое и информационное обслуживание. МБА и ЭДД"),
    ),
    SectionDef(CLUBS, _("Клубы по интересам. Массовая работа по направлениям")),
    SectionDef(METHODICAL_WORK, _("Методическая работа и повышение квалификации кадров")),
    SectionDef(FINANCE, _("Финансирование и материально-техническая база")),
    SectionDef(PARTNERS, _("Партнёры, проекты, награды")),
    SectionDef(CONCLUSIONS, _("Выводы и проблемы")),
]
# Sections whose only content is the methodologist's narrative: no part fills them.
NARRATIVE_ONLY = {CONCLUSIONS}

ANNUAL_SECTION_BY_CODE = {section.code: section for section in ANNUAL_SECTIONS}
# Every section a report may print (a year's report: both lists).
ALL_SECTION_BY_CODE = SECTION_BY_CODE | ANNUAL_SECTION_BY_CODE
SECTION_CHOICES = [(section.code, section.title) for section in SECTIONS + ANNUAL_SECTIONS]

# Which events fill which group is decided in one place: events/selectors.py (event_groups).
