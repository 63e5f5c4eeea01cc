"""The received packages in admin, and the upload of a package with a preview.

Only the installation's superuser and the region's methodologist upload, and the
methodologist only into their own region (`packages.importing.package_import`
refuses another region's ЦБС). The file waits between the preview and the
confirmation in the imports' folder under a random name, and is deleted after.
"""

import secrets
import time
from pathlib import Path

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from branches.scoping import REGION_METHODOLOGIST, user_region, user_roles
from entry.admin_names import NamedAdminMixin
from packages.importing import NEW, REPLACE, SAME, _when, package_import, package_preview
from packages.models import ReceivedPackage

MAX_UPLOAD_BYTES = 100 * 1024 * 1024
ABANDONED_AFTER_SECONDS = 24 * 3600


def may_upload(user) -> bool:
    if user.is_superuser:
        return True
    return REGION_METHODOLOGIST in user_roles(user) and user_region(user) is not None


def _sweep_abandoned() -> None:
    """Previews never confirmed or cancelled leave their file: gone after a day."""
    folder = Path(settings.IMPORT_FILES_DIR)
    cutoff = time.time() - ABANDONED_AFTER_SECONDS
    for waiting in folder.glob("package-*.zip") if folder.is_dir() else ():
        if waiting.stat().st_mtime < cutoff:
            waiting.unlink(missing_ok=True)


def _waiting(token: str) -> Path:
    if not token.isalnum():
        raise PermissionDenied
    return Path(settings.IMPORT_FILES_DIR) / f"package-{token}.zip"


@admin.register(ReceivedPackage)
class ReceivedPackageAdmin(NamedAdminMixin, admin.ModelAdmin):
    list_display = ("organization", "period", "created_at", "imported_at", "exporter_version")
    readonly_fields = [f.name for f in ReceivedPackage._meta.fields]
    change_list_template = "admin/packages/change_list.html"

    def get_queryset(self, request):
        query = super().get_queryset(request).select_related("organization", "period")
        if request.user.is_superuser:
            return query
        region = user_region(request.user)
        return query.filter(organization__region=region) if region else query.none()

    def has_view_permission(self, request, obj=None):
        return may_upload(request.user) or REGION_METHODOLOGIST in user_roles(request.user)

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        upload = path("upload/", self.admin_site.admin_view(self.upload_view),
                      name="packages_receivedpackage_upload")  # fmt: skip
        return [upload, *super().get_urls()]

    def upload_view(self, request):
        """Step 1: a file → its preview (what it is, what importing it does);
        step 2: the confirmation imports it (and replaces an older one if so confirmed)."""
        if not may_upload(request.user):
            raise PermissionDenied
        region = None if request.user.is_superuser else user_region(request.user)
        context = {**self.admin_site.each_context(request), "opts": self.model._meta,
                   "title": _("Загрузка пакета отчёта ЦБС")}  # fmt: skip
        if request.method == "POST" and request.POST.get("token"):
            waiting = _waiting(request.POST["token"])
            if not waiting.is_file():
                messages.error(
                    request, _("Файл больше не ждёт подтверждения: загрузите его снова.")
                )
                return redirect("admin:packages_receivedpackage_upload")
            try:
                if "cancel" in request.POST:
                    return redirect("admin:packages_receivedpackage_changelist")
                result = package_import(
                    waiting.read_bytes(), request.POST.get("name", "package.zip"),
                    region=region, user=request.user, replace=request.POST.get("replace") == "1",
                )  # fmt: skip
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
                return redirect("admin:packages_receivedpackage_upload")
            finally:
                waiting.unlink(missing_ok=True)
            if result.action == SAME:
                messages.info(request, _("Этот пакет уже загружен: ничего не изменено."))
            else:
                messages.success(request, _("Пакет загружен: отчёт ЦБС утверждён и сдан в регион."))
            return redirect("admin:packages_receivedpackage_changelist")
        if request.method == "POST":
            upload = request.FILES.get("file")
            if upload is None or upload.size > MAX_UPLOAD_BYTES:
                messages.error(request, _("Выберите файл пакета."))
                return redirect("admin:packages_receivedpackage_upload")
            data = upload.read()
            try:
                package, action = package_preview(data, upload.name, region=region)
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
                return redirect("admin:packages_receivedpackage_upload")
            _sweep_abandoned()
            token = secrets.token_hex(16)
            waiting = _waiting(token)
            waiting.parent.mkdir(parents=True, exist_ok=True)
            waiting.write_bytes(data)
            context.update(
                package=package.manifest, action=action, token=token, name=upload.name,
                checksum=package.checksum, created=_when(package.manifest.get("created_at", "")), NEW=NEW, SAME=SAME, REPLACE=REPLACE,
            )  # fmt: skip
        return TemplateResponse(request, "admin/packages/upload.html", context)

    def changelist_view(self, request, extra_context=None):
        extra = {"upload_url": reverse("admin:packages_receivedpackage_upload"),
                 "may_upload": may_upload(request.user), **(extra_context or {})}  # fmt: skip
        return super().changelist_view(request, extra)
