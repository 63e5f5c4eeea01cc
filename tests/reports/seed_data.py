"""Test data mirroring the seed's figures (see /work/shared/seed/README.md).

Organization-wide figures go to the central library, as the demo loader does.
`grow()` adds rows of every kind to check the query count does not depend on them.
"""

import datetime
from decimal import Decimal

from branches.models import Platform, ReportingPeriod, SocialPage
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

D = datetime.date

CATALOGUE = {
    "book": (18296, 18620),
    "articles": (17014, 17534),
    "local-history": (14550, 14655),
    "periodicals": (264, 264),
    "ecology": (1781, 1831),
    "sd": (73, 73),
    "professional": (3732, 3759),
    "rare": (143, 143),
    "e-book": (243, 243),
    "e-article": (425, 430),
}
BOOK_PAGES = [340, 401, 383, 330, 216, 340]
BOOK_TITLES = [
    "Рассказы в стихах", "Моя лирика", "Любовь хулиганка",
    "Повседневность", "Осень жизни", "Добрая надежда",
]  # fmt: skip


def seed_load(organization, cgb, f4) -> ReportingPeriod:
    h1 = ReportingPeriod.objects.get_or_create(organization=organization, year=2021, half=1)[0]
    local = FundingSource.objects.get(code="local-budget")
    state = FundingSource.objects.get(code="state-order")
    FundSnapshot.objects.create(library=cgb, date=D(2021, 1, 1), copies=283120, copies_kk=87831)
    Receipt.objects.create(
        library=cgb, date=D(2021, 3, 1), source=local, copies=1405, copies_kk=627
    )
    Receipt.objects.create(library=cgb, date=D(2021, 4, 1), source=state, copies=630, copies_kk=566)
    WriteOff.objects.create(
        library=cgb, date=D(2021, 6, 1), reason=WriteOffReason.objects.get(code="wear"),
        copies=11837, copies_kk=956,
    )  # fmt: skip
    AcquisitionBudget.objects.create(
        organization=organization, period=h1, source=local, amount=Decimal("2770.4")
    )
    articles = DocumentKind.objects.get(code="articles")
    books = DocumentKind.objects.get(code="books")
    DigitizationPlan.objects.create(
        organization=organization, period=h1, kind=articles, planned=194
    )
    DigitizationPlan.objects.create(organization=organization, period=h1, kind=books, planned=6)
    DigitizedDocument.objects.create(
        library=cgb, date=D(2021, 6, 30), kind=articles, documents=207, pages=158,
        title="Статьи из местных газет",
        source="«Балқаш өңірі», «Северное Прибалхашье», «Пульс», «Балхашский рабочий»",
    )  # fmt: skip
    for number, (title, pages) in enumerate(zip(BOOK_TITLES, BOOK_PAGES, strict=True), 1):
        DigitizedDocument.objects.create(
            library=cgb, date=D(2021, 2, number), kind=books, author="Скляров, Н.",
            author_short="Н.Скляров", title=title, place="Алматы", year=2000, pages=pages,
        )  # fmt: skip
    for code, (before, now) in CATALOGUE.items():
        database = CatalogueDatabase.objects.get(code=code)
        RecordCount.objects.create(
            library=cgb, database=database, date=D(2021, 1, 1), records=before
        )
        RecordCount.objects.create(library=cgb, database=database, date=D(2021, 7, 1), records=now)
    VirtualReferences.objects.create(library=cgb, period=h1, count=48)

    booklet = PublicationKind.objects.get(code="e-booklet")
    trailer = PublicationKind.objects.get(code="book-trailer")
    for n in range(9):
        Publication.objects.create(
            library=f4, date=D(2021, 3, 1 + n), kind=booklet, title=f"Буклет {n + 1}",
            compilers="Ж.Әлиева", year=2021, pages=18, illustrated=True,
        )  # fmt: skip
    for n in range(23):
        Publication.objects.create(
            library=cgb, date=D(2021, 4, 1 + n), kind=trailer, title=f"Буктрейлер {n + 1}",
            annotation="буктрейлер", issuer="Ақпараттық библиографиялық бөлімі",
            compilers="Т.Ахметбекова", year=2021, size_mb=Decimal("32.4"),
        )  # fmt: skip
    MediaMention.objects.create(
        library=cgb, date=D(2021, 1, 25), kind="tv", title="Видеосюжет",
        url="https://www.instagram.com/p/CKYj1qhneMG/",
    )  # fmt: skip
    MediaMention.objects.create(
        library=cgb, date=D(2021, 2, 15), kind="tv", title="Видеосюжет",
        url="https://www.instagram.com/p/CLMdnIsIfTT/",
    )  # fmt: skip
    MediaMention.objects.create(
        library=cgb, date=D(2021, 4, 30), author="Сәденов, Қ.", author_short="Қ.Сәденов",
        title="«Мен оқыған бір кітап...»", outlet="Пульс", issue_number="18", page="7",
    )  # fmt: skip
    MediaMention.objects.create(
        library=cgb, date=D(2021, 4, 30), author="Жамалов, А.", author_short="А.Жамалов",
        title="С любовью к книге", outlet="Северное Прибалхашье", issue_number="34-35", page="10",
    )  # fmt: skip
    MediaMentionTotal.objects.create(library=cgb, period=h1, mentions=14, by_librarians=3)
    OnlineFigures.objects.create(
        library=cgb, period=h1, online_events=183, subscribers=25192, views=164785, posts=2128
    )
    events_load(organization, cgb, f4)
    return h1


