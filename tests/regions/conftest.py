"""The levels above the ЦБС: the test ЦБС in the Karaganda oblast, another oblast
beside it, and the two oblasts' staff."""

import pytest

from branches.handins import RegionHandIn
from branches.models import Organization, Region, ReportingPeriod, Republic, StaffProfile
from branches.scoping import REGION_MANAGEMENT, REGION_METHODOLOGIST, ensure_groups
from demo.generate import generate
from reports.models import Report
from tests.admin.conftest import row_of  # noqa: F401  (the admin matrix's row builder)


def new_republic():
    return Republic.objects.create(code="kz", name_ru="Республика Казахстан")


def new_region(republic, organization):
    """The Karaganda oblast, the test ЦБС's."""
    region = Region.objects.create(
        republic=republic, code="karaganda", name_ru="Карагандинская область",
        name_kk="Қарағанды облысы",
    )  # fmt: skip
    organization.region = region
    organization.save()
    return region


def new_other_region(republic, other_organization):
    """The Pavlodar oblast, the other ЦБС's."""
    region = Region.objects.create(
        republic=republic, code="pavlodar", name_ru="Павлодарская область"
    )
    other_organization.region = region
    other_organization.save()
    return region


@pytest.fixture
def republic(db):
    return new_republic()


@pytest.fixture
def region(republic, organization):
    return new_region(republic, organization)


@pytest.fixture
def other_region(republic, other_organization):
    return new_other_region(republic, other_organization)


def make_region_user(django_user_model, username, role, region, groups=None):
    """A user of `role` at the level of `region`; `groups`: as for tests.conftest.make_user."""
    user = django_user_model.objects.create_user(username=username, password="pw", is_staff=True)
    user.groups.set([(groups or ensure_groups())[role]])
    StaffProfile.objects.create(user=user, region=region)
    return user


@pytest.fixture
def region_methodologist(django_user_model, region):
    return make_region_user(django_user_model, "oblast-methodist", REGION_METHODOLOGIST, region)


@pytest.fixture
def region_manager(django_user_model, region):
    return make_region_user(django_user_model, "oblast-director", REGION_MANAGEMENT, region)


@pytest.fixture
def other_region_methodologist(django_user_model, other_region):
    return make_region_user(django_user_model, "other-oblast", REGION_METHODOLOGIST, other_region)


@pytest.fixture
def approved(period, region):
    """The test ЦБС's first half of 2021, its report approved (as the report's workflow leaves it)."""
    Report.objects.create(
        organization=period.organization,
        period=period,
        status=Report.Status.APPROVED,
        snapshot={"ru": {}, "kk": {}},
    )
    ReportingPeriod.objects.filter(pk=period.pk).update(status=ReportingPeriod.Status.APPROVED)
    period.refresh_from_db()
    return period


@pytest.fixture(scope="module")
def karaganda_three(_demo_loaded, django_db_blocker):
    """The demo's region with Balkhash and two small generated ЦБС beside it; Balkhash's and
    the first generated ЦБС's first half of 2021 accepted by the region, the second's not."""
    with django_db_blocker.unblock():
        region = Region.objects.get(code="karaganda")
        made = generate(organizations=2, libraries=2, years=1, first_year=2021, prefix="kg")
        Organization.objects.filter(pk__in=[o.pk for o in made.organizations]).update(region=region)
        for code in ("balkhash", "kg-1"):
            period = ReportingPeriod.objects.get(organization__code=code, year=2021, half=1)
            RegionHandIn.objects.update_or_create(
                period=period, defaults={"state": RegionHandIn.State.ACCEPTED}
            )
        return region
