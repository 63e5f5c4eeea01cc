"""Packages between installations: export → import into an empty installation gives the
same report figure for figure; the same package again changes nothing; a broken,
tampered, foreign-version or other region's package is refused and nothing is saved."""

import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from branches.calendar import span_parse
from branches.handins import RegionHandIn, RegionHandInTransition
from branches.models import Organization, Region
from dataio.schema import SHEETS
from packages.fileformat import package_write
from packages.importing import package_import
from packages.models import ReceivedPackage, is_imported
from reports.builder import report_build
from reports.models import Report
from reports.services import report_set_status
from tests.dataio.test_commands import empty_database
from tests.dataio.test_round_trip import _without_ids
from tests.handin.helpers import accept_every_handin


def reports_of(code="balkhash") -> dict:
    """The half-year's report in both languages (the year's is the dataio round trip's)."""
    organization = Organization.objects.get(code=code)
    span = span_parse(organization, "2021-H1")
    return {
        language: report_build(organization=organization, span=span, language=language)
        for language in ("ru", "kk")
    }


def _approve_demo_report():
    report = Report.objects.get(organization__code="balkhash", period__year=2021, period__half=1)
    accept_every_handin(report.period)
    report_set_status(report=report, status="submitted")
    return report_set_status(report=Report.objects.get(pk=report.pk), status="approved")


def _export(path) -> bytes:
    call_command(
        "export_package", "--organization", "balkhash", "--period", "2021-H1",
        "--output", str(path), stdout=io.StringIO(),
    )  # fmt: skip
    return path.read_bytes()


def _counts() -> dict:
    """Rows and history rows of every model a package writes."""
    counts = {}
    for sheet in SHEETS:
        counts[sheet.title] = sheet.model._default_manager.count()
        if hasattr(sheet.model, "history"):
            counts[f"{sheet.title} (история)"] = sheet.model.history.count()
    counts["hand-ins"] = RegionHandIn.objects.count()
    counts["hand-in moves"] = RegionHandInTransition.objects.count()
    counts["packages"] = ReceivedPackage.history.count()
    return counts


def _rewritten(data: bytes, *, manifest=None, payload=None) -> bytes:
    """The package with its manifest or payload changed and a valid checksum again."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        old_manifest = json.loads(archive.read("manifest.json"))
        old_payload = json.loads(archive.read("payload.json"))
    output = io.BytesIO()
    package_write((manifest or (lambda m: m))(old_manifest),
                  (payload or (lambda p: p))(old_payload), output)  # fmt: skip
    return output.getvalue()


def _manifest_changed(data: bytes, **changes) -> bytes:
    """The package with its manifest edited by hand (the payload and checksum kept)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        manifest = {**json.loads(archive.read("manifest.json")), **changes}
        payload = archive.read("payload.json")
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("payload.json", payload)
    return output.getvalue()


def _import_refused(path, language="ru") -> str:
    with translation.override(language), pytest.raises(CommandError) as refused:
        call_command("import_package", str(path), stdout=io.StringIO())
    return str(refused.value)


