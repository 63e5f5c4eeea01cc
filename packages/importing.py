"""`import_package`: a ЦБС's approved report brought into the region's installation.

Everything is checked before anything is kept, in one transaction: the file
(`packages.fileformat`), the region (known here, and the importer's own), the
ЦБС (not a local one of the same code), then every row by the import engine of
data files (`dataio.importing.workbook_import`, the model's own checks, history
kept). The report is approved through the report's workflow (`reports.restoring`)
and keeps the snapshot it had at home; its hand-in to the region is sent.

The same package twice changes nothing (its checksum is stored with the
`ReceivedPackage`). Another package of the same ЦБС and period replaces the
stored one only when asked (`replace=True`, after the admin's confirmation): the
period is returned and reopened through the region hand-in's moves (kept in its
history), the period's rows deleted (their history kept) and the new ones loaded.

When the ЦБС already came with an earlier period's package, the rows of the
periods it brought are not loaded again (they are here, unchanged since: an
approved period is frozen); only the rows after them are.
"""

import datetime
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from branches.calendar import code_parse
from branches.handins import RegionHandIn
from branches.kinds import DATED, PER_PERIOD, STANDING, STATE, kind_for
from branches.lockstate import region_handin_move
from branches.models import Organization, Region, ReportingPeriod
from dataio.exporting import row_values, sheet_queryset, write_sheet
from dataio.files import DataFileError
from dataio.importing import workbook_import
from dataio.schema import SHEET_BY_TITLE
from packages.exporting import _cell, span_rows
from packages.fileformat import NOT_A_PACKAGE, Package, PackageRefused, package_read
from packages.models import ReceivedPackage
from reports.models import Report

NEW, SAME, REPLACE = "new", "same", "replace"

REGION_UNKNOWN = _("Регион «%(region)s» из пакета в этой установке не заведён: пакет не загружен.")
OTHER_REGION = _(
    "ЦБС «%(organization)s» относится к региону «%(region)s», а вы принимаете отчёты "
    "региона «%(own)s»: пакет не загружен."
)
LOCAL_ORGANIZATION = _(
    "ЦБС с кодом «%(code)s» уже ведётся в этой установке (не из пакета): пакет не может "
    "заменить её данные."
)
NEEDS_CONFIRMATION = _(
    "Отчёт ЦБС «%(organization)s» за %(period)s уже загружен из пакета от %(stored)s. "
    "Этот пакет (от %(new)s) заменит его только после подтверждения замены."
)
OLDER_PACKAGE = _("Пакет от %(new)s старше уже загруженного (от %(stored)s): он не загружен.")
ACCEPTED_FINAL = _(
    "Отчёт ЦБС «%(organization)s» за %(period)s уже принят регионом: заменить его пакетом нельзя."
)
NOT_APPROVED_IN_PACKAGE = _("В пакете нет утверждённого отчёта за %(period)s: он не загружен.")
ROWS_REFUSED = _("Данные пакета не загружены, ошибок: %(count)s. Ничего не изменено.")
CHANGE_REASON = "Загрузка пакета %(file)s"
SENT_COMMENT = "Получен пакетом %(file)s (выгружен %(created)s)"
REPLACED_COMMENT = "Заменяется пакетом %(file)s (выгружен %(created)s)"


@dataclass
class PackageResult:
    action: str
    organization_code: str
    period_code: str
    region_code: str
    created_at: str
    stored_created_at: str = ""
    counts: dict = field(default_factory=dict)
    dry_run: bool = False


def _when(iso: str) -> str:
    """A package's moment as people write it (the installation's time zone)."""
    try:
        moment = datetime.datetime.fromisoformat(iso)
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return moment.strftime("%d.%m.%Y %H:%M")
    except (TypeError, ValueError):
        return str(iso)


