"""The example's registry entry: in the project this is one more `Kind` in branches/kinds.py."""

from django.db.models import Max, Sum

from branches.kinds import AT_END, LIBRARY, LIBRARY_FACT, PER_PERIOD, Figure, Kind, Sheet, register

register(
    Kind(
        "example_visits",
        "kind_example.LibraryVisits",
        owner=LIBRARY,
        binding=PER_PERIOD,
        rights=LIBRARY_FACT,
        sheet=Sheet("Посещения"),
        label="Посещения",
        figures=(
            Figure("visits", Sum("visits"), label="Посещений"),
            # A detail, not a key figure: a code and a check, no card, no summary row.
            Figure(
                "visits_last_half",
                Max("visits"),
                rule=AT_END,
                label="Посещений за последнее полугодие",
                key=False,
            ),
        ),
    )
)
