"""The work log, plans and network states refuse impossible figures at the data layer."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import RequestFactory
from simple_history.models import HistoricalRecords

from branches.facts import WriteRefused
from branches.handins import HandIn
from branches.models import ReportingPeriod
from indicators.models import IndicatorPlan, LibraryState, StaffState, WorkLogEntry

DAY = datetime.date(2021, 3, 15)


def messages(error: ValidationError) -> list[str]:
    return [str(m) for m in error.messages]


def entry(library, **figures):
    return WorkLogEntry(library=library, date=figures.pop("date", DAY), **figures)


@pytest.mark.parametrize(
    ("figures", "message"),
    [
        (
            {"users": 5, "users_children": 3, "users_youth": 3},
            "Детей до 14 лет и молодёжи 15–30 лет вместе не может быть больше, "
            "чем всего записано пользователей.",
        ),
        (
            {"users": 2, "users_remote": 3},
            "Удалённых пользователей не может быть больше, чем всего записано пользователей.",
        ),
        (
            {"visits": 10, "visits_events": 11},
            "Посещений мероприятий не может быть больше, чем всего посещений.",
        ),
        (
            {"visits": 10, "visits_remote": 11},
            "Удалённых обращений не может быть больше, чем всего посещений.",
        ),
        (
            {"loans": 10, "loans_kk": 11},
            "Выдано на казахском языке не может быть больше, чем выдано всего.",
        ),
        (
            {"loans": 10, "loans_books": 6, "loans_periodicals": 3, "loans_electronic": 2},
            "Книг, периодики и электронных документов вместе не может быть больше, "
            "чем выдано всего.",
        ),
    ],
)
def test_a_part_above_its_total_is_refused_with_a_russian_message_and_by_the_database(
    library, period, figures, message
):
    row = entry(library, **figures)
    with pytest.raises(ValidationError) as refused:
        row.full_clean()
    assert message in messages(refused.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        entry(library, **figures).save()
    assert not WorkLogEntry.objects.exists()


def test_parts_equal_to_their_totals_are_fine(library, period):
    row = entry(
        library, users=5, users_children=2, users_youth=3, users_remote=5, visits=4,
        visits_events=4, visits_remote=4, loans=9, loans_kk=9, loans_books=5,
        loans_periodicals=3, loans_electronic=1,
    )  # fmt: skip
    row.full_clean()
    row.save()


def test_a_negative_count_is_refused_by_the_database(library, period):
    with pytest.raises(IntegrityError), transaction.atomic():
        WorkLogEntry.objects.create(library=library, date=DAY, references=-1)


def test_a_second_row_for_the_same_day_is_refused(library, period):
    entry(library, visits=3).save()
    with pytest.raises(ValidationError) as refused:
        entry(library, visits=4).full_clean()
    assert "За этот день строка дневника уже внесена: измените ту строку." in messages(
        refused.value
    )


def test_a_month_row_is_dated_its_first_day(library, period):
    row = entry(library, span=WorkLogEntry.Span.MONTH, visits=300)
    row.full_clean()
    assert row.date == datetime.date(2021, 3, 1)


def test_days_and_a_month_total_of_the_same_month_are_never_both_entered(library, period):
    entry(library, visits=3).save()
    with pytest.raises(ValidationError) as refused:
        entry(library, date=DAY.replace(day=20), span="month", visits=90).full_clean()
    assert (
        "За 03.2021 уже внесены строки по дням (1): итог месяца одной строкой внести нельзя, "
        "иначе дни посчитаются дважды." in messages(refused.value)
    )
    april = entry(library, date=datetime.date(2021, 4, 9), span="month", visits=90)
    april.full_clean()
    april.save()
    with pytest.raises(ValidationError) as refused:
        entry(library, date=datetime.date(2021, 4, 12), visits=1).full_clean()
    assert (
        "За 04.2021 уже внесён итог месяца одной строкой: дни этого месяца вносить нельзя, "
        "измените итог месяца." in messages(refused.value)
    )


def test_a_row_outside_the_open_periods_or_in_an_approved_one_is_refused(library, period):
    with pytest.raises(ValidationError) as refused:
        entry(library, date=datetime.date(2021, 8, 2), visits=1).full_clean()
    assert "не попадает ни в один отчётный период" in " ".join(messages(refused.value))
    ReportingPeriod.objects.filter(pk=period.pk).update(status=ReportingPeriod.Status.APPROVED)
    with pytest.raises(ValidationError) as refused:
        entry(library, visits=1).full_clean()
    assert "Период «1 полугодие 2021 года» утверждён: его данные больше нельзя менять." in messages(
        refused.value
    )


def test_a_row_outside_the_periods_is_refused_by_every_write_not_only_the_form(library, period):
    with pytest.raises(WriteRefused, match="не попадает ни в один отчётный период"):
        entry(library, date=datetime.date(2021, 8, 2), visits=1).save()
    with pytest.raises(WriteRefused):
        WorkLogEntry.objects.bulk_create([entry(library, date=datetime.date(2022, 1, 3))])
    row = entry(library, visits=1)
    row.save()
    with pytest.raises(WriteRefused):
        WorkLogEntry.objects.filter(pk=row.pk).update(date=datetime.date(2021, 8, 2))
    assert list(WorkLogEntry.objects.values_list("date", "visits")) == [(row.date, 1)]


def test_a_handed_in_half_year_is_read_only_for_its_librarian(library, period, librarian):
    row = entry(library, visits=1)
    row.save()
    HandIn.objects.create(library=library, period=period, state=HandIn.State.SUBMITTED)
    request = RequestFactory().get("/")
    request.user = librarian
    HistoricalRecords.context.request = request
    try:
        row.visits = 2
        with pytest.raises(WriteRefused, match="сданы"):
            row.save()
        with pytest.raises(WriteRefused, match="сданы"):
            entry(library, date=datetime.date(2021, 3, 9), visits=1).save()
        with pytest.raises(ValidationError, match="сданы"):
            entry(library, date=datetime.date(2021, 3, 10), visits=1).full_clean()
    finally:
        del HistoricalRecords.context.request
    assert WorkLogEntry.objects.get(pk=row.pk).visits == 1
    assert WorkLogEntry.objects.count() == 1


def test_a_plan_read_by_an_approved_half_year_is_frozen(library, period):
    plan = IndicatorPlan(library=library, year=2021, users=100, visits=1000, loans=2000)
    plan.full_clean()
    plan.save()
    ReportingPeriod.objects.filter(pk=period.pk).update(status=ReportingPeriod.Status.APPROVED)
    plan.refresh_from_db()
    plan.loans = 3000
    with pytest.raises(ValidationError) as refused:
        plan.full_clean()
    assert "Период «1 полугодие 2021 года» утверждён: его данные больше нельзя менять." in messages(
        refused.value
    )
    second_half = IndicatorPlan(library=library, year=2021, half=2, users=1)
    second_half.full_clean()  # the second half is not approved


def test_one_annual_plan_per_library_and_year(library, period):
    IndicatorPlan.objects.create(library=library, year=2021, users=1)
    with pytest.raises(ValidationError) as refused:
        IndicatorPlan(library=library, year=2021, users=2).full_clean()
    assert "Годовой план этой библиотеки на этот год уже внесён: измените ту запись." in messages(
        refused.value
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorPlan.objects.create(library=library, year=2021, users=2)


def test_staff_posts_are_counted_in_quarters(library):
    state = StaffState(library=library, date=DAY, persons=3, posts=Decimal("2.3"))
    with pytest.raises(ValidationError) as refused:
        state.full_clean()
    assert "Штатные единицы вносятся четвертями ставки: 0,25; 0,5; 0,75; 1; 1,25…" in messages(
        refused.value
    )
    state.posts = Decimal("2.75")
    state.full_clean()


@pytest.mark.parametrize(
    ("figures", "message"),
    [
        (
            {"persons": 3, "higher_education": 2, "secondary_education": 2},
            "С высшим и средним специальным библиотечным образованием вместе не может "
            "быть больше, чем работников.",
        ),
        (
            {"persons": 3, "age_under_30": 2, "age_30_55": 1, "age_over_55": 1},
            "Работников по возрастам вместе не может быть больше, чем всего работников.",
        ),
        (
            {"persons": 1, "service_3_10": 2},
            "Работников по стажу вместе не может быть больше, чем всего работников.",
        ),
    ],
)
def test_staff_groups_above_the_staff_are_refused(library, figures, message):
    with pytest.raises(ValidationError) as refused:
        StaffState(library=library, date=DAY, **figures).full_clean()
    assert message in messages(refused.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        StaffState.objects.create(library=library, date=DAY, **figures)


def test_seats_with_computers_or_internet_within_seats(library):
    with pytest.raises(ValidationError) as refused:
        LibraryState(library=library, date=DAY, seats=10, seats_internet=11).full_clean()
    assert "Мест с выходом в интернет не может быть больше, чем всего посадочных мест." in (
        messages(refused.value)
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        LibraryState.objects.create(library=library, date=DAY, seats=10, seats_computers=11)
