"""The example's registry entry: in the project this is one more `Kind` in branches/kinds.py."""

from django.db.models import Sum

from branches.kinds import LIBRARY, LIBRARY_FACT, PER_PERIOD, Figure, Kind, Sheet, register

register(
    Kind(
        "example_visits",
        "kind_example.LibraryVisits",
        owner=LIBRARY,
        binding=PER_PERIOD,
        rights=LIBRARY_FACT,
        sheet=Sheet("Посещения"),
        label="Посещения",
        figures=(Figure("visits", Sum("visits"), label="Посещений"),),
    )
)
