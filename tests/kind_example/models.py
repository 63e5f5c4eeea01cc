from django.db import models
from django.utils.translation import gettext_lazy as _

from branches.facts import LibraryPeriodFact


class LibraryVisits(LibraryPeriodFact):
    """Visits to a library in a half-year: a per-library period figure."""

    visits = models.PositiveIntegerField(_("посещений"))

    class Meta:
        verbose_name = _("посещения")
        verbose_name_plural = _("посещения")

    def __str__(self) -> str:
        return f"{self.library}: {self.visits}"
