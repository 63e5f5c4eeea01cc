"""The explanations of flagged figures and the thresholds of the edit checks.

A period or a library can only be deleted while it holds no facts (they protect
it); its explanations go with it. The hand-ins themselves (their state and
moves) are the lock state's, in `branches.handins`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from branches.models import Library, Organization, ReportingPeriod


class Explanation(models.Model):
    """A written explanation of one warning: why a figure is what it is.

    `key` names the warning (check code, library, figure) so the explanation
    stays attached to it while the figure changes; `library` is empty for the
    ЦБС's own figures (the digitization plan), which the methodologist explains.
    """

    period = models.ForeignKey(
        ReportingPeriod,
        verbose_name=_("период"),
        on_delete=models.CASCADE,
        related_name="explanations",
    )
    library = models.ForeignKey(
        Library, verbose_name=_("библиотека"), on_delete=models.CASCADE, null=True, blank=True
    )
    key = models.CharField(_("проверка"), max_length=200)
    text = models.TextField(_("пояснение"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("когда"), auto_now=True)

    library_lookup = "library"
    organization_lookup = "period__organization"

    class Meta:
        verbose_name = _("пояснение")
        verbose_name_plural = _("пояснения")
        ordering = ["period", "key"]
        constraints = [
            models.UniqueConstraint(fields=["period", "key"], name="explanation_unique_per_check"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class CheckThreshold(models.Model):
    """The methodologist's threshold for one edit check of her ЦБС."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("организация"), on_delete=models.CASCADE
    )
    code = models.CharField(_("проверка"), max_length=50)
    value = models.PositiveIntegerField(_("порог"))

    library_lookup = None
    organization_lookup = "organization"

    # Admin forms show each constraint's message next to this field.
    constraint_error_fields = {"check_threshold_unique": "code"}

    class Meta:
        verbose_name = _("порог проверки")
        verbose_name_plural = _("пороги проверок")
        ordering = ["organization", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "code"],
                name="check_threshold_unique",
                violation_error_message=_("Порог этой проверки уже задан."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.value}"
