import pytest

from branches.models import Organization, ReportingPeriod


@pytest.fixture
def demo(_demo_loaded, db):
    """The Balkhash ЦБС with its first half of 2021 loaded."""
    return Organization.objects.get(code="balkhash")


@pytest.fixture
def demo_period(demo):
    return ReportingPeriod.objects.get(organization=demo, year=2021, half=1)
