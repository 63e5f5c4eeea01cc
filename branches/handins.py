"""A library's hand-in of its half-year: its state and every move it made.

A hand-in moves черновик → сдано → принято, or сдано → возвращено → сдано; every
move is kept as a `HandInTransition` (who, when, comment). The state is part of
the lock state (a handed-in half-year is read-only for its librarian,
`branches.facts.frozen_reason`), so it lives here; moves go through
`branches.lockstate.handin_move` only, which the hand-in workflow
(`handin.services`) calls with its own checks.

The tables keep the names they had when the hand-in app held these models.
`branches.models` imports this module so Django registers the models with the
app; the foreign keys name their models by label, so this module imports
nothing of `branches.models` back.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class HandIn(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("черновик")
        SUBMITTED = "submitted", _("сдано")
        ACCEPTED = "accepted", _("принято")
        RETURNED = "returned", _("возвращено")

    library = models.ForeignKey(
        "branches.Library",
        verbose_name=_("библиотека"),
        on_delete=models.CASCADE,
        related_name="handins",
    )
    period = models.ForeignKey(
        "branches.ReportingPeriod",
        verbose_name=_("период"),
        on_delete=models.CASCADE,
        related_name="handins",
    )
    state = models.CharField(
        _("состояние"), max_length=10, choices=State.choices, default=State.DRAFT
    )
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)

    library_lookup = "library"
    organization_lookup = "library__organization"

    class Meta:
        db_table = "handin_handin"
        verbose_name = _("сдача данных")
        verbose_name_plural = _("сдачи данных")
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
        db_table = "handin_handintransition"
        verbose_name = _("переход сдачи данных")
        verbose_name_plural = _("переходы сдачи данных")
        ordering = ["handin", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.handin}: {self.from_state} → {self.to_state}"


class RegionHandIn(models.Model):
    """A ЦБС's hand-in of its approved half-year report to its region.

    Moves сдано → принято or сдано → возвращено; a returned report is reopened by
    the ЦБС (its approval undone) and sent again. Every move is kept as a
    `RegionHandInTransition`. Moves go through `branches.lockstate.region_handin_move`
    only (a move needs the period approved, except the return's reopening), which
    `handin.region` calls with its role checks.
    """

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("сдано")
        ACCEPTED = "accepted", _("принято")
        RETURNED = "returned", _("возвращено")
        # The ЦБС undid its approval of a returned report to correct it.
        REOPENED = "reopened", _("открыто для исправления")

    period = models.OneToOneField(
        "branches.ReportingPeriod",
        verbose_name=_("период"),
        on_delete=models.CASCADE,
        related_name="region_handin",
    )
    state = models.CharField(
        _("состояние"), max_length=10, choices=State.choices, default=State.SUBMITTED
    )
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)

    library_lookup = None
    organization_lookup = "period__organization"

    class Meta:
        verbose_name = _("сдача отчёта в регион")
        verbose_name_plural = _("сдачи отчётов в регион")
        ordering = ["period__organization__name_ru", "-period__year", "-period__half"]

    def __str__(self) -> str:
        return f"{self.period.organization} {self.period.code}: {self.get_state_display()}"


class RegionHandInTransition(models.Model):
    handin = models.ForeignKey(
        RegionHandIn,
        verbose_name=_("сдача отчёта в регион"),
        on_delete=models.CASCADE,
        related_name="transitions",
    )
    # Empty: the first sending (there was no state before it).
    from_state = models.CharField(
        _("было"), max_length=10, choices=RegionHandIn.State.choices, blank=True
    )
    to_state = models.CharField(_("стало"), max_length=10, choices=RegionHandIn.State.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("когда"), auto_now_add=True)
    comment = models.TextField(_("комментарий"), blank=True)

    library_lookup = None
    organization_lookup = "handin__period__organization"

    class Meta:
        verbose_name = _("переход сдачи отчёта в регион")
        verbose_name_plural = _("переходы сдачи отчётов в регион")
        ordering = ["handin", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.handin}: {self.from_state} → {self.to_state}"