def _plan(
    package: Package, own_region: Region | None
) -> tuple[str, Region, ReceivedPackage | None]:
    """What importing `package` would do (NEW, SAME, REPLACE); PackageRefused if refused."""
    region = Region.objects.filter(code=package.region_code).first()
    if region is None:
        raise PackageRefused(REGION_UNKNOWN % {"region": package.region_code})
    if own_region is not None and region.pk != own_region.pk:
        raise PackageRefused(
            OTHER_REGION
            % {
                "organization": package.manifest["organization"].get("name_ru", ""),
                "region": region.name(),
                "own": own_region.name(),
            }
        )
    organization = Organization.objects.filter(code=package.organization_code).first()
    if organization is None:
        return NEW, region, None
    if not ReceivedPackage.objects.filter(organization=organization).exists():
        raise PackageRefused(LOCAL_ORGANIZATION % {"code": organization.code})
    if organization.region_id != region.pk:
        raise PackageRefused(
            OTHER_REGION
            % {
                "organization": organization.name(),
                "region": region.name(),
                "own": organization.region.name() if organization.region else "—",
            }
        )
    year, half = code_parse(package.period_code)
    stored = ReceivedPackage.objects.filter(
        organization=organization, period__year=year, period__half=half
    ).first()
    if stored is None:
        return NEW, region, None
    if stored.checksum == package.checksum:
        return SAME, region, stored
    new_at, stored_at = (
        package.manifest.get("created_at", ""),
        stored.manifest.get("created_at", ""),
    )
    if new_at < stored_at:
        raise PackageRefused(OLDER_PACKAGE % {"new": _when(new_at), "stored": _when(stored_at)})
    handin = RegionHandIn.objects.filter(period=stored.period).first()
    if handin is not None and handin.state == RegionHandIn.State.ACCEPTED:
        raise PackageRefused(
            ACCEPTED_FINAL % {"organization": organization.name(), "period": stored.period.label}
        )
    return REPLACE, region, stored


def _row_day(sheet, headers: list, row: list, name: str):
    header = next((c.header for c in sheet.columns if c.name == name), None)
    if header is None or header not in headers:
        return None
    value = row[headers.index(header)]
    try:
        return datetime.datetime.strptime(str(value), "%d.%m.%Y").date()
    except ValueError:
        return None


def _already_here(sheet, headers: list, row: list, known: ReportingPeriod | None) -> bool:
    """Whether a fact row belongs to the periods an earlier package brought (up to `known`)."""
    if known is None:
        return False
    kind = kind_for(sheet.model)
    if kind is None or sheet.is_reference:
        return False
    if kind.binding == DATED:
        day = _row_day(sheet, headers, row, "date")
        return day is not None and day <= known.end
    if kind.binding == STATE:
        day = _row_day(sheet, headers, row, "date")
        return day is not None and day <= known.day_after
    if kind.binding == PER_PERIOD:
        header = next((c.header for c in sheet.columns if c.name == "period"), None)
        if header in headers:
            try:
                year, half = code_parse(str(row[headers.index(header)]))
            except Exception:  # a bad code is the engine's to report
                return False
            return (year, half or 0) <= (known.year, known.half)
    return False


def _stored_rows(sheet, organization: Organization | None) -> set:
    """A standing fact sheet's rows (a social page, a plan) stored for an imported ЦБС,
    as the package writes them: a row the package brings again is not added twice."""
    kind = kind_for(sheet.model)
    if organization is None or sheet.is_reference or kind is None or kind.binding != STANDING:
        return set()
    return {
        tuple(_cell(value) for value in row_values(sheet, instance, native=False))
        for instance in sheet_queryset(sheet, organization)
    }


