import pytest
from django.core.management import call_command

from branches.models import Organization, ReportingPeriod


@pytest.fixture
def demo(db):
    """The demo loaded once: the Balkhash ЦБС and its first half of 2021."""
    call_command("load_demo")
    return Organization.objects.get(code="balkhash")


@pytest.fixture
def demo_period(demo):
    return ReportingPeriod.objects.get(organization=demo, year=2021, half=1)
