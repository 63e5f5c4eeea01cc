"""One row per model of the six data apps, for the admin tests.

`make_row(model, library=..., period=...)` builds a saved row that belongs to
`library` (or to its organization for organization-wide rows); pick lists get
a fresh, unused item so deleting it is possible.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model

from branches.models import (
    Library,
    Organization,
    Platform,
    ReportingPeriod,
    SocialPage,
    StaffProfile,
)
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

DAY = datetime.date(2021, 3, 15)

LIBRARY_FACTS = [
    SocialPage,
    Receipt,
    WriteOff,
    FundSnapshot,
    RecordCount,
    VirtualReferences,
    DigitizedDocument,
    Publication,
    MediaMention,
    MediaMentionTotal,
    Event,
    OnlineFigures,
]
LISTS = [
    Platform,
    FundingSource,
    WriteOffReason,
    CatalogueDatabase,
    DocumentKind,
    PublicationKind,
    EventForm,
    Initiative,
]
ORGANIZATION_ROWS = [AcquisitionBudget, DigitizationPlan, StaffProfile]
ALL_MODELS = [*LIBRARY_FACTS, *LISTS, *ORGANIZATION_ROWS, Library, Organization, ReportingPeriod]


def _first(model):
    return model.objects.order_by("order").first()


def make_row(model, *, library: Library, period: ReportingPeriod, n: int = 1):
    """A saved row of `model` belonging to `library` (n varies unique fields)."""
    org = library.organization
    fact = {"library": library}
    if model in LISTS:
        return model.objects.create(code=f"test-item-{n}", name_ru=f"Тестовое значение {n}")
    if model is Library:
        return library
    if model is Organization:
        return org
    if model is ReportingPeriod:
        return period
    if model is StaffProfile:
        user = get_user_model().objects.create_user(username=f"staff-{library.code}-{n}")
        return StaffProfile.objects.create(user=user, organization=org, library=library)
    if model is AcquisitionBudget:
        return AcquisitionBudget.objects.create(
            organization=org, period=period, source=_first(FundingSource), amount=Decimal("10.5")
        )
    if model is DigitizationPlan:
        return DigitizationPlan.objects.create(
            organization=org, period=period, kind=_first(DocumentKind), planned=5
        )
    if model is SocialPage:
        return SocialPage.objects.create(
            organization=org,
            platform=_first(Platform),
            url=f"https://instagram.com/{library.code}-{n}",
            **fact,
        )
    builders = {
        Receipt: lambda: {"date": DAY, "source": _first(FundingSource), "copies": 10},
        WriteOff: lambda: {"date": DAY, "reason": _first(WriteOffReason), "copies": 0},
        FundSnapshot: lambda: {"date": DAY + datetime.timedelta(days=n), "copies": 100},
        RecordCount: lambda: {
            "date": DAY + datetime.timedelta(days=n),
            "database": _first(CatalogueDatabase),
            "records": 1000,
        },
        VirtualReferences: lambda: {"period": period, "count": 48},
        DigitizedDocument: lambda: {
            "date": DAY,
            "kind": _first(DocumentKind),
            "title": f"Моя лирика {n}",
            "pages": 216,
        },
        Publication: lambda: {
            "date": DAY,
            "kind": _first(PublicationKind),
            "title": f"Кел оқиық {n}",
            "year": 2021,
        },
        MediaMention: lambda: {"date": DAY, "title": f"Статья о библиотеке {n}"},
        MediaMentionTotal: lambda: {"period": period, "mentions": 14},
        Event: lambda: {"date": DAY, "title": f"Час поэзии {n}", "form": _first(EventForm)},
        OnlineFigures: lambda: {"period": period, "online_events": 183},
    }
    return model.objects.create(**fact, **builders[model]())
