"""A little of every kind of data, for two libraries, so exports and imports have
something in each sheet and a librarian has another library's rows to not see."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest

from branches.models import Platform, SocialPage
from catalogue.models import CatalogueDatabase, RecordCount, VirtualReferences
from digitization.models import DigitizationPlan, DigitizedDocument, DocumentKind
from events.models import Event, EventForm, Initiative, OnlineFigures
from holdings.models import (
    AcquisitionBudget,
    FundingSource,
    FundSnapshot,
    Receipt,
    WriteOff,
    WriteOffReason,
)
from publications.models import MediaMention, MediaMentionTotal, Publication, PublicationKind


def day(text: str) -> datetime.date:
    return datetime.datetime.strptime(text, "%d.%m.%Y").date()


@pytest.fixture
def sample_data(organization, library, other_library, period):
    facebook = Platform.objects.get(code="facebook")
    instagram = Platform.objects.get(code="instagram")
    SocialPage.objects.create(
        organization=organization, library=library, platform=facebook, url="https://fb.com/cgb"
    )
    SocialPage.objects.create(
        organization=organization, platform=instagram, url="https://instagram.com/cbs"
    )
    AcquisitionBudget.objects.create(
        organization=organization,
        period=period,
        source=FundingSource.objects.get(code="local-budget"),
        amount=Decimal("1234.5"),
    )
    for lib, copies in ((library, 1000), (other_library, 500)):
        FundSnapshot.objects.create(
            library=lib, date=day("01.01.2021"), copies=copies, copies_kk=400
        )
        Receipt.objects.create(
            library=lib,
            date=day("15.02.2021"),
            source=FundingSource.objects.get(code="gift"),
            copies=30,
            copies_kk=10,
            document="акт 5",
        )
        WriteOff.objects.create(
            library=lib,
            date=day("20.03.2021"),
            reason=WriteOffReason.objects.get(code="wear"),
            copies=12,
            copies_kk=2,
            act_number="7",
        )
        RecordCount.objects.create(
            library=lib, database=CatalogueDatabase.objects.get(code="book"),
            date=day("01.01.2021"), records=copies * 3,
        )  # fmt: skip
        VirtualReferences.objects.create(library=lib, period=period, count=17)
        DigitizedDocument.objects.create(
            library=lib, date=day("10.04.2021"), kind=DocumentKind.objects.get(code="books"),
            author="Скляров, Н.", title=f"Моя лирика {lib.code}", pages=216, year=2008,
        )  # fmt: skip
        Publication.objects.create(
            library=lib, date=day("05.05.2021"), kind=PublicationKind.objects.get(code="video"),
            title=f"Буктрейлер {lib.code}", year=2021, size_mb=Decimal("32.4"), language="kk",
        )  # fmt: skip
        MediaMention.objects.create(
            library=lib, date=day("30.04.2021"), author="Сәденов, Қ.", title=f"Статья {lib.code}",
            outlet="Пульс", issue_number="18", page="7", by_librarian=True,
        )  # fmt: skip
        MediaMentionTotal.objects.create(library=lib, period=period, mentions=5, tv_stories=1)
        event = Event.objects.create(
            library=lib, date=day("12.06.2021"), title=f"Челлендж {lib.code}",
            form=EventForm.objects.get(code="challenge"), participants=25, views=300, is_online=True,
            highlight="literary", note="=не формула, а текст",
        )  # fmt: skip
        event.platforms.set([facebook, instagram])
        event.initiatives.set([Initiative.objects.get(code="kitap-fest")])
        OnlineFigures.objects.create(library=lib, period=period, platform=facebook, views=100)
    DigitizationPlan.objects.create(
        organization=organization, period=period, kind=DocumentKind.objects.get(code="books"),
        planned=10,
    )  # fmt: skip
    return organization


def workbook_bytes(sheets: dict[str, list[list]]) -> bytes:
    """An XLSX file with the given sheets (first row = headers)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        worksheet = book.create_sheet(title)
        for row in rows:
            worksheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def read_workbook(data_or_path) -> dict[str, list[tuple]]:
    source = io.BytesIO(data_or_path) if isinstance(data_or_path, bytes) else data_or_path
    book = openpyxl.load_workbook(source, read_only=True)
    try:
        sheets = {}
        for ws in book.worksheets:
            rows = list(ws.iter_rows(values_only=True))
            width = len(rows[0]) if rows else 0
            sheets[ws.title] = [tuple(r) + (None,) * (width - len(r)) for r in rows]
        return sheets
    finally:
        book.close()
