"""A ЦБС that runs its own installation sends a package per half-year: the second brings
only the rows after the first (no repeated rows), and the region's installation then
builds the ЦБС's half-year and year reports as its home installation does."""

import io

import pytest
from django.db import transaction

from branches.handins import HandIn
from branches.models import Organization, Region, Republic
from demo.generate import generate
from demo.region_members import _without_repeats
from packages.exporting import package_export
from packages.importing import NEW, package_import
from reports.models import Report
from reports.services import report_set_status
from tests.dataio.test_round_trip import _without_ids, reports_of


def _approve(org, half):
    period = org.periods.get(year=2021, half=half)
    for library in org.libraries.all():
        HandIn.objects.update_or_create(
            library=library, period=period, defaults={"state": HandIn.State.ACCEPTED}
        )
    report, _created = Report.objects.get_or_create(organization=org, period=period)
    report_set_status(report=report, status="submitted")
    report_set_status(report=Report.objects.get(pk=report.pk), status="approved")


@pytest.mark.django_db
def test_two_half_years_by_two_packages_give_the_home_reports():
    republic = Republic.objects.create(code="kz", name_ru="Республика Казахстан")
    region = Region.objects.create(republic=republic, code="karaganda", name_ru="Карагандинская")
    packages = {}
    with transaction.atomic():  # the ЦБС's own installation, gone once exported
        org = generate(organizations=1, libraries=2, years=1, first_year=2021, prefix="home",
                       seed=5).organizations[0]  # fmt: skip
        Organization.objects.filter(pk=org.pk).update(region=region)
        _without_repeats(org)
        for half in (1, 2):
            _approve(org, half)
            output = io.BytesIO()
            package_export(organization_code=org.code, period_code=f"2021-H{half}", output=output)
            packages[half] = output.getvalue()
        home = reports_of(org.code)
        transaction.set_rollback(True)
    assert not Organization.objects.exists()

    # A dry run checks everything and saves nothing.
    result = package_import(packages[1], "h1.zip", region=region, dry_run=True)
    assert result.action == NEW and result.counts["Мероприятия"][0] > 0
    assert not Organization.objects.exists() and not HandIn.objects.exists()
    assert package_import(packages[1], "h1.zip", region=region).action == NEW
    assert package_import(packages[2], "h2.zip", region=region).action == NEW
    here = reports_of("home-1")
    for key, data in home.items():
        assert _without_ids(here[key].as_dict()) == _without_ids(data.as_dict()), key
