"""A generated data set for benchmarks and query-count tests: N organizations ×
libraries × years of realistic rows, written with bulk_create.

Figures follow the shape of the Balkhash demo (a fund of tens of thousands of
copies per library, a third in Kazakh, receipts every month, a write-off each
half-year, events and online figures every period) so page timings mean
something. The rows skip model.clean(), which is why write-offs stay well
below the receipts and the opening fund: the fund never goes negative.
"""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection, transaction

from branches.models import Library, Organization, Region, ReportingPeriod
from catalogue.models import CatalogueDatabase, RecordCount, VirtualReferences
from datacache.version import data_changed
from digitization.models import DigitizationPlan, DigitizedDocument, DocumentKind
from events.models import Event, EventForm, OnlineFigures
from holdings.models import (
    AcquisitionBudget,
    FundingSource,
    FundSnapshot,
    Receipt,
    WriteOff,
    WriteOffReason,
)
from indicators.models import IndicatorPlan, LibraryState, WorkLogEntry
from publications.models import MediaMention, Publication, PublicationKind


@dataclass
class Generated:
    organizations: list[Organization]
    rows: int


def _lists():
    return {
        "sources": list(
            FundingSource.objects.filter(code__in=["local-budget", "state-order", "gift"])
        ),
        "reasons": list(WriteOffReason.objects.all()),
        "databases": list(CatalogueDatabase.objects.all()),
        "kinds": {k.code: k for k in DocumentKind.objects.all()},
        "publication_kinds": list(PublicationKind.objects.all()),
        "forms": list(EventForm.objects.all()),
    }


def _working_days(year: int, months: range) -> list[datetime.date]:
    """Monday to Saturday of `months` of `year`: the days a library is open."""
    day = datetime.date(year, months.start, 1)
    days = []
    while day.year == year and day.month in months:
        if day.weekday() < 6:
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


# The daily work log's figures on PostgreSQL: the same ranges as `generate`'s Python rows.
DAILY_FIGURES = {
    "span": "'day'",
    "users": "floor(random() * 9)::int",
    "visits": "(15 + floor(random() * 66))::int",
    "loans": "(40 + floor(random() * 181))::int",
}


def _daily_log_sql(library_ids: list[int], first_year: int, years: int) -> int:
    """A work-log row per library and working day (Monday to Saturday), inserted by one
    INSERT … SELECT over generate_series; visits of events and loans in Kazakh are a
    tenth and a third, the other counts 0. Returns the rows written."""
    quote = connection.ops.quote_name
    columns, values = [], []
    for field in WorkLogEntry._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(quote(field.column))
        if field.column == "library_id":
            values.append("lib")
        elif field.column == "date":
            values.append("day::date")
        elif field.column in ("visits_events", "loans_kk"):
            source, share = ("visits", 10) if field.column == "visits_events" else ("loans", 3)
            values.append(f"{source} / {share}")
        elif field.name in DAILY_FIGURES and field.name != "span":
            values.append(field.name)
        elif field.name == "span":
            values.append(DAILY_FIGURES["span"])
        else:
            values.append("0" if isinstance(field.get_default(), int) else "''")
    figures = ", ".join(f"{sql} AS {name}" for name, sql in DAILY_FIGURES.items() if name != "span")
    sql = (
        f"INSERT INTO {quote(WorkLogEntry._meta.db_table)} ({', '.join(columns)}) "
        f"SELECT {', '.join(values)} FROM (SELECT lib, day, {figures} "
        "FROM unnest(%s::bigint[]) AS lib CROSS JOIN generate_series(%s::date, %s::date, "
        "interval '1 day') AS day WHERE extract(isodow FROM day) < 7) AS daily"
    )
    start, end = datetime.date(first_year, 1, 1), datetime.date(first_year + years - 1, 12, 31)
    with connection.cursor() as cursor:
        cursor.execute(sql, [library_ids, start, end])
        return cursor.rowcount


