"""The demo's illustrative figures for the annual report's services sections (issue 27):
reference work with МБА/ЭДД and clubs per library and half-year of 2021, partners,
projects and awards, and the events' directions. Not from the seed: every row says
«иллюстративные данные» in its note. Deterministic: the figures follow from each
library's place and the work log, so loading twice changes nothing.

The references by kind add up to the work log's references of the half-year (the check
`reference_total_differs_from_log`), and the remote ones are never fewer than the virtual
ones: the half-year report's notes stay as they were.
"""

import datetime

from branches.calendar import half_end, half_start
from branches.models import Library, Organization, ReportingPeriod
from events.models import Direction, Event
from indicators.models import WorkLogEntry
from indicators.selectors import worklog_figures
from services.models import Audience, ClubWork, Recognition, ReferenceWork

ILLUSTRATIVE = "иллюстративные данные"
YEAR = 2021

# (name ru, name kk, audience, founded) per library code; the others have one club.
CLUBS = {
    "cgb": [
        ("Литературная гостиная «Шабыт»", "«Шабыт» әдеби қонақжайы", Audience.ADULTS, 2012),
        ("Клуб «Серебряный возраст»", "«Күміс жас» клубы", Audience.SENIORS, 2016),
        ("Клуб любителей казахского языка «Тіл»", "«Тіл» қазақ тілі клубы", Audience.ALL, 2018),
    ],
    "cgdb": [
        ("Кружок «33 идеи»", "«33 идея» үйірмесі", Audience.CHILDREN, 2019),
        ("Клуб юных читателей «Почемучка»", "«Неге?» жас оқырмандар клубы", Audience.CHILDREN,
         2010),
    ],
}  # fmt: skip
DEFAULT_CLUB = ("Клуб по интересам «Собеседник»", "«Сұхбаттас» клубы", Audience.ALL, 2015)

RECOGNITIONS = [
    # (kind, name ru, name kk, library code or None for the whole ЦБС, date)
    ("partner", "Отдел культуры и развития языков г. Балхаш",
     "Балқаш қ. мәдениет және тілдерді дамыту бөлімі", None, datetime.date(2021, 1, 15)),
    ("partner", "Балхашский гуманитарно-технический колледж",
     "Балқаш гуманитарлық-техникалық колледжі", "cgb", datetime.date(2021, 3, 2)),
    ("partner", "Школа-гимназия № 1", "№ 1 мектеп-гимназия", "cgdb", datetime.date(2021, 9, 1)),
    ("project", "Проект «Читающий Балхаш»", "«Кітап оқитын Балқаш» жобасы", None,
     datetime.date(2021, 4, 23)),
    ("project", "Проект «Библиотека без границ» для людей с инвалидностью",
     "Мүмкіндігі шектеулі жандарға арналған «Шекарасыз кітапхана» жобасы", "f1",
     datetime.date(2021, 10, 5)),
    ("award", "Благодарственное письмо акима г. Балхаш",
     "Балқаш қаласы әкімінің алғыс хаты", None, datetime.date(2021, 12, 10)),
    ("award", "Диплом областного конкурса «Лучшая библиотека года»",
     "«Жылдың үздік кітапханасы» облыстық байқауының дипломы", "cgdb",
     datetime.date(2021, 11, 20)),
]  # fmt: skip

# The first keyword found in an event's title decides its direction (illustrative).
DIRECTION_WORDS = [
    (Direction.PATRIOTIC, ("независим", "тәуелсіз", "побед", "родин", "отан", "патриот",
                           "алаш", "ұлт", "туған ел", "алғыс", "земля")),
    (Direction.LEGAL, ("прав", "закон", "коррупц", "интернет")),
    (Direction.ECOLOGICAL, ("эколог", "природ", "табиғат", "өсімдік", "животн", "растени")),
    (Direction.HEALTHY, ("здоров", "спорт", "наркот", "саламат", "ғарыш")),
    (Direction.LOCAL_HISTORY, ("балхаш", "балқаш", "краевед", "край", "өлке", "местн",
                               "ұршық", "шашбау")),
    (Direction.STATE_LANGUAGE, ("язык", "тіл", "абай")),
    (Direction.READING, ("книг", "кітап", "чтени", "оқ", "поэз", "литератур", "писател",
                         "жазушы", "сказк", "ертегі", "стих", "ақын", "жыр", "читай",
                         "прочита", "әдебиет", "роман", "журнал")),
]  # fmt: skip


