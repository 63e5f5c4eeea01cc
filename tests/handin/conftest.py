"""Two first halves (2020 and 2021) of the persona organization: `loop_data` is
honest data with one figure to explain; `flawed_data` trips every edit check."""

import datetime
from decimal import Decimal

import pytest
from django.db.models import QuerySet

from branches.models import Library, Platform, ReportingPeriod
from catalogue.models import CatalogueDatabase, RecordCount, VirtualReferences
from collection.models import FundBranchCopies, FundStructure, KnowledgeBranch, UserGroups
from digitization.models import DigitizationPlan, DocumentKind
from events.models import OnlineFigures
from holdings.models import (
    AcquisitionBudget,
    FundingSource,
    FundSnapshot,
    Receipt,
    WriteOff,
    WriteOffReason,
)
from indicators.models import WorkLogEntry
from management.models import Finance
from publications.models import Publication, PublicationKind
from services.models import ReferenceWork

D = datetime.date


@pytest.fixture
def last_year(organization):
    return ReportingPeriod.objects.create(organization=organization, year=2020, half=1)


@pytest.fixture
def loop_data(library, other_library, period, last_year):
    """ЦГБ received three times as much as a year before: one warning to explain."""
    local = FundingSource.objects.get(code="local-budget")
    FundSnapshot.objects.create(library=library, date=D(2020, 1, 1), copies=10000, copies_kk=3000)
    Receipt.objects.create(
        library=library, date=D(2020, 3, 1), source=local, copies=100, copies_kk=40
    )
    Receipt.objects.create(
        library=library, date=D(2021, 2, 1), source=local, copies=300, copies_kk=100
    )
    return period


@pytest.fixture
def flawed_data(organization, library, other_library, period, last_year):
    local = FundingSource.objects.get(code="local-budget")
    wear = WriteOffReason.objects.get(code="wear")
    books = DocumentKind.objects.get(code="books")
    book_db = CatalogueDatabase.objects.get(code="book")
    booklet = PublicationKind.objects.get(code="booklet")
    facebook = Platform.objects.get(code="facebook")
    # ЦГБ: an opening balance on 01.01.2021 that does not continue the ledger
    # (1000 + 100 = 1100), an inventory on 01.07.2021 that disagrees with it.
    FundSnapshot.objects.create(library=library, date=D(2020, 1, 1), copies=1000, copies_kk=100)
    Receipt.objects.create(library=library, date=D(2020, 3, 1), source=local, copies=100)
    FundSnapshot.objects.create(library=library, date=D(2021, 1, 1), copies=5000, copies_kk=100)
    Receipt.objects.create(library=library, date=D(2021, 2, 1), source=local, copies=300)
    FundSnapshot.objects.create(
        library=library, date=D(2021, 7, 1), copies=4000, copies_kk=100, kind="inventory"
    )
    # ЦГБ: the platform rows add up to more than the all-platforms row.
    OnlineFigures.objects.create(library=library, period=period, views=100)
    OnlineFigures.objects.create(library=library, period=period, platform=facebook, views=500)
    # ЦГБ: the same count of virtual references as a year before; a booklet last
    # year and none this year; a catalogue that fell.
    VirtualReferences.objects.create(library=library, period=last_year, count=50)
    VirtualReferences.objects.create(library=library, period=period, count=50)
    Publication.objects.create(
        library=library, date=D(2020, 4, 1), kind=booklet, title="Буклет", year=2020
    )
    RecordCount.objects.create(library=library, database=book_db, date=D(2021, 1, 1), records=100)
    RecordCount.objects.create(library=library, database=book_db, date=D(2021, 7, 1), records=90)
    # ф№4: more copies in Kazakh than in all at the end, and a fund below zero:
    # the ledger refuses such a write-off today, but a database restored from
    # before that rule can hold one, so it is written past the guard here.
    FundSnapshot.objects.create(
        library=other_library, date=D(2020, 1, 1), copies=100, copies_kk=100
    )
    WriteOff.objects.create(library=other_library, date=D(2021, 3, 1), reason=wear, copies=10)
    QuerySet(WriteOff).bulk_create(
        [WriteOff(library=other_library, date=D(2021, 4, 1), reason=wear, copies=95)]
    )
    # The ЦБС planned five books and digitized none.
    DigitizationPlan.objects.create(organization=organization, period=period, kind=books, planned=5)
    # ЦГБ: fewer references in its work log than the virtual ones above. ф№4: 125 loans
    # per user, and fewer visits than users.
    WorkLogEntry.objects.create(
        library=library, date=D(2021, 2, 10), users=10, visits=30, loans=40, references=10
    )
    WorkLogEntry.objects.create(
        library=other_library, date=D(2021, 3, 10), users=20, visits=10, loans=2500
    )
    # ЦГБ: a fund's structure of 3000 copies against the ledger's 4000 at 01.07.2021, only
    # 100 of them by branch of knowledge, and 15 users by group against the work log's 10.
    FundStructure.objects.create(
        library=library, period=period, total=3000, books=3000, kazakh=100, russian=2900
    )
    FundBranchCopies.objects.create(
        library=library, period=period, branch=KnowledgeBranch.objects.first(), copies=100
    )
    UserGroups.objects.create(library=library, period=period, total=15, children=5, adults=10)
    # ЦГБ: 12 references by kind, not the work log's 10; 5 remote, fewer than its 50 virtual.
    ReferenceWork.objects.create(
        library=library, period=period, thematic=12, references=12, remote=5
    )
    # ф№7: books received, and no state of its fund ever recorded.
    no_fund = Library.objects.create(
        organization=organization, code="f7", kind="branch", number=7, short_name="ф№7",
        name_ru="Библиотека-филиал №7", order=70,
    )  # fmt: skip
    Receipt.objects.create(library=no_fund, date=D(2021, 5, 1), source=local, copies=12)
    # The ЦБС spent on acquisition other than its acquisition budget, and its budget
    # trebled on the year.
    AcquisitionBudget.objects.create(
        organization=organization, period=period, source=local, amount=Decimal("100")
    )
    Finance.objects.create(
        organization=organization, period=last_year, budget_local=10, budget_total=10
    )
    Finance.objects.create(
        organization=organization, period=period, budget_local=30, budget_total=30,
        spent_acquisition=50, spent_total=50,
    )  # fmt: skip
    return period
