"""The package file: a zip of `manifest.json` (what the package is) and `payload.json`
(the data), checked as a whole before anything of it is used.

The manifest says the format and its version, the exporting program's version,
when it was made, the ЦБС, the period and the region, and the payload's SHA-256:
one changed byte of the payload, a truncated file or a foreign zip is refused
with a message a methodologist understands, in the page's language.
"""

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

FORMAT = "cbs-reports-package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
PAYLOAD = "payload.json"
# A package is one ЦБС's half-year: a few megabytes. The limit (uncompressed)
# refuses a zip bomb before it is inflated.
MAX_MEMBER_BYTES = 200 * 1024 * 1024

NOT_A_PACKAGE = _(
    "Файл «%(name)s» — не пакет отчёта ЦБС: он повреждён или это файл другого вида. "
    "Попросите ЦБС выгрузить пакет заново командой export_package."
)
WRONG_VERSION = _(
    "Пакет «%(name)s» записан в формате версии %(version)s, а эта программа читает "
    "версию %(supported)s. Обновите программу или попросите ЦБС выгрузить пакет в её версии."
)
CHECKSUM_MISMATCH = _(
    "Контрольная сумма пакета «%(name)s» не сходится: файл изменён или повреждён при "
    "передаче. Ничего не загружено; попросите ЦБС прислать пакет заново."
)
TOO_BIG = _("Пакет «%(name)s» слишком велик для отчёта одной ЦБС: он не загружен.")


class PackageRefused(ValidationError):
    """A package (or its import) refused as a whole: nothing is saved."""


@dataclass(frozen=True)
class Package:
    manifest: dict
    payload: dict
    checksum: str

    @property
    def organization_code(self) -> str:
        return self.manifest["organization"]["code"]

    @property
    def region_code(self) -> str:
        return self.manifest["region"]["code"]

    @property
    def period_code(self) -> str:
        return self.manifest["period"]


def canonical_json(data) -> bytes:
    """The same data gives the same bytes (and so the same checksum) on every run."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def package_write(manifest: dict, payload: dict, output) -> str:
    """Write the package to `output` (a path or a binary file); returns the checksum."""
    payload_bytes = canonical_json(payload)
    checksum = hashlib.sha256(payload_bytes).hexdigest()
    manifest = {
        **manifest,
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "payload": {"name": PAYLOAD, "sha256": checksum, "bytes": len(payload_bytes)},
    }
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        # Manifest first and uncompressed in spirit: it is what a person opens to see
        # what the file is.
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
        archive.writestr(PAYLOAD, payload_bytes)
    return checksum


def package_read(data: bytes, name: str) -> Package:
    """The package in `data`, checked: format, version, checksum; PackageRefused if not."""
    refused = PackageRefused(NOT_A_PACKAGE % {"name": name})
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = {info.filename: info for info in archive.infolist()}
            if MANIFEST not in members or PAYLOAD not in members:
                raise refused
            if any(info.file_size > MAX_MEMBER_BYTES for info in members.values()):
                raise PackageRefused(TOO_BIG % {"name": name})
            manifest = json.loads(archive.read(MANIFEST))
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise refused
            if manifest.get("format_version") != FORMAT_VERSION:
                raise PackageRefused(
                    WRONG_VERSION
                    % {
                        "name": name,
                        "version": manifest.get("format_version"),
                        "supported": FORMAT_VERSION,
                    }
                )
            payload_bytes = archive.read(PAYLOAD)
    except PackageRefused:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, KeyError, OSError, EOFError):
        # ValueError: JSON; BadZipFile: a CRC or a truncated file; zlib's error is an OSError
        raise refused from None
    except Exception as error:  # a damaged zip fails in many ways (zlib.error…)
        raise refused from error
    checksum = hashlib.sha256(payload_bytes).hexdigest()
    if checksum != (manifest.get("payload") or {}).get("sha256"):
        raise PackageRefused(CHECKSUM_MISMATCH % {"name": name})
    try:
        payload = json.loads(payload_bytes)
        manifest["organization"]["code"], manifest["region"]["code"], manifest["period"]
    except (ValueError, KeyError, TypeError):
        raise refused from None
    if not isinstance(payload, dict) or not isinstance(payload.get("sheets"), list):
        raise refused
    return Package(manifest=manifest, payload=payload, checksum=checksum)
