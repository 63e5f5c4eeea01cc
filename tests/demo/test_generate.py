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


def test_it_generates_its_cbs_inside_a_region_with_a_daily_log():
    from branches.models import Region, Republic
    from events.models import Event
    from indicators.models import WorkLogEntry

    republic = Republic.objects.create(code="kz", name_ru="Республика Казахстан")
    region = Region.objects.create(republic=republic, code="karaganda", name_ru="Карагандинская")
    out = io.StringIO()
    call_command(
        "generate_data", organizations=2, libraries=2, years=1, prefix="r", region="karaganda",
        daily=True, events_per_year=40, stdout=out,
    )  # fmt: skip
    assert "в регионе «Карагандинская»" in out.getvalue()
    orgs = Organization.objects.filter(code__startswith="r-")
    assert {org.region_id for org in orgs} == {region.pk}
    rows = WorkLogEntry.objects.filter(library__organization__in=orgs)
    # Monday to Saturday of 2020 (a leap year): 314 days per library, each a day's row.
    assert rows.count() == 4 * 314
    assert set(rows.values_list("span", flat=True)) == {"day"}
    events = Event.objects.filter(library__organization__in=orgs).count()
    assert 4 * 32 <= events <= 4 * 48


def test_it_refuses_a_region_that_does_not_exist():
    with pytest.raises(CommandError, match="Региона с кодом «nowhere» нет"):
        call_command("generate_data", region="nowhere", prefix="x", stdout=io.StringIO())
    assert not Organization.objects.filter(code__startswith="x-").exists()
