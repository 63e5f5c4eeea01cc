"""The demo's hand-ins: every library but one has handed in its first half of 2021,
so the methodologist's overview shows a library past the due date, and the
hand-ins' letters to the methodologists are there to read. Only with
`load_demo --hand-in` (`make demo`): a handed-in library's rows are read-only."""

from django.contrib.auth import get_user_model

from branches.models import HandIn, Organization
from handin.services import handin_for, handin_submit

# The library left in draft: past the due date, marked overdue on the overview. Its
# librarian (librarian-f4) can still enter data and hand in.
OVERDUE_LIBRARY = "f4"
HANDED_IN_PERIOD = (2021, 1)


def demo_handins_load(org: Organization) -> None:
    year, half = HANDED_IN_PERIOD
    period = org.periods.get(year=year, half=half)
    user_model = get_user_model()
    for library in org.libraries.exclude(code=OVERDUE_LIBRARY).order_by("order"):
        # Only a draft moves: a reload leaves what someone has since accepted or returned.
        if handin_for(library, period).state != HandIn.State.DRAFT:
            continue
        librarian = user_model.objects.get(username=f"librarian-{library.code}")
        handin_submit(library=library, period=period, user=librarian)