def demo_services_load(org: Organization) -> None:
    libraries = list(Library.objects.filter(organization=org).order_by("order", "code"))
    # The half-years the demo has a work log for: a half-year the demo leaves empty stays
    # empty (the pages pick the half-year with data as the current one).
    periods = [
        period
        for period in ReportingPeriod.objects.filter(organization=org, year=YEAR).order_by("half")
        if WorkLogEntry.objects.filter(
            library__organization=org,
            date__gte=half_start(period.year, period.half),
            date__lte=half_end(period.year, period.half),
        ).exists()
    ]
    for period in periods:
        logged = worklog_figures(
            library_ids=[lib.pk for lib in libraries],
            start=half_start(period.year, period.half),
            end=half_end(period.year, period.half),
            period_ids=[period.pk],
        )
        for place, library in enumerate(libraries):
            _reference_work(library, period, place, logged.get(library.pk))
            _clubs(library, period, place)
    _recognitions(libraries, {period.half for period in periods})
    _directions(org)


def _reference_work(library, period, place: int, figures) -> None:
    """`figures`: the library's work log of the half-year (None: it logged nothing, and
    the total is made up like the rest)."""
    total = figures.references if figures is not None else 300 + 40 * place
    virtual = figures.references_virtual if figures is not None else 0
    thematic, factual, address = total * 35 // 100, total * 30 // 100, total * 20 // 100
    clarifying = total - thematic - factual - address
    remote = min(total, max(virtual, total * (15 + place) // 100))
    shift = period.half  # the second half a little busier than the first
    values = {
        "thematic": thematic,
        "factual": factual,
        "address": address,
        "clarifying": clarifying,
        "references": total,
        "remote": remote,
        "information_days": 2 + place % 3 + shift,
        "library_lessons": 4 + place % 4 + shift,
        "reviews": 6 + place % 5 + 2 * shift,
        "ill_received": 3 + place + shift,
        "ill_sent": 1 + place % 3,
        "ill_supplied": 2 + place + shift,
        "edd_received": place % 4 + shift,
        "edd_sent": place % 2,
        "edd_supplied": place % 4,
        "note": ILLUSTRATIVE,
    }
    ReferenceWork.objects.update_or_create(library=library, period=period, defaults=values)


def _clubs(library, period, place: int) -> None:
    for n, (name_ru, name_kk, audience, founded) in enumerate(
        CLUBS.get(library.code, [DEFAULT_CLUB])
    ):
        ClubWork.objects.update_or_create(
            library=library,
            period=period,
            name_ru=name_ru,
            defaults={
                "name_kk": name_kk,
                "audience": audience,
                "founded": founded,
                "members": 12 + 3 * n + place + period.half,
                "meetings": 5 + n + period.half,
                "note": ILLUSTRATIVE,
            },
        )


def _recognitions(libraries, periods: set[int]) -> None:
    by_code = {lib.code: lib for lib in libraries}
    head = libraries[0]  # the central library keeps the ЦБС's own rows
    for kind, name_ru, name_kk, code, day in RECOGNITIONS:
        if (1 if day.month <= 6 else 2) not in periods:
            continue
        Recognition.objects.update_or_create(
            library=by_code.get(code, head),
            name_ru=name_ru,
            defaults={
                "kind": kind,
                "name_kk": name_kk,
                "date": day,
                "whole_system": code is None,
                "note": ILLUSTRATIVE,
                "note_kk": "иллюстрациялық деректер",
            },
        )


def _directions(org) -> None:
    """Each demo event of 2021 gets the direction of the first keyword in its title."""
    chosen: dict[str, list[int]] = {}
    events = Event.objects.filter(library__organization=org, date__year=YEAR, direction="")
    for pk, title in events.values_list("pk", "title").order_by("pk"):
        text = title.lower()
        for direction, words in DIRECTION_WORDS:
            if any(word in text for word in words):
                chosen.setdefault(direction, []).append(pk)
                break
    for direction, pks in chosen.items():
        Event.objects.filter(pk__in=pks).update(direction=direction)
