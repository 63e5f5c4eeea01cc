"""A ЦБС that runs its own installation sends a package per half-year: the second brings
only the rows after the first (no repeated rows), and the region's installation then
builds the ЦБС's half-year and year reports as its home installation does. A package
written before a column was added (the ЦБС's Kazakh short name) still imports; the next
one brings the column's value."""

import io
import json
import zipfile

import pytest
from django.db import transaction

from branches.handins import HandIn
from branches.models import Organization, Region, Republic
from demo.generate import generate
from demo.region_members import _without_repeats
from packages.exporting import package_export
from packages.fileformat import package_write
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


def _without_column(package: bytes, title: str, header: str) -> bytes:
    """The package as a program without the column wrote it (its checksum matching)."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        payload = json.loads(archive.read("payload.json"))
    sheet = next(sheet for sheet in payload["sheets"] if sheet["title"] == title)
    column = sheet["headers"].index(header)
    sheet["headers"].pop(column)
    for row in sheet["rows"]:
        row.pop(column)
    output = io.BytesIO()
    package_write(manifest, payload, output)
    return output.getvalue()


@pytest.mark.django_db
def test_two_half_years_by_two_packages_give_the_home_reports():
    republic = Republic.objects.create(code="kz", name_ru="Республика Казахстан")
    region = Region.objects.create(republic=republic, code="karaganda", name_ru="Карагандинская")
    packages = {}
    with transaction.atomic():  # the ЦБС's own installation, gone once exported
        org = generate(organizations=1, libraries=2, years=1, first_year=2021, prefix="home",
                       seed=5).organizations[0]  # fmt: skip
        Organization.objects.filter(pk=org.pk).update(region=region, short_name_kk="Үй ОКЖ")
        _without_repeats(org)
        for half in (1, 2):
            _approve(org, half)
            output = io.BytesIO()
            package_export(organization_code=org.code, period_code=f"2021-H{half}", output=output)
            packages[half] = output.getvalue()
        home = reports_of(org.code)
        transaction.set_rollback(True)
    assert not Organization.objects.exists()

    # The first half-year was sent by the program before the ЦБС's Kazakh short name:
    # its package has no such column, and still imports.
    packages[1] = _without_column(packages[1], "ЦБС", "Краткое название (каз.)")
    # A dry run checks everything and saves nothing.
    result = package_import(packages[1], "h1.zip", region=region, dry_run=True)
    assert result.action == NEW and result.counts["Мероприятия"][0] > 0
    assert not Organization.objects.exists() and not HandIn.objects.exists()
    assert package_import(packages[1], "h1.zip", region=region).action == NEW
    assert Organization.objects.get(code="home-1").abbreviation("kk") == "ЦБС-1"
    assert package_import(packages[2], "h2.zip", region=region).action == NEW
    assert Organization.objects.get(code="home-1").abbreviation("kk") == "Үй ОКЖ"
    here = reports_of("home-1")
    for key, data in home.items():
        assert _without_ids(here[key].as_dict()) == _without_ids(data.as_dict()), key
