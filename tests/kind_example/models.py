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


# The registry entry (in the project: one more Kind in branches/kinds.py's KINDS),
# declared as the models load, before any app reads the registry.
from tests.kind_example import kinds  # noqa: E402, F401
