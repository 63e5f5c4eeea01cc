"""The methodologist's override moved from the report to its period (branches.0007,
reports.0008): a database of before the move keeps why, who and when."""

import datetime

import pytest

from branches.models import Organization, ReportingPeriod
from tests.migrating import migrate, migrate_to_latest

BEFORE = [("reports", "0007_report_file"), ("branches", "0006_handin_models")]
WHEN = datetime.datetime(2021, 7, 12, 9, 30, tzinfo=datetime.UTC)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_reason_who_and_when_move_to_the_period(django_user_model):
    organization = Organization.objects.create(
        code="cbs", name_ru="ЦБС", name_kk="ОКЖ", city_ru="Балхаш"
    )
    first = ReportingPeriod.objects.create(organization=organization, year=2021, half=1)
    second = ReportingPeriod.objects.create(organization=organization, year=2021, half=2)
    user = django_user_model.objects.create_user("methodist")
    try:
        old = migrate(BEFORE)
        reports = old.get_model("reports", "Report").objects
        reports.create(
            organization_id=organization.pk, period_id=first.pk,
            handin_override_reason="Ф№4 закрыта на ремонт.", handin_override_by_id=user.pk,
            handin_override_at=WHEN,
        )  # fmt: skip
        reports.create(organization_id=organization.pk, period_id=second.pk)
    finally:
        migrate_to_latest()

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.handin_override_reason, first.handin_override_by, first.handin_override_at) == (
        "Ф№4 закрыта на ремонт.", user, WHEN
    )  # fmt: skip
    assert (second.handin_override_reason, second.handin_override_by) == ("", None)
