"""The demo's second half of 2021, illustrative (issue 27, item 4): `demo_second_half_load`.

Called by `load_demo` after the first half and the indicators, so that the annual
report of 2021 has every section filled. The rows live in `demo/data/second_half.py`
(which says what is invented and how it is marked); the work log of July–December
continues `demo.indicators` (the same libraries' pace, month by month). Idempotent as
the first half: rows found by their natural key, saved only when new or different.

`load_demo --second-half` loads it (`make demo` does); a bare `load_demo`, the tests'
demo, does not. The second half-year stays OPEN, its report a draft, as in a ЦБС in
January: no status keeps it out of the pages that pick «the half-year due» or «the
latest with data» (the hand-in and the dashboard pick by data, and an approved second
half would make the first one «the past»), so the demo whose story is the seed's first
half (one library overdue, the seed's figures on the dashboard) stays without it.
The organization's signature settings are the demo organization's own
(`demo.organization.ORGANIZATION`): only a year's report prints them.
"""

import datetime

from django.db import transaction

from branches.facts import periods_memoized
from branches.models import Library, Organization, Platform, ReportingPeriod
from catalogue.models import CatalogueDatabase, RecordCount, VirtualReferences
from demo.data import catalogue as catalogue_data
from demo.data import publications as publications_data
from demo.data import second_half as data
from demo.half_year import _Lists, _upsert
from demo.indicators import BASE, month_figures
from digitization.models import DigitizationPlan, DigitizedDocument, DocumentKind
from events.models import Event, EventForm, Initiative, OnlineFigures
from holdings.models import AcquisitionBudget, FundingSource, Receipt, WriteOff, WriteOffReason
from indicators.models import WorkLogEntry
from publications.models import MediaMentionTotal, Publication, PublicationKind
from reports.models import Report, SectionText

MONTHS = range(7, 13)


@transaction.atomic
def demo_second_half_load(org: Organization) -> None:
    period = ReportingPeriod.objects.get(organization=org, year=data.YEAR, half=data.HALF)
    libraries = {lib.code: lib for lib in Library.objects.filter(organization=org)}
    lists = _Lists()
    with periods_memoized():  # as in demo_half_year_load
        _second_half_rows_load(org, period, libraries, lists)


def _second_half_rows_load(org, period, libraries, lists) -> None:
    _holdings_load(org, period, libraries[data.LIBRARY], lists)
    _catalogue_load(period, libraries[data.LIBRARY], lists)
    _digitization_load(org, period, libraries[data.LIBRARY], lists)
    _publications_load(libraries, lists)
    _upsert(MediaMentionTotal, {"library": libraries[data.LIBRARY], "period": period},
            dict(data.MEDIA_TOTAL))  # fmt: skip
    _upsert(
        OnlineFigures,
        {"library": libraries[data.LIBRARY], "period": period, "platform": None},
        dict(data.ONLINE_FIGURES),
    )
    _events_load(libraries, lists)
    _work_log_load(libraries)
    _narrative_load(org, period)


def _holdings_load(org, period, library, lists) -> None:
    for source, amount in data.BUDGETS:
        _upsert(
            AcquisitionBudget,
            {"organization": org, "period": period, "source": lists(FundingSource, source)},
            {"amount": amount},
        )
    for row in data.RECEIPTS:
        _upsert(
            Receipt,
            {
                "library": library,
                "source": lists(FundingSource, row["source"]),
                "date": row["date"],
            },
            {"copies": row["copies"], "copies_kk": row["copies_kk"], "note": data.NOTE},
        )
    for row in data.WRITE_OFFS:
        _upsert(
            WriteOff,
            {
                "library": library,
                "reason": lists(WriteOffReason, row["reason"]),
                "date": row["date"],
            },
            {"copies": row["copies"], "copies_kk": row["copies_kk"], "note": data.NOTE},
        )


