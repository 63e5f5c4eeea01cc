"""Bad fund figures get a clear Russian message on the admin form and nothing is saved."""

import datetime

import pytest

from branches.models import ReportingPeriod
from holdings.models import FundingSource, FundSnapshot, Receipt, WriteOff, WriteOffReason
from tests.admin.posting import form_errors, post_add, post_change


@pytest.fixture
def as_librarian(client, librarian, period):
    client.force_login(librarian)
    return client


def receipt(library, **extra):
    return {
        "library": library.pk,
        "date": "15.03.2021",
        "source": FundingSource.objects.get(code="local-budget").pk,
        "copies": 10,
        "copies_kk": 4,
        **extra,
    }


def writeoff(library, **extra):
    return {
        "library": library.pk,
        "date": "20.03.2021",
        "reason": WriteOffReason.objects.get(code="wear").pk,
        "copies": 10,
        "copies_kk": 0,
        **extra,
    }


def test_negative_copies_are_refused(as_librarian, library):
    errors = form_errors(post_add(as_librarian, Receipt, receipt(library, copies=-5)))
    assert "Убедитесь, что это значение больше либо равно 0." in errors
    assert not Receipt.objects.exists()


def test_more_kazakh_copies_than_copies_are_refused(as_librarian, library):
    errors = form_errors(post_add(as_librarian, Receipt, receipt(library, copies=3, copies_kk=5)))
    assert "Экземпляров на казахском языке не может быть больше, чем всего экземпляров." in errors
    assert not Receipt.objects.exists()


def test_a_date_outside_every_period_is_refused(as_librarian, library):
    errors = form_errors(post_add(as_librarian, Receipt, receipt(library, date="15.03.2019")))
    assert any("15.03.2019 не попадает ни в один отчётный период" in e for e in errors)
    assert not Receipt.objects.exists()


def test_a_date_in_an_approved_period_is_refused(as_librarian, library, period):
    period.status = ReportingPeriod.Status.APPROVED
    period.save()
    errors = form_errors(post_add(as_librarian, Receipt, receipt(library)))
    assert any("утверждён: его данные больше нельзя менять" in e for e in errors)
    assert not Receipt.objects.exists()


def test_a_writeoff_taking_the_fund_below_zero_is_refused(as_librarian, library):
    FundSnapshot.objects.create(library=library, date=datetime.date(2021, 1, 1), copies=5)
    errors = form_errors(post_add(as_librarian, WriteOff, writeoff(library, copies=8)))
    assert any("к концу дня 20.03.2021 ушёл бы в минус" in e for e in errors)
    assert any("не хватило бы 3 экз." in e for e in errors)
    assert not WriteOff.objects.exists()


def test_a_writeoff_within_the_fund_is_saved(as_librarian, library):
    FundSnapshot.objects.create(library=library, date=datetime.date(2021, 1, 1), copies=50)
    response = post_add(as_librarian, WriteOff, writeoff(library, copies=8))
    assert response.status_code == 302
    assert WriteOff.objects.get().copies == 8


def test_raising_a_saved_writeoff_above_the_fund_is_refused_and_it_stays(as_librarian, library):
    FundSnapshot.objects.create(library=library, date=datetime.date(2021, 1, 1), copies=10)
    row = WriteOff.objects.create(
        library=library,
        date=datetime.date(2021, 3, 20),
        reason=WriteOffReason.objects.get(code="wear"),
        copies=10,
    )
    errors = form_errors(post_change(as_librarian, row, writeoff(library, copies=11)))
    assert any("ушёл бы в минус" in e for e in errors)
    row.refresh_from_db()
    assert row.copies == 10


def test_a_second_snapshot_of_the_same_library_and_day_is_refused(as_librarian, library):
    FundSnapshot.objects.create(library=library, date=datetime.date(2021, 1, 1), copies=5)
    data = {"library": library.pk, "date": "01.01.2021", "kind": "opening", "copies": 7}
    errors = form_errors(post_add(as_librarian, FundSnapshot, {**data, "copies_kk": 0}))
    assert "Состояние фонда этой библиотеки на эту дату уже внесено." in errors
    assert FundSnapshot.objects.count() == 1


def test_a_budget_for_the_same_period_and_source_twice_is_refused(
    client, methodologist, organization, period
):
    from holdings.models import AcquisitionBudget

    source = FundingSource.objects.get(code="local-budget")
    AcquisitionBudget.objects.create(
        organization=organization, period=period, source=source, amount=1
    )
    client.force_login(methodologist)
    data = {
        "organization": organization.pk,
        "period": period.pk,
        "source": source.pk,
        "amount": "2770.4",
    }
    errors = form_errors(post_add(client, AcquisitionBudget, data))
    assert "Бюджет по этому источнику за период уже внесён." in errors
    errors = form_errors(post_add(client, AcquisitionBudget, {**data, "amount": "-1"}))
    assert "Сумма не может быть отрицательной." in errors
    assert AcquisitionBudget.objects.count() == 1


def test_budget_accepts_a_decimal_comma_as_the_seed_writes_it(
    client, methodologist, organization, period
):
    from holdings.models import AcquisitionBudget

    client.force_login(methodologist)
    data = {
        "organization": organization.pk,
        "period": period.pk,
        "source": FundingSource.objects.get(code="local-budget").pk,
        "amount": "2770,4",
    }
    assert post_add(client, AcquisitionBudget, data).status_code == 302
    assert str(AcquisitionBudget.objects.get().amount) == "2770.4"
