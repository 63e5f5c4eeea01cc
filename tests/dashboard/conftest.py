"""A small half-year of data for the persona organization: two libraries, the
first half of 2021 and a little of the second half of 2020 to compare with."""

import datetime
from decimal import Decimal

import pytest

from branches.models import Platform, ReportingPeriod
from catalogue.models import CatalogueDatabase, RecordCount, VirtualReferences
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
from publications.models import MediaMention, MediaMentionTotal, Publication, PublicationKind

D = datetime.date


@pytest.fixture
def previous_period(organization):
    return ReportingPeriod.objects.create(organization=organization, year=2020, half=2)


@pytest.fixture
def half_year(organization, library, other_library, period, previous_period):
    """ЦГБ and ф№4 in 2021-H1 (and a little in 2020-H2), with round, checkable figures."""
    local = FundingSource.objects.get(code="local-budget")
    state = FundingSource.objects.get(code="state-order")
    wear = WriteOffReason.objects.get(code="wear")
    articles = DocumentKind.objects.get(code="articles")
    books = DocumentKind.objects.get(code="books")
    book_db = CatalogueDatabase.objects.get(code="book")
    articles_db = CatalogueDatabase.objects.get(code="articles")
    booklet = PublicationKind.objects.get(code="booklet")
    trailer = PublicationKind.objects.get(code="book-trailer")
    live = EventForm.objects.get(code="live")
    facebook = Platform.objects.get(code="facebook")
    instagram = Platform.objects.get(code="instagram")

    FundSnapshot.objects.create(library=library, date=D(2020, 7, 1), copies=10000, copies_kk=3000)
    FundSnapshot.objects.create(
        library=other_library, date=D(2020, 7, 1), copies=5000, copies_kk=2000
    )
    Receipt.objects.create(
        library=library, date=D(2020, 9, 1), source=local, copies=100, copies_kk=40
    )
    Receipt.objects.create(
        library=library, date=D(2021, 2, 1), source=local, copies=300, copies_kk=100
    )
    Receipt.objects.create(
        library=other_library, date=D(2021, 3, 1), source=state, copies=200, copies_kk=150
    )
    WriteOff.objects.create(
        library=library, date=D(2021, 5, 1), reason=wear, copies=1000, copies_kk=50
    )

    AcquisitionBudget.objects.create(
        organization=organization, period=period, source=local, amount=Decimal("2770.4")
    )
    AcquisitionBudget.objects.create(
        organization=organization, period=previous_period, source=local, amount=Decimal("1000.0")
    )
    DigitizationPlan.objects.create(
        organization=organization, period=period, kind=articles, planned=194
    )
    DigitizationPlan.objects.create(organization=organization, period=period, kind=books, planned=6)
    DigitizedDocument.objects.create(
        library=library, date=D(2021, 4, 1), kind=articles, title="Статьи", documents=207, pages=158
    )
    DigitizedDocument.objects.create(
        library=other_library, date=D(2021, 4, 2), kind=books, title="Книга", pages=340
    )

    RecordCount.objects.create(library=library, database=book_db, date=D(2021, 1, 1), records=18296)
    RecordCount.objects.create(library=library, database=book_db, date=D(2021, 7, 1), records=18620)
    RecordCount.objects.create(
        library=library, database=articles_db, date=D(2020, 1, 1), records=17000
    )
    RecordCount.objects.create(
        library=library, database=articles_db, date=D(2021, 7, 1), records=17534
    )
    VirtualReferences.objects.create(library=library, period=period, count=48)

    Publication.objects.create(
        library=other_library, date=D(2021, 3, 3), kind=booklet, title="Кел оқиық", year=2021
    )
    Publication.objects.create(
        library=library, date=D(2021, 3, 4), kind=trailer, title="Буктрейлер", year=2021
    )
    MediaMention.objects.create(
        library=library, date=D(2021, 4, 30), title="О библиотеке", by_librarian=True
    )
    MediaMention.objects.create(library=library, date=D(2021, 5, 5), title="Сюжет", kind="tv")
    MediaMentionTotal.objects.create(
        library=library, period=period, mentions=16, by_librarians=2, tv_stories=1
    )

    Event.objects.create(
        library=other_library,
        date=D(2021, 4, 23),
        title="Эфир",
        form=live,
        views=120,
        is_online=True,
    )
    # ЦГБ: a total row and a platform row: the total wins. ф№4: two platform rows: summed.
    OnlineFigures.objects.create(
        library=library,
        period=period,
        online_events=150,
        subscribers=20000,
        views=150000,
        posts=2000,
    )
    OnlineFigures.objects.create(
        library=library,
        period=period,
        platform=facebook,
        online_events=99,
        subscribers=99,
        views=99,
        posts=99,
    )
    OnlineFigures.objects.create(
        library=other_library,
        period=period,
        platform=facebook,
        online_events=20,
        subscribers=3000,
        views=10000,
        posts=100,
    )
    OnlineFigures.objects.create(
        library=other_library,
        period=period,
        platform=instagram,
        online_events=13,
        subscribers=2192,
        views=4785,
        posts=28,
    )
    OnlineFigures.objects.create(
        library=library,
        period=previous_period,
        online_events=100,
        subscribers=18000,
        views=100000,
        posts=1500,
    )
    return period


@pytest.fixture
def work_log(library, other_library, half_year):
    """The work log of ЦГБ and ф№4 in 2020-H1 and 2021-H1, their plans for 2021 and
    their service populations, with round, checkable figures (see test_indicator_cards)."""
    from indicators.models import IndicatorPlan, LibraryState, WorkLogEntry

    # A day's row needs its period opened (indicators: no row outside the periods).
    ReportingPeriod.objects.get_or_create(organization=library.organization, year=2020, half=1)

    def month(lib, day, **figures):
        WorkLogEntry.objects.create(library=lib, date=day, span="month", **figures)

    month(library, D(2020, 3, 1), users=100, visits=1000, loans=3000, loans_kk=1000)
    month(
        library, D(2021, 2, 1), users=120, users_children=50, users_youth=30, visits=1100,
        visits_events=100, loans=3300, loans_kk=1100,
    )  # fmt: skip
    WorkLogEntry.objects.create(
        library=library, date=D(2021, 5, 10), users=30, visits=100, loans=300
    )
    month(other_library, D(2020, 4, 1), users=40, visits=400, loans=800)
    month(other_library, D(2021, 3, 1), users=50, visits=500, loans=900, loans_kk=300)
    IndicatorPlan.objects.create(library=library, year=2021, users=300, visits=4000, loans=12000)
    IndicatorPlan.objects.create(
        library=other_library, year=2021, users=200, visits=2000, loans=4000
    )
    # ф№4's first half has a plan of its own: it wins over the annual one.
    IndicatorPlan.objects.create(
        library=other_library, year=2021, half=1, users=100, visits=1000, loans=2000
    )
    LibraryState.objects.create(library=library, date=D(2021, 1, 1), population=1500)
    LibraryState.objects.create(library=other_library, date=D(2021, 1, 1), population=1000)
