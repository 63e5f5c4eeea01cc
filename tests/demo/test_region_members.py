"""`load_demo --region-members` (`make demo`): Balkhash in «Карагандинская область» beside two
illustrative ЦБС, one kept here and accepted by the region, one arrived as a package and
handed in, not yet accepted; a second load changes nothing."""

import io

import pytest
from django.core.management import call_command

from branches.handins import RegionHandIn, RegionHandInTransition
from branches.models import Organization
from dataio.schema import SHEETS
from packages.models import ReceivedPackage, is_imported
from reports.models import Report


def _counts() -> dict:
    counts = {sheet.title: sheet.model._default_manager.count() for sheet in SHEETS}
    counts["moves"] = RegionHandInTransition.objects.count()
    counts["packages"] = ReceivedPackage.history.count()
    return counts


@pytest.mark.django_db
def test_the_demo_region_has_two_illustrative_cbs_one_from_a_package(demo_written):
    call_command("load_demo", "--region-members", stdout=io.StringIO())
    members = Organization.objects.filter(region__code="karaganda").order_by("code")
    assert [m.code for m in members] == ["balkhash", "priozersk", "shet"]
    for code in ("priozersk", "shet"):
        org = members.get(code=code)
        assert "иллюстративные данные" in org.name_ru and "иллюстрациялық" in org.name_kk
        assert org.libraries.count() == 3
        report = Report.objects.get(organization=org, period__year=2021, period__half=1)
        assert report.status == Report.Status.APPROVED and report.snapshot
    states = dict(RegionHandIn.objects.values_list("period__organization__code", "state"))
    assert states == {"priozersk": "accepted", "shet": "submitted"}
    assert is_imported(members.get(code="shet")) and not is_imported(members.get(code="priozersk"))
    # Their Kazakh short names, the imported one's brought by its package.
    kazakh = {m.code: m.abbreviation("kk") for m in members}
    assert kazakh == {"balkhash": "ОКЖ", "priozersk": "Приозерск ОКЖ", "shet": "Шет ауд. ОКЖ"}
    # Balkhash's own report is untouched (its data is still open, its report a draft).
    assert Report.objects.get(organization__code="balkhash").status == Report.Status.DRAFT

    counts = _counts()
    call_command("load_demo", "--region-members", stdout=io.StringIO())
    assert _counts() == counts
