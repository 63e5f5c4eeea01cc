"""Illustrative main indicators for the demo: the seed has none of these figures.

`demo_indicators_load(org)` adds, for every library of the demo ЦБС, 2020 and
the first half of 2021: the work log (monthly rows; the days of March 2021 for
ф№4, as a librarian keeps them), the annual plans, the network's states
(premises, staff) at 1 January of each year. The figures are invented to
look like a city ЦБС's, derived from one yearly base per library, and every
row's note says so. The 2020 half-years are opened so their rows are valid.
The seed's own rows are not touched. Idempotent: rows are found by their
natural key and saved (after `full_clean()`) only when new or different.
"""

import calendar
import datetime
from decimal import Decimal

from django.db import transaction

from branches.models import Library, Organization, ReportingPeriod
from indicators.models import IndicatorPlan, LibraryState, StaffState, WorkLogEntry

NOTE = "Иллюстративные данные демо, не из отчёта-образца"

# Per library: a year's users, visits and loans, the service population, the
# share of children among users, and the premises (m², seats, computers, outreach points).
BASE = {
    "cgb": (6000, 45000, 120000, 21000, 0.15, (980.0, 120, 20, 24, 3)),
    "cgdb": (4500, 38000, 95000, 12500, 0.80, (640.0, 90, 12, 14, 2)),
    "f1": (2000, 15000, 42000, 6500, 0.25, (210.0, 30, 4, 5, 1)),
    "f2": (1800, 14000, 39000, 6000, 0.25, (190.0, 28, 4, 4, 1)),
    "f3": (1700, 13000, 36000, 5600, 0.25, (180.0, 26, 3, 4, 1)),
    "f4": (2200, 17000, 48000, 7000, 0.25, (240.0, 34, 5, 6, 2)),
    "f5": (1900, 16000, 41000, 5200, 0.85, (200.0, 32, 4, 5, 1)),
    "f6": (800, 6000, 18000, 3100, 0.30, (120.0, 16, 2, 3, 1)),
    "f7": (1600, 12000, 34000, 5400, 0.25, (170.0, 24, 3, 4, 1)),
}
# Readers register once a year, most of them in its first months; visits and
# loans dip in summer. Percent of the year per month.
REGISTRATIONS = [30, 15, 10, 8, 7, 5, 4, 4, 8, 4, 3, 2]
ACTIVITY = [8, 9, 10, 9, 8, 7, 6, 6, 9, 9, 10, 9]
YEAR_FACTOR = {2020: Decimal("0.9"), 2021: Decimal("1")}
MONTHS = [(2020, m) for m in range(1, 13)] + [(2021, m) for m in range(1, 7)]
DAILY = ("f4", 2021, 3)  # the month one library logs day by day
HOLIDAYS = {datetime.date(2021, 3, 8), *(datetime.date(2021, 3, d) for d in (21, 22, 23))}


def _share(total: int, percent) -> int:
    return int(Decimal(total) * Decimal(percent) / 100)


def month_figures(code: str, year: int, month: int) -> dict[str, int]:
    users_year, visits_year, loans_year, _pop, children, _premises = BASE[code]
    factor = YEAR_FACTOR[year]
    users = _share(int(users_year * factor), REGISTRATIONS[month - 1])
    visits = _share(int(visits_year * factor), ACTIVITY[month - 1])
    loans = _share(int(loans_year * factor), ACTIVITY[month - 1])
    children_users = int(users * children)
    return {
        "users": users,
        "users_children": children_users,
        "users_youth": min(int(users * 0.3), users - children_users),
        "users_remote": users // 20,
        "visits": visits,
        "visits_events": visits // 5,
        "visits_remote": visits // 10,
        "loans": loans,
        "loans_kk": int(loans * 0.42),
        "loans_books": int(loans * 0.85),
        "loans_periodicals": int(loans * 0.12),
        "loans_electronic": loans // 50,
        "references": visits // 20,
    }


def _split(figures: dict[str, int], days: int) -> list[dict[str, int]]:
    """A month's figures over its working days: each part within its total every day."""
    rows = [{} for _ in range(days)]
    for name, value in figures.items():
        for index in range(days):
            rows[index][name] = value // days + (1 if index < value % days else 0)
    return rows


def _upsert(model, key: dict, values: dict) -> None:
    obj = model.objects.filter(**key).first()
    if obj is None:
        obj = model(**key, **values)
    elif all(getattr(obj, name) == value for name, value in values.items()):
        return
    for name, value in values.items():
        setattr(obj, name, value)
    obj.full_clean()
    obj.save()


def _work_log_load(library: Library) -> None:
    for year, month in MONTHS:
        figures = month_figures(library.code, year, month)
        if (library.code, year, month) != DAILY:
            key = {"library": library, "date": datetime.date(year, month, 1), "span": "month"}
            _upsert(WorkLogEntry, key, {**figures, "note": NOTE})
            continue
        days = [
            datetime.date(year, month, d)
            for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if datetime.date(year, month, d).weekday() < 6
            and datetime.date(year, month, d) not in HOLIDAYS
        ]
        for day, values in zip(days, _split(figures, len(days)), strict=True):
            _upsert(
                WorkLogEntry,
                {"library": library, "date": day, "span": "day"},
                {**values, "note": NOTE},
            )


def _network_load(library: Library) -> None:
    users, visits, loans, population, _children, premises = BASE[library.code]
    area, seats, computers, pcs, outreach = premises
    staff = max(2, users // 700)
    for year in (2020, 2021):
        day = datetime.date(year, 1, 1)
        _upsert(
            LibraryState,
            {"library": library, "date": day},
            {
                "address": "",
                "settlement": "rural" if library.kind == Library.Kind.VILLAGE else "urban",
                "population": population,
                "area": Decimal(str(area)),
                "seats": seats,
                "seats_computers": computers,
                "seats_internet": computers,
                "computers": pcs,
                "outreach_points": outreach,
                "note": NOTE,
            },
        )
        _upsert(
            StaffState,
            {"library": library, "date": day},
            {
                "persons": staff,
                "posts": Decimal(staff) - Decimal("0.25") * (year == 2020),
                "higher_education": staff // 2,
                "secondary_education": staff - staff // 2 - 1,
                "age_under_30": staff // 4,
                "age_30_55": staff - staff // 4 - 1,
                "age_over_55": 1,
                "service_under_3": staff // 4,
                "service_3_10": staff // 3,
                "service_over_10": staff - staff // 4 - staff // 3,
                "note": NOTE,
            },
        )
        _upsert(
            IndicatorPlan,
            {"library": library, "year": year, "half": None},
            {
                "users": int(users * YEAR_FACTOR[year]),
                "visits": int(visits * YEAR_FACTOR[year]),
                "loans": int(loans * YEAR_FACTOR[year]),
            },
        )


@transaction.atomic
def demo_indicators_load(org: Organization) -> None:
    for half in (1, 2):
        ReportingPeriod.objects.get_or_create(organization=org, year=2020, half=half)
    for library in Library.objects.filter(organization=org, code__in=BASE):
        _work_log_load(library)
        _network_load(library)
