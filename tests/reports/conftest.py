import datetime

import pytest

from branches.models import ReportingPeriod
from holdings.models import FundingSource, Receipt, WriteOff, WriteOffReason
from tests.reports.seed_data import seed_load


@pytest.fixture
def seeded(organization, library, other_library):
    """The seed's first half of 2021, loaded as rows: returns the period."""
    return seed_load(organization, library, other_library)


@pytest.fixture
def second_half(organization, seeded, library):
    """A made-up second half of 2021 continuing the seed's first."""
    ReportingPeriod.objects.create(organization=organization, year=2021, half=2)
    Receipt.objects.create(
        library=library, date=datetime.date(2021, 9, 1), source=FundingSource.objects.get(code="gift"),
        copies=500, copies_kk=300,
    )  # fmt: skip
    WriteOff.objects.create(
        library=library, date=datetime.date(2021, 11, 1), reason=WriteOffReason.objects.get(code="loss"),
        copies=18, copies_kk=2,
    )  # fmt: skip