def _workbook(
    package: Package, known: ReportingPeriod | None, name: str, organization=None
) -> bytes:
    """The payload as the data file the import engine reads."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for sheet_data in package.payload["sheets"]:
        sheet = SHEET_BY_TITLE.get(sheet_data.get("title"))
        if sheet is None:
            raise PackageRefused(NOT_A_PACKAGE % {"name": name})
        headers = list(sheet_data["headers"])
        stored = _stored_rows(sheet, organization)
        rows = [
            row
            for row in sheet_data["rows"]
            if not _already_here(sheet, headers, row, known) and tuple(row) not in stored
        ]
        write_sheet(book, sheet.title, headers, rows, set())
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def _reopen_for_replace(stored: ReceivedPackage, user, comment: str) -> ReportingPeriod:
    """Return and reopen the stored period (the hand-in's history says why), put its
    report back to a draft and delete the period's rows (their history kept)."""
    period = stored.period
    handin = RegionHandIn.objects.filter(period=period).first()
    if handin is not None and handin.state == RegionHandIn.State.SUBMITTED:
        region_handin_move(period=period, to_state=RegionHandIn.State.RETURNED, user=user,
                           comment=comment)  # fmt: skip
    region_handin_move(period=period, to_state=RegionHandIn.State.REOPENED, user=user,
                       comment=comment)  # fmt: skip
    Report.objects.filter(period=period).update(
        status=Report.Status.DRAFT, snapshot=None, approved_at=None
    )
    known = _known_before(period.organization, period)
    for sheet in SHEET_BY_TITLE.values():
        kind = kind_for(sheet.model)
        if sheet.is_reference or kind is None or kind.binding not in (DATED, STATE, PER_PERIOD):
            continue
        query = span_rows(
            sheet.model._default_manager.filter(
                **{_organization_lookup(sheet.model): period.organization_id}
            ),
            sheet.model,
            period,
        )
        if known is not None:
            if kind.binding == PER_PERIOD:
                query = query.exclude(period__year__lt=known.year).exclude(
                    period__year=known.year, period__half__lte=known.half
                )
            else:
                last = known.end if kind.binding == DATED else known.day_after
                query = query.filter(date__gt=last)
        for row in query:
            row._change_reason = comment
            row.delete()
    return period


def _organization_lookup(model) -> str:
    from branches.scoping import lookups_for

    return lookups_for(model)[1]


def _known_before(organization: Organization, period_or_code) -> ReportingPeriod | None:
    """The latest period of an imported ЦБС before the package's: its rows are here."""
    if isinstance(period_or_code, ReportingPeriod):
        year, half = period_or_code.year, period_or_code.half
    else:
        year, half = code_parse(period_or_code)
    return (
        organization.periods.exclude(year__gt=year)
        .exclude(year=year, half__gte=half)
        .order_by("-year", "-half")
        .first()
    )


def package_import(
    data: bytes, name: str, *, region: Region | None = None, user=None,
    dry_run: bool = False, replace: bool = False,
) -> PackageResult:  # fmt: skip
    """Import the package in `data`; PackageRefused (nothing saved) when refused.

    `region`: the importer's region (the package's ЦБС must belong to it); None
    for the installation's superuser, who imports into the package's region if it
    is known here. A SAME package changes nothing; a REPLACE one needs `replace`.
    """
    package = package_read(data, name)
    with transaction.atomic():
        action, package_region, stored = _plan(package, region)
        result = PackageResult(
            action=action,
            organization_code=package.organization_code,
            period_code=package.period_code,
            region_code=package_region.code,
            created_at=package.manifest.get("created_at", ""),
            stored_created_at=stored.manifest.get("created_at", "") if stored else "",
            dry_run=dry_run,
        )
        if action == SAME:
            return result
        if action == REPLACE and not replace:
            raise PackageRefused(
                NEEDS_CONFIRMATION
                % {
                    "organization": stored.organization.name(),
                    "period": stored.period.label,
                    "stored": _when(result.stored_created_at),
                    "new": _when(result.created_at),
                }
            )
        texts = {"file": name, "created": _when(result.created_at)}
        if action == REPLACE:
            _reopen_for_replace(stored, user, REPLACED_COMMENT % texts)
        organization = Organization.objects.filter(code=package.organization_code).first()
        known = _known_before(organization, package.period_code) if organization else None
        try:
            report = workbook_import(_workbook(package, known, name, organization), "package.xlsx")
        except DataFileError as error:
            raise PackageRefused(error.messages) from None
        if not report.ok:
            raise PackageRefused(
                [ROWS_REFUSED % {"count": report.error_count}, *report.error_lines()]
            )
        result.counts = {
            title: (counts.created, counts.updated, counts.unchanged)
            for title, counts in report.counts.items()
        }
        organization = report.organization
        if organization is None or organization.code != package.organization_code:
            raise PackageRefused(NOT_A_PACKAGE % {"name": name})
        if organization.region_id != package_region.pk:
            organization.region = package_region
            organization._change_reason = CHANGE_REASON % texts
            organization.save()
        year, half = code_parse(package.period_code)
        period = organization.periods.filter(year=year, half=half).first()
        approved = Report.objects.filter(period=period, status=Report.Status.APPROVED)
        if period is None or not approved.exists():
            raise PackageRefused(NOT_APPROVED_IN_PACKAGE % {"period": package.period_code})
        # The report says what it said at home (its snapshot), not a rebuild here.
        approved.update(snapshot=package.payload.get("snapshot"))
        region_handin_move(period=period, to_state=RegionHandIn.State.SUBMITTED, user=user,
                           comment=SENT_COMMENT % texts)  # fmt: skip
        values = {
            "checksum": package.checksum,
            "format_version": package.manifest["format_version"],
            "exporter_version": str(package.manifest.get("exporter", ""))[:100],
            "created_at": datetime.datetime.fromisoformat(package.manifest["created_at"]),
            "imported_by": user,
            "file_name": name[:300],
            "manifest": package.manifest,
        }
        received = stored or ReceivedPackage(organization=organization, period=period)
        for key, value in values.items():
            setattr(received, key, value)
        received._change_reason = CHANGE_REASON % texts
        received.save()
        if dry_run:
            transaction.set_rollback(True)
    return result


def package_preview(data: bytes, name: str, *, region: Region | None = None) -> tuple[Package, str]:
    """The package and what importing it would do, saving nothing."""
    package = package_read(data, name)
    with transaction.atomic():
        action, _region, _stored = _plan(package, region)
        transaction.set_rollback(True)
    return package, action