def events_load(organization, cgb, f4):
    form = EventForm.objects.get
    zoom = Platform.objects.get(code="zoom")
    instagram = Platform.objects.get(code="instagram")
    SocialPage.objects.create(
        organization=organization, platform=instagram, url="https://www.instagram.com/balqashokj/"
    )
    SocialPage.objects.create(
        organization=organization, library=f4, platform=instagram,
        url="https://www.facebook.com/profile.php?id=100011219373453",
    )  # fmt: skip
    poetry = Event.objects.create(
        library=cgb, date=D(2021, 2, 10), form=form(code="poetry"),
        title="час поэзии «Өрен жүйрік, өшпес бейне»", dedication="к 175-летию Ж.Жабаева",
    )  # fmt: skip
    poetry.platforms.add(zoom)
    live = Event.objects.create(
        library=cgb, date=D(2021, 3, 10), form=form(code="live"),
        title="встреча в прямом эфире «Сырға толы нұрлы бейне»", highlight="local",
    )  # fmt: skip
    live.initiatives.add(Initiative.objects.get(code="parasat-zholy"))
    live.initiatives.add(Initiative.objects.get(code="one-country-one-book"))
    Event.objects.create(
        library=f4, date=D(2021, 3, 1), form=form(code="challenge"),
        title="челлендж-эстафета «Кел, балалар оқылық!»", dedication="к 180 летию Ы.Алтынсарина",
    )  # fmt: skip
    Event.objects.create(
        library=f4, date=D(2021, 4, 5), form=form(code="video"),
        title="видеоролик «Кітап – алтын қазынам»", highlight="literary",
    )  # fmt: skip
    Event.objects.create(
        library=cgb,
        date=D(2021, 4, 23),
        form=form(code="quiz"),
        title="интеллектуальная викторина «Ойлан, тап!»",
        highlight="literary",
    ).initiatives.add(Initiative.objects.get(code="kitap-fest"))
    Event.objects.create(
        library=cgb,
        date=D(2021, 6, 1),
        form=form(code="other"),
        is_online=False,
        title="путешествие «Летнее путешествие»",
    ).initiatives.add(Initiative.objects.get(code="year-of-childrens-reading"))
    Event.objects.create(
        library=f4, date=D(2021, 5, 1), form=form(code="action"),
        title="акция «Книга – бесценный дар»",
    )  # fmt: skip


def grow(organization, cgb, f4, n: int = 20):
    """Add `n` rows of every kind for the first half-year, across both libraries."""
    h1 = ReportingPeriod.objects.get(organization=organization, year=2021, half=1)
    local = FundingSource.objects.get(code="gift")
    reason = WriteOffReason.objects.get(code="loss")
    books = DocumentKind.objects.get(code="books")
    booklet = PublicationKind.objects.get(code="booklet")
    forms = list(EventForm.objects.all()[:5])
    initiative = Initiative.objects.get(code="kitap-fest")
    zoom = Platform.objects.get(code="zoom")
    FundSnapshot.objects.get_or_create(library=f4, date=D(2021, 1, 1), defaults={"copies": 5000})
    for i in range(n):
        library = (cgb, f4)[i % 2]
        day = D(2021, 1 + i % 6, 1 + i % 28)
        Receipt.objects.create(library=library, date=day, source=local, copies=3, copies_kk=1)
        WriteOff.objects.create(library=library, date=day, reason=reason, copies=1, copies_kk=0)
        DigitizedDocument.objects.create(
            library=library, date=day, kind=books, title=f"Книга {i}", pages=10
        )
        Publication.objects.create(
            library=library, date=day, kind=booklet, title=f"Изд {i}", year=2021
        )
        MediaMention.objects.create(library=library, date=day, title=f"Статья {i}", outlet="Пульс")
        event = Event.objects.create(
            library=library, date=day, form=forms[i % 5], title=f"Событие {i}", highlight="literary"
        )
        event.initiatives.add(initiative)
        event.platforms.add(zoom)
        database = CatalogueDatabase.objects.all()[i % 10]
        RecordCount.objects.get_or_create(
            library=f4, database=database, date=day, defaults={"records": i}
        )
    OnlineFigures.objects.get_or_create(
        library=f4, period=h1, platform=zoom, defaults={"online_events": 5, "views": 10}
    )
