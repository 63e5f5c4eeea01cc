"""A library's hand-in of its half-year, the explanations of flagged figures, and
the thresholds of the edit checks.

A period or a library can only be deleted while it holds no facts (they protect
it); its hand-ins and explanations go with it.

A hand-in moves черновик → сдано → принято, or сдано → возвращено → сдано; every
move is kept as a `HandInTransition` (who, when, comment). Moves go through
`handin.services` only, which lock the hand-in's row.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from branches.models import Library, Organization, ReportingPeriod


class HandIn(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("черновик")
        SUBMITTED = "submitted", _("сдано")
        ACCEPTED = "accepted", _("принято")
        RETURNED = "returned", _("возвращено")

    library = models.ForeignKey(
        Library, verbose_name=_("библиотека"), on_delete=models.CASCADE, related_name="handins"
    )
    period = models.ForeignKey(
        ReportingPeriod, verbose_name=_("период"), on_delete=models.CASCADE, related_name="handins"
    )
    state = models.CharField(
        _("состояние"), max_length=10, choices=State.choices, default=State.DRAFT
    )
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)

    library_lookup = "library"
    organization_lookup = "library__organization"

    class Meta:
        verbose_name = _("сдача данных")
        verbose_name_plural = _("сдача данных")
        ordering = ["period", "library__order", "library__code"]
        constraints = [
            models.UniqueConstraint(fields=["library", "period"], name="handin_unique_per_period"),
        ]

    def __str__(self) -> str:
        return f"{self.library} {self.period.code}: {self.get_state_display()}"

    @property
    def is_locked(self) -> bool:
        """Handed in or accepted: the librarian's rows of the period are read-only."""
        return self.state in (self.State.SUBMITTED, self.State.ACCEPTED)


class HandInTransition(models.Model):
    handin = models.ForeignKey(
        HandIn, verbose_name=_("сдача данных"), on_delete=models.CASCADE, related_name="transitions"
    )
    from_state = models.CharField(_("было"), max_length=10, choices=HandIn.State.choices)
    to_state = models.CharField(_("стало"), max_length=10, choices=HandIn.State.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("когда"), auto_now_add=True)
    comment = models.TextField(_("комментарий"), blank=True)

    library_lookup = "handin__library"
    organization_lookup = "handin__library__organization"

    class Meta:
        verbose_name = _("переход сдачи данных")
        verbose_name_plural = _("переходы сдачи данных")
        ordering = ["handin", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.handin}: {self.from_state} → {self.to_state}"


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
