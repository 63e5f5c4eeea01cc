"""The demo's region: Balkhash in «Карагандинская область» beside two illustrative ЦБС
(their names say so), so the region's pages, consolidated report and comparison can be
tried after `make demo` (`load_demo --region-members`).

Their rows are made by the benchmarks' generator (`demo.generate`, deterministic by
its seed: three libraries, 2021), their reports approved. Приозёрск is kept here like
Balkhash, handed in to the region and accepted; Шетский район runs its own
installation and arrives as a package (`packages`): it is made in a savepoint,
exported, rolled back and imported through `package_import`, so it is handed in and
not yet accepted. A second load changes nothing: a ЦБС already here is left as it is.
"""

import io

from django.contrib.auth import get_user_model
from django.db import transaction

from branches.handins import HandIn, RegionHandIn
from branches.lockstate import region_handin_move
from branches.models import Organization, Region
from dataio.exporting import row_values, sheet_queryset
from dataio.schema import SHEETS
from demo.generate import generate
from packages.exporting import package_export
from packages.importing import package_import
from reports.models import Report
from reports.services import report_set_status

PERIOD = (2021, 1)
LOCAL = {
    "code": "priozersk",
    "name_ru": "ЦБС г. Приозёрск (иллюстративные данные)",
    "name_kk": "Приозерск қ. ОКЖ (иллюстрациялық деректер)",
    "short_name": "ЦБС Приозёрска",
    "short_name_kk": "Приозерск ОКЖ",
    "city_ru": "Приозёрск",
    "city_kk": "Приозерск",
}
IMPORTED = {
    "code": "shet",
    "name_ru": "ЦБС Шетского района (иллюстративные данные)",
    "name_kk": "Шет ауданының ОКЖ (иллюстрациялық деректер)",
    "short_name": "ЦБС Шетского р-на",
    "short_name_kk": "Шет ауд. ОКЖ",
    "city_ru": "Аксу-Аюлы",
    "city_kk": "Ақсу-Аюлы",
}
LIBRARIES = 3


def _without_repeats(org: Organization) -> None:
    """The generator writes past the models' checks, so now and then one row twice (two
    identical publications): a data file (and so a package) refuses a repeated row."""
    for sheet in SHEETS:
        if sheet.is_reference:
            continue
        seen = set()
        for instance in sheet_queryset(sheet, org):
            key = tuple(row_values(sheet, instance, native=False))
            if key in seen:
                instance.delete()
            seen.add(key)


def _illustrative(names: dict, region: Region, seed: int) -> Organization:
    """A small ЦБС of generated rows, its first half of 2021 approved."""
    org = generate(organizations=1, libraries=LIBRARIES, years=1, first_year=PERIOD[0],
                   prefix=names["code"], seed=seed).organizations[0]  # fmt: skip
    Organization.objects.filter(pk=org.pk).update(**names, region=region)
    org.refresh_from_db()
    _without_repeats(org)
    period = org.periods.get(year=PERIOD[0], half=PERIOD[1])
    for library in org.libraries.all():
        # As the ЦБС's methodologist leaves them before approving the report.
        HandIn.objects.update_or_create(
            library=library, period=period, defaults={"state": HandIn.State.ACCEPTED}
        )
    report, _created = Report.objects.get_or_create(organization=org, period=period)
    report_set_status(report=report, status=Report.Status.SUBMITTED)
    report_set_status(report=Report.objects.get(pk=report.pk), status=Report.Status.APPROVED)
    return org


def demo_region_members_load(region: Region) -> list[str]:
    """Load the two illustrative ЦБС where they are not yet; returns the codes loaded."""
    loaded = []
    methodist = get_user_model().objects.filter(username="oblast-methodist").first()
    if not Organization.objects.filter(code=LOCAL["code"]).exists():
        org = _illustrative(LOCAL, region, seed=21)
        period = org.periods.get(year=PERIOD[0], half=PERIOD[1])
        region_handin_move(period=period, to_state=RegionHandIn.State.SUBMITTED, user=None)
        region_handin_move(period=period, to_state=RegionHandIn.State.ACCEPTED, user=methodist)
        loaded.append(org.code)
    if not Organization.objects.filter(code=IMPORTED["code"]).exists():
        package = io.BytesIO()
        with transaction.atomic():
            # Made as in the ЦБС's own installation, exported, and gone from this one.
            org = _illustrative(IMPORTED, region, seed=22)
            package_export(organization_code=org.code, period_code="2021-H1", output=package)
            transaction.set_rollback(True)
        package_import(package.getvalue(), "shet-2021-H1.zip", region=region)
        loaded.append(IMPORTED["code"])
    return loaded
