"""The data generator behind the benchmarks and the query-count tests."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from branches.models import Library, Organization
from events.models import OnlineFigures
from holdings.models import Receipt
from holdings.selectors import fund_movement

pytestmark = pytest.mark.django_db


def test_it_makes_organizations_times_libraries_times_years_of_rows():
    call_command(
        "generate_data", organizations=2, libraries=3, years=2, prefix="t", stdout=io.StringIO()
    )
    orgs = Organization.objects.filter(code__startswith="t-")
    assert orgs.count() == 2
    assert Library.objects.filter(organization__in=orgs).count() == 6
    # One online-figures row per library and half-year.
    assert OnlineFigures.objects.filter(library__organization__in=orgs).count() == 6 * 4
    assert Receipt.objects.filter(library__organization__in=orgs).count() >= 6 * 4 * 6


def test_its_funds_never_go_negative():
    call_command("generate_data", libraries=4, years=3, prefix="n", stdout=io.StringIO())
    org = Organization.objects.get(code="n-1")
    movement = fund_movement(
        organization=org, start=datetime.date(2020, 1, 1), end=datetime.date(2022, 12, 31)
    )
    assert all(row.end.copies > 0 and row.end.copies_kk >= 0 for row in movement.rows)


def test_it_refuses_to_generate_the_same_prefix_twice():
    call_command("generate_data", libraries=1, years=1, prefix="twice", stdout=io.StringIO())
    with pytest.raises(CommandError, match="другой --prefix"):
        call_command("generate_data", libraries=1, years=1, prefix="twice", stdout=io.StringIO())