def _catalogue_load(period, library, lists) -> None:
    for code, _before, now in catalogue_data.RECORD_COUNTS:
        _upsert(
            RecordCount,
            {"library": library, "database": lists(CatalogueDatabase, code),
             "date": data.CATALOGUE_END},
            {"records": now + data.RECORD_GROWTH[code]},
        )  # fmt: skip
    _upsert(
        VirtualReferences,
        {"library": library, "period": period},
        {"count": data.VIRTUAL_REFERENCES},
    )


def _digitization_load(org, period, library, lists) -> None:
    for kind, planned in data.PLAN:
        _upsert(
            DigitizationPlan,
            {"organization": org, "period": period, "kind": lists(DocumentKind, kind)},
            {"planned": planned},
        )
    batch = data.ARTICLES_BATCH
    _upsert(
        DigitizedDocument,
        {"library": library, "kind": lists(DocumentKind, batch["kind"]), "title": batch["title"]},
        {key: batch[key] for key in ("source", "documents", "pages", "date")},
    )
    books = lists(DocumentKind, "books")
    for title, author, short, language, place, year, pages, day in data.BOOKS:
        _upsert(
            DigitizedDocument,
            {"library": library, "kind": books, "title": title},
            {"author": author, "author_short": short, "language": language, "place": place,
             "publisher": "", "year": year, "documents": 1, "pages": pages, "date": day},
        )  # fmt: skip


def _publications_load(libraries, lists) -> None:
    for code, kind, title, quoted, pages, day in data.PUBLICATIONS:
        _upsert(
            Publication,
            {"library": libraries[code], "kind": lists(PublicationKind, kind), "title": title,
             "annotation": ""},
            {"quoted": quoted, "issuer": "", "compilers": publications_data.PRINT_COMPILERS,
             "place": "Балқаш", "year": data.YEAR, "pages": pages, "illustrated": True,
             "date": day},
        )  # fmt: skip
    for code, kind, title, quoted, annotation, size, day in data.MULTIMEDIA:
        _upsert(
            Publication,
            {"library": libraries[code], "kind": lists(PublicationKind, kind), "title": title,
             "annotation": annotation},
            {"quoted": quoted, "issuer": "Ақпараттық библиографиялық бөлімі",
             "compilers": "Т.Ахметбекова", "place": "Балқаш", "year": data.YEAR,
             "size_mb": size, "date": day},
        )  # fmt: skip


def _events_load(libraries, lists) -> None:
    for row in data.EVENTS:
        code, form, title, title_kk, day, online, platforms, initiatives, highlight, *counts = row
        participants, views = counts
        _upsert(
            Event,
            {"library": libraries[code], "title": title, "date": day},
            {"title_kk": title_kk, "form": lists(EventForm, form), "is_online": online,
             "highlight": highlight, "participants": participants, "views": views,
             "note": data.NOTE},
            m2m={
                "platforms": [lists(Platform, p) for p in platforms],
                "initiatives": [lists(Initiative, i) for i in initiatives],
            },
        )  # fmt: skip


def _work_log_load(libraries) -> None:
    """The work log of July–December, a row a month per library, as the first half's."""
    for code in BASE:
        library = libraries[code]
        for month in MONTHS:
            _upsert(
                WorkLogEntry,
                {"library": library, "date": datetime.date(data.YEAR, month, 1), "span": "month"},
                {**month_figures(code, data.YEAR, month), "note": data.NOTE},
            )


def _narrative_load(org, period) -> None:
    """The second half-year's report (a draft) with its illustrative narrative, the annual
    sections' and the conclusions' included (the annual report prints them)."""
    report = _upsert(Report, {"period": period}, {"organization": org})
    if report.status != Report.Status.DRAFT:
        return
    for section, (russian, kazakh) in {**data.SECTION_TEXTS, **data.ANNUAL_TEXTS}.items():
        _upsert(
            SectionText,
            {"report": report, "section": section},
            {"text_ru": russian, "text_kk": kazakh},
        )
