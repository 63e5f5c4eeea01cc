import pytest
from django.core.management import call_command
from django.db import transaction

from branches.models import Organization, ReportingPeriod


@pytest.fixture(scope="module")
def _demo_loaded(django_db_setup, django_db_blocker):
    """Load the demo once per test module, inside a transaction rolled back at its end.

    Each test runs in a savepoint inside it (pytest-django's `db`), so a test that
    changes rows does not leak into the next one, and the module's rows don't
    leak into other modules. Loading takes a second or two: once per module
    rather than once per test.
    """
    with django_db_blocker.unblock():
        with transaction.atomic():
            call_command("load_demo")
            yield
            transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_loaded, db):
    """The Balkhash ЦБС with its first half of 2021 loaded."""
    return Organization.objects.get(code="balkhash")


@pytest.fixture
def demo_period(demo):
    return ReportingPeriod.objects.get(organization=demo, year=2021, half=1)
