"""The methodologist's override moved from the report to its period (branches.0007,
reports.0008): a database of before the move keeps why, who and when."""

import datetime

from tests.migrating import in_a_database_of_its_own, migrate

BEFORE = [("reports", "0007_report_file"), ("branches", "0006_handin_models")]
AFTER = [("reports", "0008_handin_override_to_period"), ("branches", "0007_period_handin_override")]
WHEN = datetime.datetime(2021, 7, 12, 9, 30, tzinfo=datetime.UTC)


def override_moved():
    """Two reports of before the move, one with an override; their periods after it."""
    old = migrate(BEFORE)
    organization = old.get_model("branches", "Organization").objects.create(
        code="cbs", name_ru="ЦБС", name_kk="ОКЖ", city_ru="Балхаш"
    )
    periods = old.get_model("branches", "ReportingPeriod").objects
    first = periods.create(organization=organization, year=2021, half=1)
    second = periods.create(organization=organization, year=2021, half=2)
    user = old.get_model("auth", "User").objects.create(username="methodist")
    reports = old.get_model("reports", "Report").objects
    reports.create(
        organization_id=organization.pk, period_id=first.pk,
        handin_override_reason="Ф№4 закрыта на ремонт.", handin_override_by_id=user.pk,
        handin_override_at=WHEN,
    )  # fmt: skip
    reports.create(organization_id=organization.pk, period_id=second.pk)

    new = migrate(AFTER)
    periods = new.get_model("branches", "ReportingPeriod").objects
    moved = {
        str(half): periods.filter(pk=period.pk).values(
            "handin_override_reason", "handin_override_by_id", "handin_override_at"
        )[0]
        for half, period in ((1, first), (2, second))
    }
    for row in moved.values():
        at = row["handin_override_at"]
        row["handin_override_at"] = at and at.isoformat()
    return {"user": user.pk, "moved": moved}


def test_the_reason_who_and_when_move_to_the_period(tmp_path):
    result = in_a_database_of_its_own(override_moved, tmp_path)
    first, second = result["moved"]["1"], result["moved"]["2"]
    at = first["handin_override_at"]
    assert (
        first["handin_override_reason"],
        first["handin_override_by_id"],
        at and datetime.datetime.fromisoformat(at),
    ) == ("Ф№4 закрыта на ремонт.", result["user"], WHEN)
    assert (second["handin_override_reason"], second["handin_override_by_id"]) == ("", None)
