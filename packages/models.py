"""The packages an installation received: which ЦБС's approved report of which
period came from which file. An organization with a received package is an
imported ЦБС (`is_imported`); otherwise it is an ordinary Organization, read by
the figures reader, the consolidation and the dashboard like a local one."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from branches.models import Organization, ReportingPeriod


class ReceivedPackage(models.Model):
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("организация"),
        on_delete=models.CASCADE,
        related_name="received_packages",
    )
    period = models.OneToOneField(
        ReportingPeriod,
        verbose_name=_("период"),
        on_delete=models.CASCADE,
        related_name="received_package",
    )
    checksum = models.CharField(_("контрольная сумма (SHA-256)"), max_length=64)
    format_version = models.PositiveSmallIntegerField(_("версия формата"))
    exporter_version = models.CharField(_("версия программы ЦБС"), max_length=100)
    created_at = models.DateTimeField(_("пакет выгружен"))
    imported_at = models.DateTimeField(_("пакет загружен"), auto_now=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто загрузил"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    file_name = models.CharField(_("файл"), max_length=300, blank=True)
    manifest = models.JSONField(_("описание пакета"), default=dict)
    history = HistoricalRecords()

    library_lookup = None
    organization_lookup = "organization"

    class Meta:
        verbose_name = _("полученный пакет")
        verbose_name_plural = _("полученные пакеты")
        ordering = ["organization__name_ru", "-period__year", "-period__half"]

    def __str__(self) -> str:
        return f"{self.organization.abbreviation()} — {self.period.code}"


def is_imported(organization: Organization) -> bool:
    """Whether the ЦБС's data came from packages (it runs its own installation)."""
    return ReceivedPackage.objects.filter(organization=organization).exists()
