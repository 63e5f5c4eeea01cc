"""`export_package`: an approved report of a ЦБС and the data it was built from, as one file.

The payload is every sheet of the import/export schema (`dataio.schema.SHEETS`,
made from the kinds registry `branches.kinds`), so a new kind with a sheet
travels in packages without a change here. Each sheet is narrowed to what the
span's report reads: the ЦБС, its libraries, the pick lists, and the rows up to
the period's end (dated facts up to its last day, states up to its closing day
— the fund's opening state and the catalogue counts included —, per-period facts
and reports of this period and the ones before, which the comparisons with a
year before read). Kinds without a sheet (staff accounts, hand-in records) do
not travel: the receiving installation keeps its own.
"""

import datetime
import subprocess
import tomllib
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from branches.calendar import code_parse
from branches.kinds import DATED, STATE, kind_for
from branches.models import Organization, ReportingPeriod
from dataio.exporting import EXPORT_CHUNK_ROWS, row_values, sheet_queryset
from dataio.schema import SHEETS
from packages.fileformat import package_write
from reports.models import Report

NO_ORGANIZATION = _("ЦБС с кодом «%(code)s» нет.")
NO_PERIOD = _("У ЦБС нет периода %(period)s.")
NOT_APPROVED = _("Отчёт за %(period)s не утверждён: в пакет выгружается только утверждённый отчёт.")
NO_REGION = _(
    "ЦБС не отнесена ни к одному региону: укажите её регион (администратор установки), "
    "тогда пакет можно выгрузить."
)


def exporter_version() -> str:
    """The project's version and, where the code is a git checkout, its commit."""
    try:
        with open(settings.BASE_DIR / "pyproject.toml", "rb") as file:
            version = tomllib.load(file)["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        version = "?"
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    return f"cbs-reports {version}" + (f" ({commit})" if commit else "")


def _not_after(period: ReportingPeriod, prefix: str) -> Q:
    return Q(**{f"{prefix}year__lt": period.year}) | Q(
        **{f"{prefix}year": period.year, f"{prefix}half__lte": period.half}
    )


def _forward_relation(model, name: str):
    try:
        field = model._meta.get_field(name)
    except Exception:  # no such field
        return None
    return field if field.concrete and field.is_relation else None


def span_rows(query, model, period: ReportingPeriod):
    """`query` narrowed to the rows the report of `period` reads (module docstring)."""
    if model is ReportingPeriod:
        return query.filter(_not_after(period, ""))
    if _forward_relation(model, "period") is not None:
        return query.filter(_not_after(period, "period__"))
    if _forward_relation(model, "report") is not None:
        return query.filter(_not_after(period, "report__period__"))
    kind = kind_for(model)
    if kind is not None and kind.binding == DATED:
        return query.filter(date__lte=period.end)
    if kind is not None and kind.binding == STATE:
        return query.filter(date__lte=period.day_after)
    return query


def _cell(value):
    """A cell as JSON keeps it: dates as the files write them, amounts as text."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return value


def approved_period(organization_code: str, period_code: str) -> ReportingPeriod:
    organization = Organization.objects.filter(code=organization_code).first()
    if organization is None:
        raise ValidationError(NO_ORGANIZATION % {"code": organization_code})
    year, half = code_parse(period_code)
    period = organization.periods.filter(year=year, half=half or 0).first()
    if period is None:
        raise ValidationError(NO_PERIOD % {"period": period_code})
    report = Report.objects.filter(period=period).first()
    if report is None or report.status != Report.Status.APPROVED:
        raise ValidationError(NOT_APPROVED % {"period": period.label})
    if organization.region_id is None:
        raise ValidationError(NO_REGION)
    return period


def package_payload(period: ReportingPeriod) -> dict:
    organization = period.organization
    sheets = []
    for sheet in SHEETS:
        query = span_rows(sheet_queryset(sheet, organization), sheet.model, period)
        rows = [
            [_cell(value) for value in row_values(sheet, instance, native=False)]
            for instance in query.iterator(chunk_size=EXPORT_CHUNK_ROWS)
        ]
        sheets.append({"title": sheet.title, "headers": sheet.headers, "rows": rows})
    return {"sheets": sheets, "snapshot": period.report.snapshot}


def package_export(*, organization_code: str, period_code: str, output) -> dict:
    """Write the package of the approved report; returns its manifest."""
    period = approved_period(organization_code, period_code)
    organization, region = period.organization, period.organization.region
    payload = package_payload(period)
    manifest = {
        "exporter": exporter_version(),
        "created_at": timezone.now().isoformat(),
        "organization": {"code": organization.code, "name_ru": organization.name_ru,
                         "name_kk": organization.name_kk},
        "period": period.code,
        "region": {"code": region.code, "name_ru": region.name_ru, "name_kk": region.name_kk},
        "approved_at": period.report.approved_at.isoformat() if period.report.approved_at else None,
        "rows": {sheet["title"]: len(sheet["rows"]) for sheet in payload["sheets"]},
    }  # fmt: skip
    checksum = package_write(manifest, payload, output)
    return {**manifest, "checksum": checksum}
