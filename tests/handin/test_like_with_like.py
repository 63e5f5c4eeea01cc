"""A reader counts once a calendar year, so a second half's users are the year's so far:
the checks set them against the year's visits and loans so far, never the half's own
(issue 22: «посещений меньше, чем пользователей» raised for a branch whose visits of the
year exceed its users of the year)."""

import datetime
import io

import pytest
from django.core.management import call_command

from branches.models import ReportingPeriod
from handin.checks import check_run
from indicators.models import WorkLogEntry

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def second_half(organization, library, other_library, period):
    h2 = ReportingPeriod.objects.create(organization=organization, year=2021, half=2)
    # ЦГБ: 100 readers in the first half, who came 300 times; 50 visits in the second.
    WorkLogEntry.objects.create(
        library=library, date=D(2021, 2, 1), users=100, visits=300, loans=400
    )
    WorkLogEntry.objects.create(library=library, date=D(2021, 9, 1), users=0, visits=50, loans=200)
    # ф№4: 500 readers, who came 100 + 100 times in the year: fewer visits than readers.
    WorkLogEntry.objects.create(
        library=other_library, date=D(2021, 2, 1), users=500, visits=100, loans=600
    )
    WorkLogEntry.objects.create(
        library=other_library, date=D(2021, 9, 1), users=0, visits=100, loans=700
    )
    return h2


def found(period, code):
    return [r for r in check_run(period=period) if r.code == code]


def test_a_second_half_compares_the_years_visits_with_the_years_users(second_half):
    (result,) = found(second_half, "visits_below_users")  # ЦГБ's 350 ≥ 100: no warning
    assert result.library.code == "f4"
    assert result.message("ru") == (
        "ф№4: посещений с начала года (200) меньше, чем пользователей (500): каждый "
        "записавшийся хотя бы раз посетил библиотеку."
    )
    assert "жыл басынан бергі келулер (200)" in result.message("kk")


def test_a_second_half_reads_loans_per_user_of_the_year_so_far(second_half, organization):
    from handin.models import CheckThreshold

    # ф№4: 1300 loans to 500 readers in the year (2,6), not 700 of the half alone.
    CheckThreshold.objects.create(organization=organization, code="loans_per_user", value=2)
    (result,) = [r for r in found(second_half, "loans_per_user") if r.library.code == "f4"]
    assert result.message("ru").startswith(
        "ф№4: с начала года на пользователя выдано 2,6 документов (1\xa0300 на 500)"
    )


def test_check_data_raises_no_like_with_unlike_warning(second_half):
    out = io.StringIO()
    call_command("check_data", "--period", "2021-H2", stdout=out)
    assert "ЦГБ: посещений" not in out.getvalue()
    assert "ф№4: посещений с начала года (200)" in out.getvalue()


def test_a_first_half_keeps_its_own_figures(second_half, period):
    (result,) = found(period, "visits_below_users")  # 100 visits, 500 readers in H1
    assert result.message("ru").startswith("ф№4: посещений (100) меньше, чем пользователей (500)")
