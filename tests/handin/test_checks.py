"""The edit checks on made-up data that trips each of them, and on honest data."""

import json

import pytest
from django.core.management import call_command

from branches.checks import handin_checks
from handin.checks import check_run
from handin.models import CheckThreshold


def by_code(results):
    found = {}
    for result in results:
        found.setdefault(result.code, []).append(result)
    return found


def test_every_check_is_tripped_by_the_flawed_half_year(flawed_data):
    found = by_code(check_run(period=flawed_data))
    assert set(found) == {check.code for check in handin_checks()}


def test_messages_name_the_library_the_figure_the_value_and_the_comparison(flawed_data):
    found = by_code(check_run(period=flawed_data))
    (changed,) = found["changed_much"]
    assert changed.message("ru") == (
        "ЦГБ: «Поступило, экз.» – 300, за 1 полугодие 2020 года – 100 (+200%, больше чем на ±30%)."
    )
    assert "ЦГБ" in changed.message("kk") and "300" in changed.message("kk")
    assert changed.message("kk") != changed.message("ru")
    (continuity,) = found["ledger_continuity"]
    # Counts grouped as the reader reads them: «5 000», «1 100».
    assert "5\xa0000" in continuity.message("ru") and "1\xa0100" in continuity.message("ru")
    (identity,) = found["ledger_identity"]
    assert "4\xa0000" in identity.message("ru") and "5\xa0300" in identity.message("ru")
    assert {r.library.code for r in found["kazakh_above_total"]} == {"f4"}
    assert [r.library.code for r in found["fund_negative"]] == ["f4"]
    assert [r.subject for r in found["parts_above_total"]] == ["views"]
    assert [r.subject for r in found["same_as_last_year"]] == ["virtual_references"]
    assert [r.subject for r in found["zero_where_last_year"]] == ["publications"]
    assert [r.subject for r in found["kind_missing"]] == ["publications"]
    (plan,) = found["digitization_below_plan"]
    assert plan.library is None and "5" in plan.message("ru")
    # Section II's figures, read as the report reads them (a reader counts once a year).
    (virtual,) = found["virtual_above_references"]
    assert virtual.message("ru") == (
        "ЦГБ: виртуальных справок (50) больше, чем всех справок в дневнике работы (10)."
    )
    (reading,) = found["loans_per_user"]
    assert reading.message("ru") == (
        "ф№4: на пользователя выдано 125,0 документов (2\xa0500 на 20) — больше 100. Проверьте "
        "число пользователей: пользователь учитывается один раз в году."
    )
    assert "ф№4" in reading.message("kk") and reading.message("kk") != reading.message("ru")
    (visits,) = found["visits_below_users"]
    assert visits.message("ru") == (
        "ф№4: посещений (10) меньше, чем пользователей (20): каждый записавшийся хотя бы "
        "раз посетил библиотеку."
    )


def test_errors_and_warnings_are_told_apart(flawed_data):
    severities = {r.code: r.severity for r in check_run(period=flawed_data)}
    assert severities["fund_negative"] == "error"
    assert severities["ledger_identity"] == "error"
    assert severities["changed_much"] == "warning"
    assert severities["catalogue_fell"] == "warning"
    assert severities["virtual_above_references"] == "error"
    assert severities["loans_per_user"] == severities["visits_below_users"] == "warning"


def test_the_loans_per_user_limit_is_the_methodologists_threshold(flawed_data, organization):
    CheckThreshold.objects.create(organization=organization, code="loans_per_user", value=125)
    assert "loans_per_user" not in by_code(check_run(period=flawed_data))
    CheckThreshold.objects.filter(code="loans_per_user").update(value=124)
    assert "loans_per_user" in by_code(check_run(period=flawed_data))


def test_the_methodologists_threshold_replaces_the_default(flawed_data, organization):
    CheckThreshold.objects.create(organization=organization, code="changed_much", value=250)
    assert "changed_much" not in by_code(check_run(period=flawed_data))
    CheckThreshold.objects.filter(code="changed_much").update(value=150)
    (changed,) = by_code(check_run(period=flawed_data))["changed_much"]
    assert "±150%" in changed.message("ru")


def test_one_library_sees_only_its_own_results(flawed_data, other_library):
    results = check_run(period=flawed_data, libraries=[other_library])
    assert {r.library.code for r in results} == {"f4"}


def test_honest_data_raise_only_the_warning_they_deserve(loop_data):
    assert [(r.code, r.library.code, r.subject) for r in check_run(period=loop_data)] == [
        ("changed_much", "cgb", "received")
    ]


def run_command(*args):
    from io import StringIO

    out = StringIO()
    try:
        call_command("check_data", *args, stdout=out)
    except SystemExit as exit_:
        return exit_.code, out.getvalue()
    return 0, out.getvalue()


def test_check_data_exits_1_on_an_error_and_prints_every_result(flawed_data):
    code, out = run_command("--period", "2021-H1")
    assert code == 1
    assert "[error] fund_negative: ф№4" in out
    assert "[warning] changed_much: ЦГБ" in out


def test_check_data_exits_0_with_warnings_only(loop_data):
    code, out = run_command("--period", "2021-H1", "--library", "cgb")
    assert code == 0
    assert "Ошибок: 0, предупреждений: 1." in out


def test_check_data_json_has_both_languages(flawed_data):
    code, out = run_command("--period", "2021-H1", "--library", "f4", "--format", "json")
    rows = json.loads(out)
    assert code == 1
    assert {row["library"] for row in rows} == {"f4"}
    assert all(row["message_ru"] and row["message_kk"] for row in rows)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--period", "2021-H1", "--library", "nope"], "Библиотека с кодом «nope»"),
        (["--period", "2021-H1", "--format", "xml"], "допустимы text и json"),
        (["--period", "2021"], "укажите период вида 2021-H1"),
    ],
)
def test_check_data_refuses_bad_arguments(flawed_data, args, message):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=message):
        call_command("check_data", *args)


def test_the_methodologist_sets_a_threshold_in_admin(client, methodologist, organization):
    from tests.admin.posting import admin_url, form_errors

    client.force_login(methodologist)
    url = admin_url(CheckThreshold, "add")
    data = {"organization": organization.pk, "code": "changed_much", "value": 50}
    assert client.post(url, data).status_code == 302
    assert CheckThreshold.objects.get(organization=organization).value == 50
    assert "Порог этой проверки уже задан." in form_errors(client.post(url, data))
    assert "Выберите корректный вариант." in " ".join(
        form_errors(client.post(url, {**data, "code": "fund_negative"}))
    )


def test_a_network_state_entered_last_year_holds_and_is_not_missing(loop_data, library):
    import datetime

    from indicators.models import LibraryState, StaffState, WorkLogEntry

    LibraryState.objects.create(library=library, date=datetime.date(2020, 1, 1), population=900)
    StaffState.objects.create(library=library, date=datetime.date(2020, 1, 1), persons=3)
    WorkLogEntry.objects.create(library=library, date=datetime.date(2020, 2, 3), visits=5)
    missing = [r.subject for r in check_run(period=loop_data) if r.code == "kind_missing"]
    assert missing == ["work_log"]  # the log is kept every half-year; the states hold