@pytest.mark.django_db
def test_export_then_import_into_an_empty_installation_gives_the_same_report(
    demo_written, tmp_path
):
    report = _approve_demo_report()
    before = reports_of()
    snapshot = report.snapshot
    package = tmp_path / "balkhash-2021-H1.zip"
    _refusals(_export(package), tmp_path)
    manifest = json.loads(zipfile.ZipFile(package).read("manifest.json"))
    assert manifest["format_version"] == 1 and manifest["region"]["code"] == "karaganda"
    assert manifest["organization"]["code"] == "balkhash" and manifest["period"] == "2021-H1"
    assert len(manifest["payload"]["sha256"]) == 64 and manifest["exporter"].startswith("cbs")

    empty_database()
    assert not Organization.objects.exists()

    out = io.StringIO()
    call_command("import_package", str(package), stdout=out)
    assert "утверждён и сдан в регион" in out.getvalue()
    after = reports_of()
    for key, data in before.items():
        assert _without_ids(after[key].as_dict()) == _without_ids(data.as_dict()), key
    organization = Organization.objects.get(code="balkhash")
    assert is_imported(organization) and organization.region.code == "karaganda"
    imported = Report.objects.get(organization=organization, period__year=2021, period__half=1)
    assert imported.status == Report.Status.APPROVED and imported.snapshot == snapshot
    assert RegionHandIn.objects.get(period=imported.period).state == RegionHandIn.State.SUBMITTED

    # The same package again: nothing changes, not even the history.
    counts = _counts()
    out = io.StringIO()
    call_command("import_package", str(package), stdout=out)
    assert "ничего не изменено" in out.getvalue()
    assert _counts() == counts

    # A newer package of the same ЦБС and period: only with the confirmation.
    def renamed_event(payload):
        events = next(s for s in payload["sheets"] if s["title"] == "Мероприятия")
        events["rows"][0][events["headers"].index("Название")] = "Новое название"
        return payload

    newer = tmp_path / "newer.zip"
    newer.write_bytes(
        _rewritten(package.read_bytes(), payload=renamed_event,
                   manifest=lambda m: {**m, "created_at": "2099-01-01T00:00:00+00:00"})
    )  # fmt: skip
    assert "подтверждения замены" in _import_refused(newer)
    assert _counts() == counts
    call_command("import_package", str(newer), "--replace", stdout=io.StringIO())
    period = imported.period
    assert Report.objects.get(period=period).status == Report.Status.APPROVED
    moves = list(
        RegionHandInTransition.objects.filter(handin__period=period).values_list("to_state")
    )
    assert moves == [("submitted",), ("returned",), ("reopened",), ("submitted",)]
    assert ReceivedPackage.history.filter(organization_id=organization.pk).count() == 2
    from events.models import Event

    assert Event.objects.filter(title="Новое название").count() == 1
    assert Event.history.filter(history_type="-").exists()  # the replaced rows' history kept


def _refusals(data: bytes, tmp_path):
    """Each bad package refused with its message, nothing saved (one demo load for all)."""
    cases = {}
    # One byte of the file changed (inside the compressed payload).
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x01
    cases["byte"] = bytes(flipped)
    # The payload changed but the manifest's checksum kept.
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        manifest, payload = archive.read("manifest.json"), archive.read("payload.json")
    tampered = io.BytesIO()
    with zipfile.ZipFile(tampered, "w") as archive:
        archive.writestr("manifest.json", manifest)
        archive.writestr("payload.json", payload.replace(b"2021", b"2022", 1))
    cases["checksum"] = tampered.getvalue()
    cases["version"] = _manifest_changed(data, format_version=99)
    cases["truncated"] = data[: len(data) // 3]
    Region.objects.create(republic=Region.objects.get(code="karaganda").republic,
                          code="astana", name_ru="г. Астана", name_kk="Астана қ.")  # fmt: skip
    other = _rewritten(data, manifest=lambda m: {**m, "region": {**m["region"], "code": "astana"}})
    unknown = _rewritten(data, manifest=lambda m: {**m, "region": {**m["region"], "code": "mars"}})
    counts = _counts()
    expected = {
        "byte": ("не пакет отчёта ЦБС", "Контрольная сумма"),
        "checksum": ("Контрольная сумма",),
        "version": ("формате версии 99",),
        "truncated": ("не пакет отчёта ЦБС",),
    }
    for case, content in cases.items():
        path = tmp_path / f"{case}.zip"
        path.write_bytes(content)
        message = _import_refused(path)
        assert any(text in message for text in expected[case]), (case, message)
        assert _counts() == counts, case
    kazakh = _import_refused(tmp_path / "version.zip", "kk")
    assert "99" in kazakh and "формате версии" not in kazakh
    # A package of the region «astana» brought into Karaganda's installation by its methodologist.
    with pytest.raises(Exception) as refused:
        package_import(other, "other.zip", region=Region.objects.get(code="karaganda"))
    assert "региона «Карагандинская область»" in str(refused.value.messages)
    path = tmp_path / "unknown.zip"
    path.write_bytes(unknown)
    assert "«mars»" in _import_refused(path)
    # The ЦБС kept here (not from a package) is not overwritten by a package of the same code.
    path = tmp_path / "local.zip"
    path.write_bytes(data)
    assert "не из пакета" in _import_refused(path)
    assert _counts() == counts