@transaction.atomic
def generate(
    *,
    organizations: int = 1,
    libraries: int | list[int] = 9,
    years: int = 2,
    first_year: int = 2020,
    prefix: str = "gen",
    seed: int = 1,
    region: Region | None = None,
    daily: bool = False,
    events_per_year: int | None = None,
) -> Generated:
    """`libraries`: per ЦБС (a list: each ЦБС's own count). `region`: the region the
    ЦБС belong to. `daily`: the work log as a row per working day (a republic's real
    volume) instead of a month's total in one row. `events_per_year`: about that many
    listed events per library and year (default: 2–6 a month). Rows are written per
    ЦБС, so memory does not grow with the number of ЦБС."""
    rng = random.Random(seed)
    lists = _lists()
    counts = libraries if isinstance(libraries, list) else [libraries] * organizations
    created = []
    total = 0
    # On PostgreSQL the daily work log (most of a republic's rows) is written by the
    # database itself: a million model instances cost minutes of Python.
    fast_log = daily and connection.vendor == "postgresql"
    if fast_log:
        with connection.cursor() as cursor:
            cursor.execute("SELECT setseed(%s)", [(seed % 1000) / 1000])
    for o, library_count in enumerate(counts[:organizations], start=1):
        rows: dict[type, list] = {}

        def add(obj, rows=rows):
            rows.setdefault(type(obj), []).append(obj)

        org, _ = Organization.objects.update_or_create(
            code=f"{prefix}-{o}",
            defaults={"name_ru": f"Сгенерированная ЦБС №{o}", "name_kk": f"Жасалған ОКЖ №{o}",
                      "city_ru": "Город", "short_name": f"ЦБС-{o}", "region": region},
        )  # fmt: skip
        created.append(org)
        libs = [
            Library.objects.update_or_create(
                organization=org,
                code=f"l{n}",
                defaults={"kind": "branch", "number": n, "short_name": f"ф№{n}",
                          "name_ru": f"Библиотека-филиал №{n}", "name_kk": f"№{n} кітапхана-филиалы",
                          "order": n * 10},
            )[0]
            for n in range(1, library_count + 1)
        ]  # fmt: skip
        periods = {}
        for year in range(first_year, first_year + years):
            for half in (1, 2):
                periods[(year, half)] = ReportingPeriod.objects.get_or_create(
                    organization=org, year=year, half=half
                )[0]
        for period in periods.values():
            add(AcquisitionBudget(organization=org, period=period, source=lists["sources"][0],
                                  amount=Decimal(rng.randint(15000, 40000)) / 10))  # fmt: skip
            add(DigitizationPlan(organization=org, period=period, kind=lists["kinds"]["articles"],
                                 planned=rng.randint(80, 200)))  # fmt: skip
            add(DigitizationPlan(organization=org, period=period, kind=lists["kinds"]["books"],
                                 planned=rng.randint(2, 8)))  # fmt: skip
        for lib in libs:
            fund = rng.randint(15000, 45000)
            add(FundSnapshot(library=lib, date=datetime.date(first_year, 1, 1), copies=fund,
                             copies_kk=fund // 3))  # fmt: skip
            records = {db.pk: rng.randint(50, 5000) for db in lists["databases"]}
            add(LibraryState(library=lib, date=datetime.date(first_year, 1, 1),
                             population=rng.randint(5000, 40000)))  # fmt: skip
            for year in range(first_year, first_year + years):
                add(IndicatorPlan(library=lib, year=year, users=rng.randint(1000, 3000),
                                  visits=rng.randint(10000, 30000), loans=rng.randint(30000, 60000)))  # fmt: skip
            for (year, half), period in periods.items():
                start_month = 1 if half == 1 else 7
                months = range(start_month, start_month + 6)
                if daily and not fast_log:
                    for day in _working_days(year, months):
                        visits, loans = rng.randint(15, 80), rng.randint(40, 220)
                        add(WorkLogEntry(library=lib, date=day, span="day", users=rng.randint(0, 8),
                                         visits=visits, loans=loans, visits_events=visits // 10,
                                         loans_kk=loans // 3))  # fmt: skip
                if events_per_year is not None:
                    for _n in range(
                        rng.randint(events_per_year * 4 // 10, events_per_year * 6 // 10)
                    ):
                        month = rng.choice(months)
                        form = rng.choice(lists["forms"])
                        add(Event(library=lib, date=datetime.date(year, month, rng.randint(1, 28)),
                                  title=f"{form.name_ru}: мероприятие {month}.{year}", form=form,
                                  is_online=rng.random() < 0.7, views=rng.randint(0, 900)))  # fmt: skip
                for month in months:
                    # The work log: a month's total in one row (the illustrative demo's way).
                    if not daily:
                        visits, loans = rng.randint(500, 2000), rng.randint(1500, 5000)
                        add(WorkLogEntry(library=lib, date=datetime.date(year, month, 1), span="month",
                                         users=rng.randint(20, 200), visits=visits, loans=loans,
                                         visits_events=visits // 10, loans_kk=loans // 3))  # fmt: skip
                    for _n in range(rng.randint(1, 3)):
                        copies = rng.randint(10, 120)
                        add(Receipt(library=lib, date=datetime.date(year, month, rng.randint(1, 28)),
                                    source=rng.choice(lists["sources"]), copies=copies,
                                    copies_kk=copies * rng.randint(30, 70) // 100))  # fmt: skip
                    for _n in range(rng.randint(2, 6) if events_per_year is None else 0):
                        form = rng.choice(lists["forms"])
                        add(Event(library=lib, date=datetime.date(year, month, rng.randint(1, 28)),
                                  title=f"{form.name_ru}: мероприятие {month}.{year}", form=form,
                                  is_online=rng.random() < 0.7, views=rng.randint(0, 900)))  # fmt: skip
                copies = rng.randint(50, 400)
                add(WriteOff(library=lib, date=datetime.date(year, start_month + 4, 15),
                             reason=rng.choice(lists["reasons"]), copies=copies,
                             copies_kk=copies // 5))  # fmt: skip
                for db in lists["databases"]:
                    add(RecordCount(library=lib, database=db, date=datetime.date(year, start_month, 1),
                                    records=records[db.pk]))  # fmt: skip
                    records[db.pk] += rng.randint(0, 60)
                add(VirtualReferences(library=lib, period=period, count=rng.randint(0, 30)))
                add(DigitizedDocument(library=lib, date=datetime.date(year, start_month + 2, 10),
                                      kind=lists["kinds"]["articles"], title="Статьи из газет",
                                      documents=rng.randint(5, 30), pages=rng.randint(5, 40)))  # fmt: skip
                for _n in range(rng.randint(1, 4)):
                    kind = rng.choice(lists["publication_kinds"])
                    add(Publication(library=lib, date=datetime.date(year, start_month + 3, 5),
                                    kind=kind, title=f"{kind.name_kk} {year}", year=year,
                                    pages=None if kind.is_multimedia else rng.randint(4, 40),
                                    size_mb=Decimal("12.5") if kind.is_multimedia else None))  # fmt: skip
                for _n in range(rng.randint(0, 3)):
                    add(MediaMention(library=lib, date=datetime.date(year, start_month + 1, 20),
                                     title="О библиотеке", outlet="Балқаш өңірі",
                                     by_librarian=rng.random() < 0.3))  # fmt: skip
                add(OnlineFigures(library=lib, period=period, online_events=rng.randint(5, 40),
                                  subscribers=rng.randint(500, 5000), views=rng.randint(2000, 30000),
                                  posts=rng.randint(50, 400)))  # fmt: skip
            # A count at the day after the last period, so "now" exists for it.
            for db in lists["databases"]:
                add(RecordCount(library=lib, database=db,
                                date=datetime.date(first_year + years, 1, 1), records=records[db.pk]))  # fmt: skip
        for model, objects in rows.items():
            model.objects.bulk_create(objects, batch_size=2000)
            total += len(objects)
        if fast_log:
            total += _daily_log_sql([lib.pk for lib in libs], first_year, years)
        data_changed(org.pk)  # bulk_create sends no post_save
    return Generated(organizations=created, rows=total)
