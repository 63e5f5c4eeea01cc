"""Illustrative main indicators for the demo: the seed has none of these figures.

`demo_indicators_load(org)` adds, for every library of the demo ЦБС, 2020 and
the first half of 2021: the work log (monthly rows; the days of March 2021 for
ф№4, as a librarian keeps them), the annual plans, the network's states
(premises, staff) at 1 January of each year. The figures are invented to
look like a city ЦБС's, derived from one yearly base per library, and every
row's note says so. Each library has its own pace (`profile`, seeded by its
code, so every load gives the same figures): its change on the year before
(−15 % to +20 %), how much of its annual plan its first half reaches (users
60–110 %, visits and loans 42–62 %: readers register early in the year, visits
and loans spread over it) and a month-to-month wobble of a few percent. A ЦБС
whose every library is at exactly the same % of plan reads as invented. The 2020 half-years are opened so their rows are valid.
The seed's own rows are not touched. Idempotent: rows are found by their
natural key and saved (after `full_clean()`) only when new or different.
"""

import calendar
import datetime
import random
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from django.db import transaction

from branches.facts import periods_memoized
from branches.models import Library, Organization, ReportingPeriod
from demo.organization import due_dates, upsert
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
CONTROL = ("users", "visits", "loans")
MONTHS = [(2020, m) for m in range(1, 13)] + [(2021, m) for m in range(1, 7)]
DAILY = ("f4", 2021, 3)  # the month one library logs day by day
HOLIDAYS = {datetime.date(2021, 3, 8), *(datetime.date(2021, 3, d) for d in (21, 22, 23))}


def _share(total: int, percent) -> int:
    return int(Decimal(total) * Decimal(percent) / 100)


@dataclass(frozen=True)
class Profile:
    """A library's pace: {figure: its 2021 over its 2020} and {figure: % of the 2021
    annual plan its first half reaches}, {figure: % of the 2020 plan the year reached}."""

    change: dict[str, float]
    first_half_percent: dict[str, float]
    year_percent_2020: dict[str, float]


@cache
def profile(code: str) -> Profile:
    """The library's own pace, the same at every load: a generator seeded by its code
    (a string seed is hashed with SHA-512, not Python's per-process hash)."""
    rng = random.Random(f"demo-indicators-{code}")
    change = {name: rng.uniform(-0.15, 0.20) for name in CONTROL}
    first_half = {"users": rng.uniform(60, 110)}
    first_half |= {name: rng.uniform(42, 62) for name in ("visits", "loans")}
    year_2020 = {name: rng.uniform(90, 108) for name in CONTROL}
    return Profile(change, first_half, year_2020)


def _wobble(code: str, year: int, month: int) -> float:
    """A month's figures a few percent above or below the library's usual pace."""
    return random.Random(f"demo-indicators-{code}-{year}-{month}").uniform(0.93, 1.07)


def month_figures(code: str, year: int, month: int) -> dict[str, int]:
    users_year, visits_year, loans_year, _pop, children, _premises = BASE[code]
    pace = profile(code)
    wobble = _wobble(code, year, month)

    def base(name: str, value: int) -> int:
        # 2021 is the base year; 2020 is it undone by the library's change.
        factor = 1 if year == 2021 else 1 / (1 + pace.change[name])
        return int(value * factor * wobble)

    users = _share(base("users", users_year), REGISTRATIONS[month - 1])
    visits = _share(base("visits", visits_year), ACTIVITY[month - 1])
    loans = _share(base("loans", loans_year), ACTIVITY[month - 1])
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


def plans(code: str, year: int) -> dict[str, int]:
    """The library's annual plan of `year`: 2021's set so that its first half reaches the
    profile's % of it, 2020's so that the whole year reaches its %. Round figures, as a
    plan is: users to tens, visits and loans to hundreds."""
    pace = profile(code)
    months = range(1, 7) if year == 2021 else range(1, 13)
    percent = pace.first_half_percent if year == 2021 else pace.year_percent_2020
    result = {}
    for name in CONTROL:
        done = sum(month_figures(code, year, month)[name] for month in months)
        step = 10 if name == "users" else 100
        result[name] = max(step, round(done * 100 / percent[name] / step) * step)
    return result


def _network_load(library: Library) -> None:
    users, _visits, _loans, population, _children, premises = BASE[library.code]
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
            plans(library.code, year),
        )


@transaction.atomic
def demo_indicators_load(org: Organization) -> None:
    for half in (1, 2):
        upsert(ReportingPeriod, due_dates(2020, half), organization=org, year=2020, half=half)
    # Each row's save asks for its half-year's period: read once for the whole load, once
    # the periods are in (as an import does; no status changes during it).
    with periods_memoized():
        for library in Library.objects.filter(organization=org, code__in=BASE):
            _work_log_load(library)
            _network_load(library)
